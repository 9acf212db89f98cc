// Marketo's limits: calls per window (20023), calls in flight (20024), calls per day (20015); each
// configurable and each can be turned off. Time is the server's injectable clock, never a sleep.
import { formatTimestamp } from '@org/mktows-auth';
import { afterEach, describe, expect, it } from 'vitest';

import type { MockServer, MockServerOptions } from '../src/index.js';
import { startMockServer } from '../src/index.js';
import { holdRequest, untilRequestsReceived } from './support/held-request.js';
import {
  authenticationHeaderXml,
  envelope,
  faultCodeOf,
  postSoap,
  TEST_SECRET,
  TEST_USER,
} from './support/soap-http.js';

const START = Date.parse('2030-06-01T23:59:00Z');
let now = START;
let server: MockServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  now = START;
});

async function start(options: Partial<MockServerOptions>): Promise<MockServer> {
  server = await startMockServer({ userId: TEST_USER, secretKey: TEST_SECRET, clock: () => now, ...options });
  return server;
}

function getLeadXml(): string {
  const header = authenticationHeaderXml({ timestamp: formatTimestamp(new Date(now), 0) });
  return envelope(
    '<ns1:paramsGetLead><leadKey><keyType>IDNUM</keyType><keyValue>1</keyValue></leadKey></ns1:paramsGetLead>',
    header,
  );
}

/** The Marketo code of one getLead call: 20103 (no such lead) means the call was admitted. */
async function callCode(target: MockServer): Promise<number | undefined> {
  return faultCodeOf(await postSoap(target.url, 'getLead', getLeadXml()));
}

const ADMITTED = 20103;

describe('rate limit', () => {
  it('refuses calls past `calls` in a sliding `windowMs` with 20023, not counting refused calls', async () => {
    const target = await start({ rateLimit: { calls: 3, windowMs: 1000 } });
    const codes: Array<number | undefined> = [];
    for (let call = 0; call < 5; call += 1) codes.push(await callCode(target));
    expect(codes).toEqual([ADMITTED, ADMITTED, ADMITTED, 20023, 20023]);
    now += 999;
    expect(await callCode(target)).toBe(20023);
    now += 2; // the three admitted calls have left the window; the two refused ones never entered it
    expect([await callCode(target), await callCode(target), await callCode(target), await callCode(target)]).toEqual([
      ADMITTED,
      ADMITTED,
      ADMITTED,
      20023,
    ]);
    expect(target.stats().faults[20023]).toBe(4);
  });

  it('counts a call by when it arrived, not by when its body was read', async () => {
    const target = await start({ rateLimit: { calls: 1, windowMs: 1000 } });
    const early = holdRequest(target.url, 'getLead', getLeadXml());
    await untilRequestsReceived(target, 1);
    now += 1000;
    const late = holdRequest(target.url, 'getLead', getLeadXml());
    await untilRequestsReceived(target, 2);
    // Both are admitted, although both bodies complete at the same clock time: they arrived 1000 ms apart.
    expect(faultCodeOf(await early.finish())).toBe(ADMITTED);
    expect(faultCodeOf(await late.finish())).toBe(ADMITTED);
    expect(await callCode(target)).toBe(20023);
  });

  it('defaults to Marketo’s 100 calls per 20 seconds', async () => {
    const target = await start({});
    for (let call = 0; call < 100; call += 1) expect(await callCode(target)).toBe(ADMITTED);
    expect(await callCode(target)).toBe(20023);
    now += 20_001;
    expect(await callCode(target)).toBe(ADMITTED);
  });

  it('can be turned off', async () => {
    const target = await start({ rateLimit: false });
    for (let call = 0; call < 120; call += 1) expect(await callCode(target)).toBe(ADMITTED);
  });
});

