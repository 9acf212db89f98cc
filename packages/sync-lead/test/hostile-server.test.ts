// Hostile servers against syncLead (and a syncLeads batch), each call in a process of its own: a gzip
// bomb, bodies that never end (fast and slow), a 1 MB fault string (with and without a Marketo code), a
// redirect to another port, a silent server, invalid UTF-8, bytes that are not HTTP, and servers that
// echo the secret key and the request's signature (raw, escaped, bare) into every text an error or a
// trace copies. Each call ends with a typed error within its deadline (timeoutMs plus a generous
// margin), the process grows by less than 64 MB, and neither the secret nor any signature the client
// sent shows in the error (message, stack, util.inspect, JSON, causes) or in the trace.
import path from 'node:path';
import { escapeSoapText } from '@org/mktows-types';
import { describe, expect, it } from 'vitest';
import { DEADLINE_MS, escapeXml, faultAnswer, type HostileReport, MAX_GROWTH_MB, MEGABYTE, runHostileClient, signatureOf, syncLeadAnswer, syncMultipleLeadsAnswer, TIMEOUT_MS, useHostileFixtures } from './support/hostile-calls.js';
import { type RawReply, type RecordedRequest, repoRoot, runProcess, startRawServer } from '@org/test-support';

const userId = 'hostile_user';
// XML specials in the key: its escaped forms differ from it, so an escaped echo is a different string.
const secretKey = 'Hostile-S3cret&<Key>"0123456789abcdef';
const hostile = useHostileFixtures();

/** The key as it reads in text: as is, and escaped the ways a server or a serialiser escapes it. */
const secretForms = [
  secretKey,
  escapeXml(secretKey),
  escapeSoapText(secretKey),
  escapeXml(escapeXml(secretKey)),
  JSON.stringify(secretKey).slice(1, -1),
];

/** Every secret the run could leak: the key in each of its forms and each signature the server received. */
function leaksIn(text: string, signatures: readonly string[]): string[] {
  return [...secretForms, ...signatures].filter((secret) => secret !== '' && text.includes(secret));
}

/** What every hostile call must satisfy, whatever the server did. */
function expectBoundedAndClean(report: HostileReport, signatures: readonly string[]): void {
  expect(report.durationMs).toBeLessThan(DEADLINE_MS);
  expect(report.growthMb).toBeLessThan(MAX_GROWTH_MB);
  expect(signatures.length).toBeGreaterThanOrEqual(2);
  expect(signatures.every((signature) => /^[0-9a-f]{40}$/.test(signature))).toBe(true);
  const everything = [
    report.error?.message ?? '',
    report.error?.printed ?? '',
    JSON.stringify(report.result ?? null),
    report.traces,
  ].join('\n');
  expect(leaksIn(everything, signatures)).toEqual([]);
}

async function hostileSyncLead(
  hostile: (request: RecordedRequest) => RawReply,
): Promise<{ report: HostileReport; signatures: string[] }> {
  const run = await runHostileClient({
    mode: 'sync-lead',
    userId,
    secretKey,
    timeoutMs: TIMEOUT_MS,
    warmUp: { body: syncLeadAnswer('CREATED') },
    hostile,
  });
  expectBoundedAndClean(run.report, run.signatures);
  expect(run.report.settled).toBe('rejected');
  return run;
}

/** Everything a hostile server can echo from a request: its signature, bare and in the escaped envelope, and the key. */
function echoOf(request: RecordedRequest): string {
  return `sig=${signatureOf(request)} SIG=${signatureOf(request).toUpperCase()} key=${escapeXml(secretKey)} ${escapeXml(escapeXml(secretKey))} echo ${escapeXml(request.body)}`;
}

