// Limits shared through a real Redis (redis-server started by the test): clients that use the same
// store key share one sliding window, one count of calls in flight and one daily quota, checked against
// the mock's own counters (it refuses what Marketo would: 20023, 20024, 20015). Each test can fail: the
// same clients without the shared store draw the faults (see the controls).
import { describe, expect, it } from 'vitest';
import { DailyQuotaExceededError, type SyncLeadClientOptions } from '../src/index.js';
import { createRedisLimitStore, type RedisLimitStoreOptions } from '../src/redis/index.js';
import { type MockFixture, startMock, useMocks } from './support/mock.js';
import { hasRedisServer, useRedisServer } from './support/redis-server.js';

const startMockForTest = useMocks();

const redis = useRedisServer();
let keyCount = 0;

/** A store on the test's Redis, under a key of its own (tests do not share counts). */
function store(options: Partial<RedisLimitStoreOptions> = {}): ReturnType<typeof createRedisLimitStore> {
  keyCount += 1;
  return createRedisLimitStore({ url: redis.url, key: `test-${process.pid}-${keyCount}`, ...options });
}

async function syncEach(mock: MockFixture, options: Partial<SyncLeadClientOptions>, prefix: string, count: number): Promise<PromiseSettledResult<unknown>[]> {
  const client = mock.client({ retry: false, ...options });
  return Promise.allSettled(Array.from({ length: count }, (_, index) => client.syncLead({ email: `${prefix}${index}@example.com` })));
}

describe.skipIf(!hasRedisServer)('limits shared through Redis', () => {

  it('one sliding window for every client of the key: 3 clients x 15 calls under 10 per second, no 20023', async () => {
    const rateLimit = { calls: 10, windowMs: 1_000 };
    const mock = await startMockForTest({ rateLimit });
    const shared = store();
    const runs = await Promise.all(['a', 'b', 'c'].map((name) => syncEach(mock, { rateLimit, limitStore: shared }, name, 15)));
    expect(runs.flat().filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(mock.server.stats().calls.syncLead).toBe(45);
    expect(mock.server.stats().faults[20023]).toBeUndefined();
  });

  it('control: the same clients with limits of their own draw 20023 (three windows of 10 in one)', async () => {
    const rateLimit = { calls: 10, windowMs: 1_000 };
    const mock = await startMockForTest({ rateLimit });
    const runs = await Promise.all(['a', 'b', 'c'].map((name) => syncEach(mock, { rateLimit }, name, 15)));
    expect(runs.flat().some((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(mock.server.stats().faults[20023]).toBeGreaterThan(0);
  });

  it('one count of calls in flight: 3 clients of concurrency 3 never have more than 3 at the server', async () => {
    const mock = await startMockForTest({ concurrencyLimit: 3, faults: { latency: { rate: 1, minMs: 10, maxMs: 30 } } });
    const shared = store();
    const runs = await Promise.all(['a', 'b', 'c'].map((name) => syncEach(mock, { concurrency: 3, limitStore: shared }, name, 12)));
    expect(runs.flat().filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(mock.server.stats().faults[20024]).toBeUndefined();
    expect(mock.server.stats().peakInFlight).toBeLessThanOrEqual(3);
  });

  it('control: the same clients with limits of their own have up to 9 in flight and draw 20024', async () => {
    const mock = await startMockForTest({ concurrencyLimit: 3, faults: { latency: { rate: 1, minMs: 10, maxMs: 30 } } });
    await Promise.all(['a', 'b', 'c'].map((name) => syncEach(mock, { concurrency: 3 }, name, 12)));
    expect(mock.server.stats().peakInFlight).toBeGreaterThan(3);
    expect(mock.server.stats().faults[20024]).toBeGreaterThan(0);
  });

  it('one daily quota: two clients with a quota of 5 make 5 calls between them, then a typed quota error', async () => {
    const mock = await startMockForTest({ dailyQuota: 100 });
    const shared = store();
    const [first, second] = await Promise.all([
      syncEach(mock, { dailyQuota: 5, limitStore: shared }, 'q1-', 4),
      syncEach(mock, { dailyQuota: 5, limitStore: shared }, 'q2-', 4),
    ]);
    const outcomes = [...first, ...second];
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(5);
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    expect(refused).toHaveLength(3);
    for (const error of refused) expect(error).toBeInstanceOf(DailyQuotaExceededError);
    expect(refused[0]).toMatchObject({ dailyQuota: 5, retryable: false });
    expect(mock.server.stats().calls.syncLead).toBe(5);
  });

  it('the default key is the endpoint host and user id: clients of two instances do not share', async () => {
    const rateLimit = { calls: 5, windowMs: 60_000 };
    const [one, two] = await Promise.all([startMock({ rateLimit }), startMock({ rateLimit })]);
    try {
      const shared = createRedisLimitStore({ url: redis.url });
      // 5 calls each within one long window: only possible when each instance has a window of its own.
      const runs = await Promise.all([syncEach(one, { rateLimit, limitStore: shared }, 'i1-', 5), syncEach(two, { rateLimit, limitStore: shared }, 'i2-', 5)]);
      expect(runs.flat().every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('syncLeads shares the window with syncLead across clients: every lead synced once, no limit fault', async () => {
    const rateLimit = { calls: 8, windowMs: 1_000 };
    const mock = await startMockForTest({ rateLimit, concurrencyLimit: 4 });
    const shared = store();
    const options = { rateLimit, concurrency: 4, limitStore: shared };
    const leads = (prefix: string): Array<{ email: string }> => Array.from({ length: 200 }, (_, index) => ({ email: `${prefix}${index}@example.com` }));
    const [bulkA, bulkB, single] = await Promise.all([
      mock.client({ retry: false, ...options }).syncLeads(leads('ba'), { batchSize: 25 }),
      mock.client({ retry: false, ...options }).syncLeads(leads('bb'), { batchSize: 25 }),
      syncEach(mock, options, 's', 6),
    ]);
    expect([bulkA.created, bulkB.created, bulkA.failed + bulkB.failed]).toEqual([200, 200, 0]);
    expect(single.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    const emails = mock.server.leads().map((lead) => lead.email);
    expect(emails).toHaveLength(406);
    expect(new Set(emails).size).toBe(406);
    expect(mock.server.stats().faults).toEqual({});
  });
});