describe('concurrency limit', () => {
  // Calls held in flight: getLeads whose bodies have arrived, delayed by injected latency (a request
  // whose body is still arriving is not in flight; see slow-clients.test.ts). The probe is a syncLead,
  // which the latency leaves alone. HOLD_MS only has to outlast the probe's round trip.
  const HOLD_MS = 3000;
  const holding = { faults: { latency: { rate: 1, minMs: HOLD_MS, maxMs: HOLD_MS }, operations: ['getLead'] } };

  function hold(target: MockServer, count: number): Array<Promise<number | undefined>> {
    return Array.from({ length: count }, () => callCode(target));
  }

  /** Resolves once `count` calls are in flight, held by their injected latency. */
  async function untilHeld(target: MockServer, count: number): Promise<void> {
    while (target.stats().injected.latency < count) await new Promise((resolve) => setImmediate(resolve));
  }

  /** A syncLead call: `undefined` when it was admitted (it then creates a lead), else its fault code. */
  async function probeCode(target: MockServer): Promise<number | undefined> {
    const header = authenticationHeaderXml({ timestamp: formatTimestamp(new Date(now), 0) });
    const body =
      '<ns1:paramsSyncLead><leadRecord><Email>probe@example.com</Email></leadRecord><returnLead>false</returnLead></ns1:paramsSyncLead>';
    return faultCodeOf(await postSoap(target.url, 'syncLead', envelope(body, header)));
  }

  it('refuses a call while `concurrencyLimit` calls are in flight with 20024, and admits it after', async () => {
    const target = await start({ concurrencyLimit: 2, ...holding });
    const held = hold(target, 2);
    await untilHeld(target, 2);
    expect(await probeCode(target)).toBe(20024);
    expect(await Promise.all(held)).toEqual([ADMITTED, ADMITTED]);
    expect(await probeCode(target)).toBeUndefined();
    expect(target.stats()).toMatchObject({ peakInFlight: 3, faults: { 20024: 1 } });
  });

  it('defaults to Marketo’s 10 calls in flight', async () => {
    const target = await start(holding);
    const held = hold(target, 10);
    await untilHeld(target, 10);
    expect(await probeCode(target)).toBe(20024);
    expect(await Promise.all(held)).toEqual(Array(10).fill(ADMITTED));
  });

  it('can be turned off with false or Infinity', async () => {
    const targets = await Promise.all(
      ([false, Infinity] as const).map((concurrencyLimit) =>
        startMockServer({ userId: TEST_USER, secretKey: TEST_SECRET, clock: () => now, concurrencyLimit, ...holding }),
      ),
    );
    try {
      const held = targets.flatMap((target) => hold(target, 12));
      for (const target of targets) await untilHeld(target, 12);
      for (const target of targets) expect(await probeCode(target)).toBeUndefined();
      await Promise.all(held);
    } finally {
      await Promise.all(targets.map((target) => target.close()));
    }
  });
});

describe('daily quota', () => {
  it("refuses calls past the quota with 20015 until Marketo's next day (midnight US Central time)", async () => {
    const target = await start({ dailyQuota: 2 });
    expect([await callCode(target), await callCode(target), await callCode(target)]).toEqual([
      ADMITTED,
      ADMITTED,
      20015,
    ]);
    // A new UTC day, but 19:00 CDT of the same Marketo day: still refused.
    now = Date.parse('2030-06-02T00:00:01Z');
    expect(await callCode(target)).toBe(20015);
    // Midnight CDT (05:00 UTC): the quota starts again.
    now = Date.parse('2030-06-02T05:00:00Z');
    expect(await callCode(target)).toBe(ADMITTED);
  });

  it('can be turned off, and refuses a quota that is not a positive integer', async () => {
    await expect(start({ dailyQuota: 0 })).rejects.toMatchObject({ field: 'dailyQuota' });
    const target = await start({ dailyQuota: false, rateLimit: false });
    for (let call = 0; call < 50; call += 1) expect(await callCode(target)).toBe(ADMITTED);
  });
});

describe('limit options', () => {
  it.each([
    [{ rateLimit: { calls: 0, windowMs: 1000 } }, 'rateLimit.calls'],
    [{ rateLimit: { calls: 5, windowMs: -1 } }, 'rateLimit.windowMs'],
    [{ concurrencyLimit: 1.5 }, 'concurrencyLimit'],
  ] as const)('names the option in a ValidationError (%j)', async (options, field) => {
    await expect(start(options as Partial<MockServerOptions>)).rejects.toMatchObject({
      name: 'ValidationError',
      field,
    });
  });
});