describe('syncLead against hostile servers (one child process per call)', () => {
  it('gzip bomb (1 MB expanding to 1 GiB): refused unread, TransportError', async () => {
    expect(hostile.gzipBomb.length).toBeLessThan(2 * MEGABYTE);
    const { report } = await hostileSyncLead(() => ({ body: hostile.gzipBomb, headers: { 'content-encoding': 'gzip' } }));
    expect(report.error).toMatchObject({ name: 'TransportError', message: expect.stringMatching(/compressed/) });
  });

  it('a body that never ends (1 MB every 10 ms): abandoned at maxResponseBytes, TransportError naming the limit', async () => {
    const { report } = await hostileSyncLead(() => ({ endless: { chunk: Buffer.alloc(MEGABYTE, 0x41), everyMs: 10 } }));
    expect(report.error).toMatchObject({ name: 'TransportError', details: { limit: 'maxResponseBytes' } });
    expect(report.error?.message).toMatch(/maxResponseBytes \(8388608 bytes\)/);
  });

  it('a body that trickles forever (1 KB every 50 ms): ended at timeoutMs for the whole attempt, TimeoutError', async () => {
    const { report } = await hostileSyncLead(() => ({ endless: { chunk: 'x'.repeat(1024), everyMs: 50 } }));
    expect(report.error).toMatchObject({
      name: 'TimeoutError',
      details: { limit: 'timeoutMs', timeoutMs: TIMEOUT_MS },
    });
    expect(report.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
  });

  it('a silent server: TimeoutError', async () => {
    const { report } = await hostileSyncLead(() => ({ hang: true }));
    expect(report.error).toMatchObject({ name: 'TimeoutError', details: { timeoutMs: TIMEOUT_MS } });
  });

  it('a 1 MB fault string with a Marketo code: MarketoError, its text cut to a few hundred characters', async () => {
    const { report } = await hostileSyncLead(() => ({
      status: 500,
      body: faultAnswer('SOAP-ENV:Server', `20011 - ${'x'.repeat(MEGABYTE)}`, 20011),
    }));
    expect(report.error).toMatchObject({ name: 'MarketoError', details: { code: 20011 } });
    expect(report.error?.message.length).toBeLessThan(400);
    expect(String(report.error?.details.faultString).length).toBeLessThan(400);
    expect(report.error?.details.faultString).toMatch(/… \(1048584 characters\)$/);
  });

  it('a 1 MB fault string without a Marketo code: InvalidResponseError, cut short', async () => {
    const { report } = await hostileSyncLead(() => ({
      status: 500,
      body: faultAnswer('x'.repeat(MEGABYTE), 'y'.repeat(MEGABYTE)),
    }));
    expect(report.error?.name).toBe('InvalidResponseError');
    expect(report.error?.message.length).toBeLessThan(800);
  });

  it('a redirect to another port: not followed (nothing reaches the other port), TransportError with the status', async () => {
    const before = hostile.elsewhere.requests.length;
    const { report } = await hostileSyncLead(() => ({ status: 307, body: '', headers: { location: hostile.elsewhere.url } }));
    expect(report.error).toMatchObject({ name: 'TransportError', details: { httpStatus: 307 } });
    expect(hostile.elsewhere.requests.length).toBe(before);
  });

  it('invalid UTF-8 in the response: InvalidResponseError, not U+FFFD', async () => {
    const [head, tail] = syncLeadAnswer('CREATED').split('1089965</leadId><syncStatus>');
    const body = Buffer.concat([
      Buffer.from(`${head}1089965</leadId>`),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(`<syncStatus>${tail}`),
    ]);
    const { report } = await hostileSyncLead(() => ({ body }));
    expect(report.error).toMatchObject({ name: 'InvalidResponseError', message: expect.stringMatching(/UTF-8/) });
  });

  it('a lead id beyond 2^53 (99999999999999999999): InvalidResponseError, not 1e20', async () => {
    const { report } = await hostileSyncLead(() => ({
      body: syncLeadAnswer('CREATED', undefined, '99999999999999999999'),
    }));
    expect(report.error).toMatchObject({
      name: 'InvalidResponseError',
      message: expect.stringMatching(/not a lead id/),
    });
  });

  it('echoes in a fault (faultstring and faultcode): MarketoError without the secret or a signature', async () => {
    const { report } = await hostileSyncLead((request) => ({
      status: 500,
      body: faultAnswer(`SOAP-ENV:Client ${echoOf(request)}`, `20014 - ${echoOf(request)}`, 20014),
    }));
    expect(report.error).toMatchObject({ name: 'MarketoError', details: { code: 20014 } });
    expect(report.error?.message).toContain('[REDACTED]');
    expect(report.traces).toContain('[REDACTED]');
  });

  it('echoes in a fault without a Marketo code: InvalidResponseError without the secret or a signature', async () => {
    const { report } = await hostileSyncLead((request) => ({
      status: 500,
      body: faultAnswer(`ns:${signatureOf(request)}`, echoOf(request)),
    }));
    expect(report.error?.name).toBe('InvalidResponseError');
    expect(report.error?.message).toContain('[REDACTED]');
  });

  it("echoes in a FAILED sync's <error>: SyncFailedError without the secret or a signature", async () => {
    const { report } = await hostileSyncLead((request) => ({
      body: syncLeadAnswer('FAILED', `${signatureOf(request)} ${escapeXml(secretKey)}`),
    }));
    expect(report.error).toMatchObject({ name: 'SyncFailedError', message: expect.stringContaining('[REDACTED]') });
  });

  it('echoes in bytes that are not HTTP (a header with a control character): TransportError, its cause a clean copy', async () => {
    const { report } = await hostileSyncLead((request) => ({
      rawSocket: `HTTP/1.1 200 OK\r\nX-Echo: ${signatureOf(request)}${secretKey}\u0001\r\nContent-Length: 0\r\n\r\n`,
    }));
    expect(report.error?.name).toBe('TransportError');
    expect(report.error?.printed).not.toMatch(/rawPacket/);
  });

  it('echoes in a 200 body that is not XML: InvalidResponseError (the body is only in the redacted trace)', async () => {
    const { report } = await hostileSyncLead((request) => ({ body: `not xml ${signatureOf(request)} ${secretKey}` }));
    expect(report.error?.name).toBe('InvalidResponseError');
    expect(report.traces).toContain('[REDACTED]');
  });

  it('a syncLeads batch that gets a body without end fails each of its leads with that reason', async () => {
    const run = await runHostileClient({
      mode: 'bulk',
      userId,
      secretKey,
      timeoutMs: TIMEOUT_MS,
      warmUp: { body: syncMultipleLeadsAnswer(3) },
      hostile: () => ({ endless: { chunk: Buffer.alloc(MEGABYTE, 0x41), everyMs: 10 } }),
    });
    expectBoundedAndClean(run.report, run.signatures);
    const results = run.report.result as Array<{
      status: string;
      error?: { name: string; message: string; causeNames: string[] };
    }>;
    expect(results).toHaveLength(3);
    for (const { status, error } of results) {
      expect(status).toBe('FAILED');
      // The server may have applied the batch before its answer ran away: the outcome is unknown, for that reason.
      expect(error).toMatchObject({ name: 'SyncOutcomeUnknownError', causeNames: ['TransportError'] });
      expect(error?.message).toMatch(/larger than maxResponseBytes/);
    }
  });
});

describe('the sync-lead CLI against hostile servers', () => {
  const bin = path.join(repoRoot, 'packages/sync-lead/bin/sync-lead.js');

  it.each([
    [
      'a 1 MB fault string',
      (): RawReply => ({ status: 500, body: faultAnswer('SOAP-ENV:Server', `20011 - ${'x'.repeat(MEGABYTE)}`, 20011) }),
    ],
    ['a gzip bomb', (): RawReply => ({ body: hostile.gzipBomb, headers: { 'content-encoding': 'gzip' } })],
  ])('%s: exit 1 with one short line on stderr, within the deadline', async (_, reply) => {
    const server = await startRawServer(reply);
    try {
      const started = performance.now();
      const args = [bin, '--endpoint', server.url, '--email', 'cli@example.com', '--timeout-ms', String(TIMEOUT_MS)];
      const env = { MARKETO_USER_ID: userId, MARKETO_SECRET_KEY: secretKey };
      const run = await runProcess(process.execPath, args, env, undefined, { killAfterMs: DEADLINE_MS + 30_000 });
      // The process's start (imports, the WSDL) comes on top of the call's deadline.
      expect(performance.now() - started).toBeLessThan(DEADLINE_MS + 5000);
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(run.stderr.length).toBeLessThan(500);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await server.close();
    }
  });
});
