// A request for call starts that Redis grants but whose answer comes too late (the command timed out in
// the client: an event loop stalled under load, a slow network) must cost nothing: the store takes the
// grant back before its next request, so the quota, the window and the in-flight slots stay true. A proxy
// between the store and a real redis-server holds one answer back until the client asks again.
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { useClosers } from '@org/test-support';
import { DailyQuotaExceededError, type SharedCallLimits } from '../src/index.js';
import { createRedisLimitStore, REDIS_KEY_PREFIX } from '../src/redis/index.js';
import { useMocks } from './support/mock.js';
import { startRedisProxy } from './support/redis-proxy.js';
import { hasRedisServer, useRedisServer } from './support/redis-server.js';

const startMockForTest = useMocks();
const redis = useRedisServer();
const closeAfterTest = useClosers();
let keyCount = 0;

/** A store on the test's Redis through a proxy that can hold answers back, and its key. */
async function storeBehindProxy(): Promise<{ store: ReturnType<typeof createRedisLimitStore>; proxy: Awaited<ReturnType<typeof startRedisProxy>>; key: string }> {
  const proxy = await startRedisProxy(redis.port);
  keyCount += 1;
  const key = `late-${process.pid}-${keyCount}`;
  const store = createRedisLimitStore({ url: proxy.url, key, commandTimeoutMs: 100 });
  closeAfterTest(proxy);
  closeAfterTest(store);
  return { store, proxy, key };
}

/** The acquire script is the only command that names the quota key. */
const isAcquire = (command: string): boolean => command.includes(':quota:');

/** Reads the test's Redis directly (not through the proxy). */
async function readRedis<T>(read: (direct: Redis) => Promise<T>): Promise<T> {
  const direct = new Redis(redis.url);
  try {
    return await read(direct);
  } finally {
    direct.disconnect();
  }
}

function limits(overrides: Partial<SharedCallLimits> = {}): SharedCallLimits {
  return { calls: 3, windowMs: 60_000, concurrency: 2, dailyQuota: 3, quotaDay: '2026-12-03', quotaDayEndsAt: Date.now() + 3_600_000, ...overrides };
}

describe.skipIf(!hasRedisServer)('a late answer from Redis', () => {

  it('the grant it carried is taken back: window, in-flight slots and quota are as if it never happened', async () => {
    const { store, proxy, key } = await storeBehindProxy();
    const binding = store.bind('unused', () => {});
    const first = await binding.acquire(1, limits());
    expect(first.leases).toHaveLength(1);
    await binding.release(first.leases);

    const delayed = proxy.delayNextAnswer(isAcquire);
    const late = binding.acquire(2, limits());
    await delayed;
    await expect(late).rejects.toThrow(/timed out/i);

    // Redis granted 2 starts to the late request; without taking them back nothing would be left
    // (window 3, quota 3, concurrency 2 all spent) until the leases lapse and the day ends.
    const next = await binding.acquire(2, limits());
    expect(next.leases).toHaveLength(2);
    expect(next.quotaExhausted).toBe(true);
    expect(proxy.delayedAnswers).toBe(1);

    const base = `${REDIS_KEY_PREFIX}${key}`;
    const [quota, leases, window] = await readRedis((direct) =>
      Promise.all([direct.get(`${base}:quota:2026-12-03`), direct.zrange(`${base}:leases`, 0, -1), direct.zcard(`${base}:window`)]),
    );
    expect(quota).toBe('3');
    expect(leases.sort()).toEqual([...next.leases].sort());
    expect(window).toBe(3);
    binding.close();
  });

  it('only what the late request was granted is taken back: starts used by calls stay counted', async () => {
    const { store, proxy } = await storeBehindProxy();
    const binding = store.bind('unused', () => {});
    const used = await binding.acquire(2, limits({ calls: undefined, concurrency: 5 }));
    expect(used.leases).toHaveLength(2);
    const delayed = proxy.delayNextAnswer(isAcquire);
    const late = binding.acquire(1, limits({ calls: undefined, concurrency: 5 }));
    await delayed;
    await expect(late).rejects.toThrow(/timed out/i);
    // 3 - 2 used = 1 left, the late request's 1 comes back: exactly 1, then the quota is spent.
    const next = await binding.acquire(5, limits({ calls: undefined, concurrency: 5 }));
    expect(next.leases).toHaveLength(1);
    expect(next.quotaExhausted).toBe(true);
    binding.close();
  });

  it('a late request that did not count in the quota gives nothing back to the quota of the key', async () => {
    const { store, proxy, key } = await storeBehindProxy();
    const counting = store.bind('unused', () => {});
    const free = store.bind('unused', () => {});
    const used = await counting.acquire(2, limits({ calls: undefined }));
    expect(used.leases).toHaveLength(2);
    const delayed = proxy.delayNextAnswer(isAcquire);
    const late = free.acquire(1, limits({ calls: undefined, concurrency: 5, dailyQuota: undefined }));
    await delayed;
    await expect(late).rejects.toThrow(/timed out/i);
    const next = await free.acquire(3, limits({ calls: undefined, concurrency: 5, dailyQuota: undefined }));
    // 5 slots - 2 in flight; the late request's slot came back.
    expect(next.leases).toHaveLength(3);
    expect(await readRedis((direct) => direct.get(`${REDIS_KEY_PREFIX}${key}:quota:2026-12-03`))).toBe('2');
    counting.close();
    free.close();
  });

  it('through a client: a daily quota of 4 gives 4 calls although one answer came late, then the typed quota error', async () => {
    const mock = await startMockForTest({ dailyQuota: 4 });
    const { store, proxy } = await storeBehindProxy();
    const client = mock.client({ dailyQuota: 4, concurrency: 2, limitStore: store });
    // One call first, so that Redis knows the scripts and the held answer is a grant.
    await expect(client.syncLead({ email: 'first@example.com' })).resolves.toMatchObject({ status: 'CREATED' });
    const delayed = proxy.delayNextAnswer(isAcquire);
    const calls = Promise.allSettled(['a', 'b', 'c'].map((name) => client.syncLead({ email: `${name}@example.com` })));
    await delayed;
    const outcomes = await calls;
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.status : String(outcome.reason)))).toEqual(['CREATED', 'CREATED', 'CREATED']);
    expect(proxy.delayedAnswers).toBe(1);
    await expect(client.syncLead({ email: 'fifth@example.com' })).rejects.toBeInstanceOf(DailyQuotaExceededError);
    expect(mock.server.stats().calls.syncLead).toBe(4);
    expect(mock.server.stats().faults[20015]).toBeUndefined();
    client.close();
  });
});
