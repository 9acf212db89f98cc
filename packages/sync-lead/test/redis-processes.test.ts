// Limits shared by separate processes through one real Redis, against one mock that counts what
// Marketo would (20023, 20024, 20015 per instance): N workers sync together without a limit fault, a
// worker killed with SIGKILL gives its in-flight slots back when its leases lapse, and a daily quota is
// one quota for all of them.
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startMock, useMocks } from './support/mock.js';
import { startRawServer } from '@org/test-support';
import { hasRedisServer, useRedisServer } from './support/redis-server.js';
import { startWorker, startWorkers, type WorkerOutcome, type WorkerSettings } from './support/limits-workers.js';

const startMockForTest = useMocks();

const redis = useRedisServer();

function statuses(outcomes: WorkerOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    const name = outcome.status === 'FAILED' ? `FAILED ${outcome.errorName} ${outcome.code ?? ''}`.trim() : outcome.status;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

describe.skipIf(!hasRedisServer)('limits shared by processes through Redis', () => {

  it('4 workers syncing into one mock: no 20023/20024, every lead synced once', async () => {
    const rateLimit = { calls: 20, windowMs: 1_000 };
    const mock = await startMockForTest({ rateLimit, concurrencyLimit: 4 });
    const base = { endpoint: mock.server.url, userId: mock.userId, secretKey: mock.secretKey, store: { url: redis.url } };
    const workers = await startWorkers(
      ['w0-', 'w1-', 'w2-', 'w3-'].map((prefix): WorkerSettings => ({ ...base, rateLimit, concurrency: 4, prefix, leads: 300, mode: 'bulk', batchSize: 25 })),
    );
    const outcomes = await Promise.all(workers.map((worker) => worker.outcomes));
    for (const outcome of outcomes) expect(statuses(outcome)).toEqual({ CREATED: 300 });
    const emails = mock.server.leads().map((lead) => lead.email);
    expect(emails).toHaveLength(1_200);
    expect(new Set(emails).size).toBe(1_200);
    const stats = mock.server.stats();
    expect(stats.calls.syncMultipleLeads).toBe(48);
    expect(stats.faults).toEqual({});
    expect(stats.peakInFlight).toBeLessThanOrEqual(4);
  });

  it('a worker killed with SIGKILL: its in-flight slots come back within the lease time, the others finish', async () => {
    const leaseMs = 1_000;
    const concurrency = 3;
    const limits = { rateLimit: { calls: 1_000, windowMs: 1_000 }, concurrency };
    const store = { url: redis.url, key: 'sigkill-test', leaseMs };
    const mock = await startMock({ concurrencyLimit: concurrency });
    // The victim's calls go to a server that never answers: it holds every slot until it dies.
    const hanging = await startRawServer(() => ({ hang: true }));
    try {
      const victim = startWorker({ ...limits, endpoint: hanging.url, userId: mock.userId, secretKey: mock.secretKey, store, prefix: 'victim-', leads: 3, mode: 'each' });
      await victim.ready;
      victim.go();
      await hanging.waitForRequests(concurrency);
      const base = { ...limits, endpoint: mock.server.url, userId: mock.userId, secretKey: mock.secretKey, store, mode: 'bulk' as const, batchSize: 20 };
      const others = await startWorkers([
        { ...base, prefix: 'a-', leads: 200 },
        { ...base, prefix: 'b-', leads: 200 },
      ]);
      // Two lease times with the victim alive: its renewals keep the slots, nothing reaches the mock.
      await delay(2 * leaseMs);
      expect(mock.server.stats().requests).toBe(0);

      victim.child.kill('SIGKILL');
      const killedAt = Date.now();
      const firstStart = Math.min(...(await Promise.all(others.map((worker) => worker.started))));
      const recoveryInLeases = (firstStart - killedAt) / leaseMs;
      console.info(`SIGKILL: the slots came back after ${recoveryInLeases.toFixed(2)} lease times (lease ${leaseMs} ms)`);
      // The last renewal was at most a third of a lease before the kill; the slots come back when it lapses.
      expect(recoveryInLeases).toBeGreaterThan(0.5);
      expect(recoveryInLeases).toBeLessThan(1.5);

      const outcomes = await Promise.all(others.map((worker) => worker.outcomes));
      for (const outcome of outcomes) expect(statuses(outcome)).toEqual({ CREATED: 200 });
      const emails = mock.server.leads().map((lead) => lead.email);
      expect(new Set(emails).size).toBe(400);
      expect(emails).toHaveLength(400);
      expect(mock.server.stats().faults).toEqual({});
    } finally {
      await Promise.all([mock.close(), hanging.close()]);
    }
  });

  it('a daily quota of 50 shared by two processes: 50 calls between them, then the typed quota error (no 20015)', async () => {
    const mock = await startMockForTest({ dailyQuota: 50 });
    const base = { endpoint: mock.server.url, userId: mock.userId, secretKey: mock.secretKey, store: { url: redis.url, key: 'quota-test' }, dailyQuota: 50, mode: 'each' as const, leads: 40 };
    const workers = await startWorkers([
      { ...base, prefix: 'p1-' },
      { ...base, prefix: 'p2-' },
    ]);
    const outcomes = (await Promise.all(workers.map((worker) => worker.outcomes))).flat();
    expect(statuses(outcomes)).toEqual({ CREATED: 50, 'FAILED DailyQuotaExceededError': 30 });
    expect(mock.server.stats().calls.syncLead).toBe(50);
    expect(mock.server.stats().faults[20015]).toBeUndefined();
  });
});
