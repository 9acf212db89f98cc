// When the Redis of a limit store cannot be reached: `whenUnavailable: 'fail'` rejects at once with a
// LimitStoreUnavailableError naming the store, `'wait'` waits (up to the call's timeout, or until its
// AbortSignal fires) and goes on when Redis is back. Never a call without the shared limits, never a
// lead reported synced that was not: every outcome is checked against what the mock stored.
import { inspect } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AbortError, LimitStoreUnavailableError, type SyncLeadInput } from '../src/index.js';
import { createRedisLimitStore } from '../src/redis/index.js';
import { startMock, type MockFixture } from './support/mock.js';
import { freePort, hasRedisServer, type RedisServer, startRedisServer } from './support/redis-server.js';

function emailLeads(count: number, prefix: string): SyncLeadInput[] {
  return Array.from({ length: count }, (_, index) => ({ email: `${prefix}${index}@example.com` }));
}

describe('a limit store whose Redis is not there', () => {
  let mock: MockFixture;
  let url: string;
  beforeEach(async () => {
    mock = await startMock();
    // A loopback port nothing listens on: connections are refused.
    url = `redis://:not-for-messages@127.0.0.1:${await freePort()}`;
  });
  afterEach(async () => {
    await mock.close();
  });

  it("'fail': the call rejects at once with LimitStoreUnavailableError naming the store; nothing is sent", async () => {
    const client = mock.client({ limitStore: createRedisLimitStore({ url, whenUnavailable: 'fail' }) });
    const error: unknown = await client.syncLead({ email: 'f@example.com' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LimitStoreUnavailableError);
    const { port } = new URL(url);
    expect(error).toMatchObject({ store: `Redis limit store redis://127.0.0.1:${port}/0`, retryable: false });
    expect((error as Error).message).toContain(`redis://127.0.0.1:${port}/0`);
    // The URL's password appears nowhere.
    expect(`${inspect(error, { depth: 5 })} ${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain('not-for-messages');
    expect(mock.server.stats().requests).toBe(0);
  });

  it("'fail': syncLeads gives every lead a result, each failed with the store's error, none stored", async () => {
    const client = mock.client({ limitStore: createRedisLimitStore({ url, whenUnavailable: 'fail' }) });
    const run = await client.syncLeads(emailLeads(30, 'sf'), { batchSize: 10 });
    expect(run).toMatchObject({ created: 0, updated: 0, failed: 30 });
    expect(run.results).toHaveLength(30);
    for (const result of run.results) expect(result.error).toBeInstanceOf(LimitStoreUnavailableError);
    expect(mock.server.leads()).toEqual([]);
  });

  it("'wait' (the default): the call waits for the store up to its timeoutMs, then rejects; nothing is sent", async () => {
    const timeoutMs = 300;
    const client = mock.client({ timeoutMs, limitStore: createRedisLimitStore({ url }) });
    const started = performance.now();
    const error: unknown = await client.syncLead({ email: 'w@example.com' }).catch((caught: unknown) => caught);
    const waitedMs = performance.now() - started;
    expect(error).toBeInstanceOf(LimitStoreUnavailableError);
    // It waited for the store, and gave up within a generous bound of its timeout.
    expect(waitedMs).toBeGreaterThanOrEqual(timeoutMs - 5);
    expect(waitedMs).toBeLessThan(timeoutMs * 10);
    expect(mock.server.stats().requests).toBe(0);
  });

  it("'wait': the call's AbortSignal ends the wait with an AbortError", async () => {
    const client = mock.client({ timeoutMs: 60_000, limitStore: createRedisLimitStore({ url }) });
    const controller = new AbortController();
    const call = client.syncLead({ email: 'a@example.com' }, { signal: controller.signal });
    controller.abort(new Error('the caller gave up'));
    await expect(call).rejects.toBeInstanceOf(AbortError);
    expect(mock.server.stats().requests).toBe(0);
  });
});

describe.skipIf(!hasRedisServer)('a Redis that refuses the password', () => {
  it("fails the call with the server's reason, and the password appears nowhere; the right one works", async () => {
    const [redis, mock] = await Promise.all([startRedisServer(['--requirepass', 'the-right-one']), startMock()]);
    try {
      const { port } = new URL(redis.url);
      const wrong = mock.client({ limitStore: createRedisLimitStore({ url: `redis://:a-wrong-secret@127.0.0.1:${port}`, whenUnavailable: 'fail' }) });
      const error: unknown = await wrong.syncLead({ email: 'p@example.com' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LimitStoreUnavailableError);
      expect((error as Error).message).toMatch(/WRONGPASS|NOAUTH|invalid password/i);
      expect(`${inspect(error, { depth: 10 })} ${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain('a-wrong-secret');
      expect(mock.server.stats().requests).toBe(0);
      const right = mock.client({ limitStore: createRedisLimitStore({ url: `redis://:the-right-one@127.0.0.1:${port}` }) });
      await expect(right.syncLead({ email: 'p@example.com' })).resolves.toMatchObject({ status: 'CREATED' });
    } finally {
      await Promise.all([redis.close(), mock.close()]);
    }
  });
});

describe.skipIf(!hasRedisServer)('Redis stopped in the middle of a run', () => {
  let redis: RedisServer;
  let mock: MockFixture;
  beforeEach(async () => {
    [redis, mock] = await Promise.all([startRedisServer(), startMock()]);
  });
  afterEach(async () => {
    await Promise.all([redis.close(), mock.close()]);
  });

  it("'fail': batches after the stop fail with the store's error; every lead has a result, exactly the synced ones are stored", async () => {
    const client = mock.client({ limitStore: createRedisLimitStore({ url: redis.url, whenUnavailable: 'fail' }) });
    const leads = emailLeads(100, 'mf');
    // SIGKILL once the first batch is done: from then on Redis answers nothing.
    const run = await client.syncLeads(leads, { batchSize: 10, concurrency: 2, onProgress: ({ processed }) => processed === 10 && redis.kill() });

    expect(run.results).toHaveLength(100);
    const synced = leads.filter((_, index) => run.results[index]?.status === 'CREATED').map((lead) => lead.email);
    const failed = run.results.filter((result) => result.status === 'FAILED');
    expect(synced.length).toBeGreaterThanOrEqual(10);
    expect(failed.length).toBeGreaterThan(0);
    expect(synced.length + failed.length).toBe(100);
    for (const result of failed) {
      expect(result.error).toBeInstanceOf(LimitStoreUnavailableError);
      expect(result.error?.message).toContain(redis.url.replace('redis://', ''));
    }
    expect(mock.server.leads().map((lead) => lead.email).sort()).toEqual(synced.sort());
  });

  it("'wait': the run stops while Redis is away and completes when it is back, every lead synced once", async () => {
    const client = mock.client({ limitStore: createRedisLimitStore({ url: redis.url, whenUnavailable: 'wait' }) });
    const leads = emailLeads(60, 'mw');
    // One batch at a time, so that nothing is in flight when Redis goes.
    const run = client.syncLeads(leads, { batchSize: 10, concurrency: 1, onProgress: ({ processed }) => processed === 20 && redis.kill() });
    await redis.exited();
    const requestsAtStop = mock.server.stats().requests;
    // An outage of 400 ms: every call waits for the store, none goes out without it.
    await delay(400);
    expect(mock.server.stats().requests).toBe(requestsAtStop);
    await redis.restart();

    const result = await run;
    expect(result).toMatchObject({ created: 60, updated: 0, failed: 0 });
    const emails = mock.server.leads().map((lead) => lead.email);
    expect(emails.sort()).toEqual(leads.map((lead) => lead.email).sort());
  });
});
