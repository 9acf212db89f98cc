// Over REST, neither the client secret nor any access token appears in anything the client lets out: trace
// events (the identity URL carries the secret; its answer and every Authorization header the tokens),
// errors (messages, stacks, causes, util.inspect, JSON), the client object, console output, or the CLI's
// stdout and stderr with --trace. The mock issues the tokens; a recording proxy in front of it collects
// every one it issued, so the check would see them if they leaked.
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSyncLeadClient, formatTraceEvent, type SyncLeadClient, type TraceEvent } from '../src/index.js';
import { startMock, type MockFixture } from './support/mock.js';
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy.js';
import { everythingAbout, leaksIn, repoRoot, runProcess } from '@org/test-support';

let mock: MockFixture;
let proxy: RecordingProxy;
let client: SyncLeadClient;
const traces: TraceEvent[] = [];
const errors: unknown[] = [];
const consoleOutput: string[] = [];

/** The client secret (as given and URL-encoded) and every token the identity service issued so far. */
function secrets(): string[] {
  const tokens = proxy.exchanges
    .filter(({ request }) => request.url.startsWith('/identity/'))
    .map(({ responseBody }) => (JSON.parse(responseBody) as { access_token?: string }).access_token ?? '');
  return [...new Set([mock.clientSecret, encodeURIComponent(mock.clientSecret), ...tokens])];
}

beforeAll(async () => {
  // A secret with characters a URL must encode, so both spellings are looked for.
  mock = await startMock({ rateLimit: false, rest: { clientSecret: 'Cl1ent/Secret+with=chars&more_0123456789' } });
  proxy = await startRecordingProxy(new URL(mock.server.restUrl).origin);
  client = createSyncLeadClient({
    rest: { endpoint: `${proxy.origin}/rest`, clientId: mock.clientId, clientSecret: mock.clientSecret },
    retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 5 },
    onTrace: (event) => traces.push(event),
  });
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (consoleOutput.push(String(chunk)), true)),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (consoleOutput.push(String(chunk)), true)),
  ];
  const calls: Array<[() => void, () => Promise<unknown>]> = [
    [() => undefined, () => client.syncLead({ email: 'ok@example.com', attributes: { FirstName: 'George' }, returnLead: true })],
    [() => mock.server.failNextRest(602), () => client.syncLead({ email: 'ok@example.com' })],
    [() => mock.server.failNextRest(601, 601), () => client.syncLead({ email: 'storm@example.com' })],
    [() => mock.server.failNextRest(502, 502), () => client.syncLead({ email: 'gateway@example.com' })],
    [() => mock.server.failNextRest('malformed'), () => client.syncLead({ email: 'malformed@example.com' })],
    [() => undefined, () => client.syncLead({ email: 'bad@example.com', attributes: { LeadScore: 'ten' } })],
    [() => undefined, () => client.syncLeads([{ email: 'bulk@example.com' }, { email: 'x', attributes: { Shoe_Size__c: 1 } }])],
  ];
  try {
    for (const [prepare, call] of calls) {
      prepare();
      const outcome = await call().catch((error: unknown) => (errors.push(error), undefined));
      for (const result of (outcome as { results?: Array<{ error?: unknown }> } | undefined)?.results ?? []) {
        if (result.error) errors.push(result.error);
      }
    }
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
});

afterAll(async () => {
  client.close();
  await proxy.close();
  await mock.close();
});

describe('no client secret and no access token leaks over REST', () => {
  it('the calls covered success, a refreshed token, a 601 storm, HTTP 502, a malformed answer, a skipped record, bad input', () => {
    expect(errors.map((error) => (error as Error).name).sort()).toEqual(
      ['InvalidResponseError', 'MarketoError', 'SyncFailedError', 'TransportError', 'ValidationError'].sort(),
    );
    // The proxy saw the secret and the token (the mock hands out the same token while it lives, also after
    // an injected 601/602): they were there to leak.
    expect(proxy.exchanges.filter(({ request }) => request.url.startsWith('/identity/'))).toHaveLength(3);
    expect(secrets().filter((secret) => secret.endsWith(':mk'))).toHaveLength(1);
    expect(proxy.exchanges.some(({ request }) => request.url.includes(encodeURIComponent(mock.clientSecret)))).toBe(true);
  });

  it('not in trace events, raw or formatted (the URL, headers and bodies show [REDACTED])', () => {
    const text = `${JSON.stringify(traces)}\n${traces.map(formatTraceEvent).join('\n')}`;
    expect(leaksIn(text, secrets())).toEqual([]);
    const identity = traces.find((event) => event.type === 'rest-request' && event.operation === 'identityUsingGET');
    expect(identity).toMatchObject({ url: expect.stringMatching(/&client_secret=\[REDACTED\]$/) });
    const answer = traces.find((event) => event.type === 'rest-response' && event.operation === 'identityUsingGET');
    expect(answer).toMatchObject({ body: expect.stringContaining('"access_token":"[REDACTED]"') });
    const sync = traces.find((event) => event.type === 'rest-request' && event.operation === 'syncLeadUsingPOST');
    expect(sync).toMatchObject({ headers: { authorization: 'Bearer [REDACTED]' } });
  });

  it('not in errors, not in the client object, and nothing was logged', () => {
    for (const error of errors) expect(leaksIn(everythingAbout(error), secrets())).toEqual([]);
    expect(leaksIn(inspect(client, { depth: Infinity, showHidden: true }), secrets())).toEqual([]);
    expect(consoleOutput).toEqual([]);
  });

  it('not in the CLI output with --rest --trace --json, on success and on a failure', async () => {
    const bin = path.join(repoRoot, 'packages/sync-lead/bin/sync-lead.js');
    const env = { MARKETO_REST_ENDPOINT: `${proxy.origin}/rest`, MARKETO_CLIENT_ID: mock.clientId, MARKETO_CLIENT_SECRET: mock.clientSecret };
    const ok = await runProcess(process.execPath, [bin, '--rest', '--email', 'cli@example.com', '--attr', 'FirstName=Cli', '--trace', '--json'], env);
    mock.server.failNextRest(601, 601);
    const failed = await runProcess(process.execPath, [bin, '--rest', '--email', 'cli@example.com', '--trace', '--json'], env);
    expect([ok.code, failed.code]).toEqual([0, 1]);
    expect(failed.stderr).toContain('sync-lead: Marketo error 601');
    const output = [ok.stdout, ok.stderr, failed.stdout, failed.stderr].join('\n');
    expect(output).toContain('client_secret=[REDACTED]');
    expect(leaksIn(output, secrets())).toEqual([]);
  });

  it('the check itself finds a leak when there is one', () => {
    const [secret, , token] = secrets();
    expect(leaksIn(`... ${secret!} ... ${token!}`, secrets())).toEqual([secret, token]);
  });
});
