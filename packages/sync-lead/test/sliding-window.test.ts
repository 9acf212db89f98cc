// The client's rate limit is Marketo's sliding window, not a pace: a burst up to the allowance starts at
// once, the next call waits for the window, and bursts against the mock's own window (scaled down) draw
// no 20023/20024. No timing is asserted: a paced limiter would make these tests time out, a limiter that
// lets too much through makes the server refuse calls.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MKTOWS_NAMESPACE } from '@org/mktows-types';
import { AbortError, createSyncLeadClient } from '../src/index.js';
import { useMocks } from './support/mock.js';
import { startRawServer } from '@org/test-support';

const startMockForTest = useMocks();

const SYNC_LEAD_RESPONSE = `<?xml version="1.0" encoding="UTF-8"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="${MKTOWS_NAMESPACE}">
<SOAP-ENV:Body><ns1:successSyncLead><result><leadId>7</leadId><syncStatus><leadId>7</leadId><status>CREATED</status><error xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></syncStatus><leadRecord xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></result></ns1:successSyncLead></SOAP-ENV:Body></SOAP-ENV:Envelope>`;

describe('the sliding window', () => {
  it('a burst up to the allowance starts at once: 6 calls of a 6-per-10-minutes window are in flight together', async () => {
    let held: http.ServerResponse[] = [];
    let peak = 0;
    // Answers only once all 6 are in flight: a limiter that paced them (one per 100 s) never gets there.
    const server = http.createServer((req, res) => {
      req.resume().on('end', () => {
        held.push(res);
        peak = Math.max(peak, held.length);
        if (held.length < 6) return;
        for (const reply of held) reply.writeHead(200, { 'content-type': 'text/xml' }).end(SYNC_LEAD_RESPONSE);
        held = [];
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = createSyncLeadClient({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/soap`,
      userId: 'u',
      secretKey: 'k',
      rateLimit: { calls: 6, windowMs: 600_000 },
      concurrency: 6,
    });
    try {
      const results = await Promise.all(Array.from({ length: 6 }, (_, index) => client.syncLead({ email: `b${index}@example.com` })));
      expect(results.map((result) => result.status)).toEqual(Array(6).fill('CREATED'));
      expect(peak).toBe(6);
    } finally {
      client.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('the call after the allowance waits for the window: the 4th of a 3-per-10-minutes window is never sent', async () => {
    const server = await startRawServer(() => ({ body: SYNC_LEAD_RESPONSE }));
    const client = createSyncLeadClient({ endpoint: server.url, userId: 'u', secretKey: 'k', rateLimit: { calls: 3, windowMs: 600_000 } });
    try {
      const controller = new AbortController();
      const calls = Array.from({ length: 4 }, (_, index) => client.syncLead({ email: `w${index}@example.com` }, { signal: controller.signal }));
      await Promise.all(calls.slice(0, 3));
      // The three answered; the fourth would have gone out with them if the window let it.
      controller.abort(new Error('done waiting'));
      await expect(calls[3]).rejects.toBeInstanceOf(AbortError);
      expect(server.requests).toHaveLength(3);
    } finally {
      client.close();
      await server.close();
    }
  });

  it('100 concurrent syncLead calls at 100 per 5 s, 10 in flight, against the mock: all synced, no 20023/20024', async () => {
    const rateLimit = { calls: 100, windowMs: 5_000 };
    const mock = await startMockForTest({ rateLimit, concurrencyLimit: 10 });
    const client = mock.client({ rateLimit, concurrency: 10, retry: false });
    const results = await Promise.all(Array.from({ length: 100 }, (_, index) => client.syncLead({ email: `c${index}@example.com` })));
    expect(results.filter((result) => result.status === 'CREATED')).toHaveLength(100);
    expect(new Set(mock.server.leads().map((lead) => lead.email)).size).toBe(100);
    expect(mock.server.stats().faults).toEqual({});
  });

  it('a burst of 130 at 100 per 5 s: 100 go at once, the rest when the window allows, no 20023/20024', async () => {
    const rateLimit = { calls: 100, windowMs: 5_000 };
    const mock = await startMockForTest({ rateLimit, concurrencyLimit: 10 });
    const client = mock.client({ rateLimit, concurrency: 10, retry: false });
    const settled = await Promise.allSettled(Array.from({ length: 130 }, (_, index) => client.syncLead({ email: `d${index}@example.com` })));
    expect(settled.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(mock.server.stats().calls.syncLead).toBe(130);
    expect(mock.server.stats().faults).toEqual({});
  });
});
