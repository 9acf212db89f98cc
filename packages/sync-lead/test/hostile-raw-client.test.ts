// The same hostile servers against the raw typed client, `createMktowsClient` of @org/mktows-types,
// with its defaults (no bound configured but the timeout, to keep the test short): a gzip bomb, bodies
// that never end, a body declared too large, a silent server, a redirect to another port, invalid UTF-8
// and a 1 MB fault. Each call, in a process of its own, ends within its deadline, the process grows by
// less than 64 MB, and the client's own errors (MktowsTransportError) carry no secret and no signature.
// (The typed client passes soap's own rejections through unchanged, as documented, so the echo cases
// of hostile-server.test.ts, which are about what sync-lead copies into its errors, do not apply.)
import { describe, expect, it } from 'vitest';
import { DEADLINE_MS, faultAnswer, type HostileReport, MAX_GROWTH_MB, MEGABYTE, runHostileClient, syncLeadAnswer, TIMEOUT_MS, useHostileFixtures } from './support/hostile-calls.js';
import { type RawReply } from '@org/test-support';

const userId = 'hostile_raw_user';
const secretKey = 'Hostile-Raw-S3cret-0123456789abcdef';
const hostile = useHostileFixtures();

async function hostileRawCall(hostile: () => RawReply): Promise<HostileReport> {
  const { report, signatures } = await runHostileClient({
    mode: 'raw',
    userId,
    secretKey,
    timeoutMs: TIMEOUT_MS,
    warmUp: { body: syncLeadAnswer('CREATED') },
    hostile,
  });
  expect(report.settled).toBe('rejected');
  expect(report.durationMs).toBeLessThan(DEADLINE_MS);
  expect(report.growthMb).toBeLessThan(MAX_GROWTH_MB);
  expect(signatures).toHaveLength(2);
  if (report.error?.name === 'MktowsTransportError') {
    expect([secretKey, ...signatures].filter((secret) => report.error?.printed.includes(secret))).toEqual([]);
  }
  return report;
}

describe('createMktowsClient against hostile servers (one child process per call)', () => {
  it('gzip bomb: refused unread (compressed-response)', async () => {
    const report = await hostileRawCall(() => ({ body: hostile.gzipBomb, headers: { 'content-encoding': 'gzip' } }));
    expect(report.error).toMatchObject({ name: 'MktowsTransportError', details: { reason: 'compressed-response' } });
  });

  it('a body that never ends: abandoned at the default 8 MiB (response-too-large)', async () => {
    const report = await hostileRawCall(() => ({ endless: { chunk: Buffer.alloc(MEGABYTE, 0x41), everyMs: 10 } }));
    expect(report.error).toMatchObject({
      name: 'MktowsTransportError',
      details: { reason: 'response-too-large', limit: 8 * MEGABYTE },
    });
  });

  it('a body declared larger than the limit: refused before reading it', async () => {
    const report = await hostileRawCall(() => ({
      endless: { chunk: 'x', everyMs: 5 },
      headers: { 'content-length': String(1024 * MEGABYTE) },
    }));
    expect(report.error).toMatchObject({ details: { reason: 'response-too-large' } });
    expect(report.durationMs).toBeLessThan(TIMEOUT_MS);
  });

  it('a body that trickles forever: ended at the timeout for the whole call', async () => {
    const report = await hostileRawCall(() => ({ endless: { chunk: 'x'.repeat(1024), everyMs: 50 } }));
    expect(report.error).toMatchObject({
      name: 'MktowsTransportError',
      details: { reason: 'timeout', limit: TIMEOUT_MS },
    });
  });

  it('a silent server: timeout', async () => {
    const report = await hostileRawCall(() => ({ hang: true }));
    expect(report.error).toMatchObject({ details: { reason: 'timeout' } });
  });

  it('a redirect to another port: not followed (nothing reaches it)', async () => {
    const before = hostile.elsewhere.requests.length;
    const report = await hostileRawCall(() => ({ status: 308, body: '', headers: { location: hostile.elsewhere.url } }));
    expect(report.error).toMatchObject({
      name: 'MktowsTransportError',
      details: { reason: 'redirect', httpStatus: 308 },
    });
    expect(hostile.elsewhere.requests.length).toBe(before);
  });

  it('invalid UTF-8: refused, not read as U+FFFD', async () => {
    // A UTF-16 surrogate encoded as UTF-8 (ED A0 80) is not UTF-8: a decoder must not turn it into text.
    const [head, tail] = syncLeadAnswer('CREATED').split('<status>');
    const body = Buffer.concat([
      Buffer.from(`${head}<status>`),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from(tail ?? ''),
    ]);
    const report = await hostileRawCall(() => ({ body }));
    expect(report.error).toMatchObject({
      name: 'MktowsTransportError',
      details: { reason: 'invalid-utf8', httpStatus: 200 },
    });
  });

  it('a 1 MB fault string: ends (soap rejects with the fault) in bounded memory', async () => {
    const report = await hostileRawCall(() => ({
      status: 500,
      body: faultAnswer('SOAP-ENV:Server', `20011 - ${'x'.repeat(MEGABYTE)}`, 20011),
    }));
    expect(report.error?.printed).toMatch(/20011/);
  });
});
