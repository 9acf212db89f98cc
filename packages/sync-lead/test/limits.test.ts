// Client-wide limits: `concurrency` bounds calls in flight and `rateLimit` spaces calls so that no
// sliding window holds more than `calls` of them, checked against the mock's own limit counters.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSyncLeadClient } from '../src/index.js';
import { useMocks } from './support/mock.js';
import { docsFixture, itWithShared } from '@org/test-support';

const startMockForTest = useMocks();

describe('client-wide limits', () => {
  itWithShared('concurrency: never more calls in flight than configured, and that many in parallel', async () => {
    const concurrency = 2;
    let inFlight = 0;
    let peak = 0;
    let held: http.ServerResponse[] = [];
    // Holds responses until `concurrency` calls are in flight, then answers them together: a client
    // that sent more at once raises `peak`, one that sent fewer would never be answered.
    const server = http.createServer((req, res) => {
      req.resume().on('end', () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        held.push(res);
        if (held.length === concurrency) {
          const answering = held;
          held = [];
          inFlight -= answering.length;
          for (const reply of answering) reply.writeHead(200, { 'content-type': 'text/xml' }).end(docsFixture('synclead.response.xml'));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = createSyncLeadClient({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/soap`,
      userId: 'u',
      secretKey: 'k',
      rateLimit: false,
      concurrency,
    });
    try {
      await Promise.all(Array.from({ length: 6 }, (_, index) => client.syncLead({ email: `c${index}@example.com` })));
      expect(peak).toBe(concurrency);
    } finally {
      client.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('rateLimit: a burst of calls stays within the server\'s sliding window (no 20023, no retry needed)', async () => {
    const rateLimit = { calls: 10, windowMs: 2_000 };
    const mock = await startMockForTest({ rateLimit });
    const client = mock.client({ rateLimit, retry: false });
    const results = await Promise.all(Array.from({ length: 13 }, (_, index) => client.syncLead({ email: `r${index}@example.com` })));
    expect(results.every((result) => result.status === 'CREATED')).toBe(true);
    expect(mock.server.stats().faults[20023]).toBeUndefined();
  });

  it('without the client limit the same burst is refused by the server (the test can fail)', async () => {
    const rateLimit = { calls: 10, windowMs: 2_000 };
    const mock = await startMockForTest({ rateLimit });
    const client = mock.client({ rateLimit: false, retry: false });
    const settled = await Promise.allSettled(Array.from({ length: 13 }, (_, index) => client.syncLead({ email: `u${index}@example.com` })));
    expect(settled.some((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(mock.server.stats().faults[20023]).toBeGreaterThan(0);
  });
});
