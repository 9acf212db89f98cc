// Neither the secret key nor any request signature appears in anything the client lets out: trace
// events, errors (messages, stacks, causes, inspected or serialised), the client object, console
// output, or the CLI's stdout/stderr. The signatures are taken from what the server received, so the
// check would see them if they leaked.
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createSyncLeadClient, type SyncLeadClient, type TraceEvent } from '../src/index.js';
import { describeWithShared, docsFixture, elementTexts, everythingAbout, faultEnvelope, type RawReply, type RawServer, repoRoot, runProcess, startRawServer } from '@org/test-support';
import { FAST_RETRY } from './support/mock.js';

const secretKey = 'S3cret&<Key>"0123456789abcdef';
const userId = 'secrets_user';
const fault20014 = docsFixture('fault-20014.response.xml');
const success = docsFixture('synclead.response.xml');

// One reply per request, in order: every kind of outcome the client can produce.
const script: RawReply[] = [
  { body: success },
  { status: 500, body: fault20014 },
  { status: 500, body: faultEnvelope(fault20014, 20016, 'Request Expired') },
  { body: success },
  { status: 503, body: '<html>down</html>' },
  { reset: true },
  { body: success },
  { body: 'not xml at all' },
  { body: '' },
  { hang: true },
  { hang: true },
];

describeWithShared('no secret key and no request signature leaks', () => {
  let server: RawServer;
  let client: SyncLeadClient;
  const traces: TraceEvent[] = [];
  const errors: unknown[] = [];
  const consoleOutput: string[] = [];

  function leakedIn(text: string, signatures: readonly string[]): string[] {
    return [secretKey, ...signatures].filter((secret) => text.includes(secret));
  }

  beforeAll(async () => {
    server = await startRawServer((index) => script[index] ?? { body: success });
    client = createSyncLeadClient({
      endpoint: server.url,
      userId,
      secretKey,
      rateLimit: false,
      timeoutMs: 200,
      retry: { ...FAST_RETRY, maxAttempts: 2 },
      onTrace: (event) => traces.push(event),
    });
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (consoleOutput.push(String(chunk)), true)),
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (consoleOutput.push(String(chunk)), true)),
    ];
    try {
      for (let call = 0; call < 8; call += 1) {
        await client.syncLead({ email: `call-${call}@example.com`, attributes: { FirstName: 'George' }, returnLead: true }).catch((error: unknown) => {
          errors.push(error);
        });
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  afterAll(async () => {
    client.close();
    await server.close();
  });

  it('the calls covered success, faults, retries, transport failures and invalid responses, all signed', () => {
    expect(errors.map((error) => (error as Error).name).sort()).toEqual(
      ['InvalidResponseError', 'InvalidResponseError', 'MarketoError', 'TimeoutError', 'TransportError'].sort(),
    );
    const signatures = server.requests.flatMap((request) => elementTexts(request.body, 'requestSignature'));
    expect(signatures).toHaveLength(server.requests.length);
    expect(signatures.every((signature) => /^[0-9a-f]{40}$/.test(signature))).toBe(true);
  });

  it('not in trace events (the request XML shows [REDACTED] instead)', () => {
    const signatures = server.requests.flatMap((request) => elementTexts(request.body, 'requestSignature'));
    const serialised = JSON.stringify(traces);
    expect(leakedIn(serialised, signatures)).toEqual([]);
    const requests = traces.filter((event) => event.type === 'request');
    // At least one per request received (a request can also die on a stale keep-alive socket unseen).
    expect(requests.length).toBeGreaterThanOrEqual(server.requests.length);
    for (const event of requests) expect(elementTexts(event.xml, 'requestSignature')).toEqual(['[REDACTED]']);
  });

  it('not in errors: message, stack, causes, util.inspect, JSON', () => {
    const signatures = server.requests.flatMap((request) => elementTexts(request.body, 'requestSignature'));
    for (const error of errors) expect(leakedIn(everythingAbout(error), signatures)).toEqual([]);
  });

  it('not in the client object, and nothing was logged', () => {
    const signatures = server.requests.flatMap((request) => elementTexts(request.body, 'requestSignature'));
    expect(leakedIn(inspect(client, { depth: Infinity, showHidden: true }), signatures)).toEqual([]);
    expect(consoleOutput).toEqual([]);
  });

  it('not in the CLI output, with --trace, --json and a fault', async () => {
    const cliServer = await startRawServer((index) => (index === 0 ? { body: success } : { status: 500, body: fault20014 }));
    try {
      const bin = path.join(repoRoot, 'packages/sync-lead/bin/sync-lead.js');
      const env = { MARKETO_USER_ID: userId, MARKETO_SECRET_KEY: secretKey };
      const args = [bin, '--endpoint', cliServer.url, '--email', 'cli@example.com', '--trace', '--json', '--return-lead'];
      const ok = await runProcess(process.execPath, args, env);
      const failed = await runProcess(process.execPath, args, env);
      expect([ok.code, failed.code]).toEqual([0, 1]);
      const signatures = cliServer.requests.flatMap((request) => elementTexts(request.body, 'requestSignature'));
      expect(signatures).toHaveLength(2);
      const output = [ok.stdout, ok.stderr, failed.stdout, failed.stderr].join('\n');
      expect(output).toContain('[REDACTED]');
      expect(leakedIn(output, signatures)).toEqual([]);
    } finally {
      await cliServer.close();
    }
  });

  it('the check itself finds a leak when there is one', () => {
    const [signature] = server.requests.flatMap((request) => elementTexts(request.body, 'requestSignature'));
    expect(leakedIn(`... ${signature ?? 'missing'} ...`, [signature ?? 'missing'])).toHaveLength(1);
    expect(leakedIn(`key=${secretKey}`, [])).toEqual([secretKey]);
  });
});
