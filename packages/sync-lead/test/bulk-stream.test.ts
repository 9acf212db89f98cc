// syncLeadsStream runs in bounded memory and stops cleanly; syncLeads honours its signal and the
// client's close(); and bulk calls share the client's limits with syncLead.
import { describe, expect, it } from 'vitest';
import { AbortError, type SyncLeadInput } from '../src/index.js';
import { useMocks } from './support/mock.js';
import { useScriptedClients } from './support/scripted.js';

const startMockForTest = useMocks();
const scripted = useScriptedClients();

/** An endless source of leads that counts what was read from it and whether it was closed. */
function endlessLeads(): { leads: Generator<SyncLeadInput>; pulled: () => number; closed: () => boolean } {
  let pulled = 0;
  let closed = false;
  function* generate(): Generator<SyncLeadInput> {
    try {
      for (;;) {
        pulled += 1;
        yield { email: `endless${pulled}@example.com` };
      }
    } finally {
      closed = true;
    }
  }
  return { leads: generate(), pulled: () => pulled, closed: () => closed };
}

describe('syncLeadsStream', () => {
  it('reads no further ahead than the batches in flight, and a break closes the source', async () => {
    const mock = await startMockForTest({ rateLimit: false });
    const source = endlessLeads();
    const stream = mock.client().syncLeadsStream(source.leads, { batchSize: 5, concurrency: 2 });

    const first = await stream.next();
    expect(first.value).toMatchObject({ status: 'CREATED', index: 0 });
    // Two batches in flight (10 leads) when the first one finished: nothing more was read.
    expect(source.pulled()).toBe(10);
    await stream.return(undefined);
    expect(source.closed()).toBe(true);
    expect(mock.server.stats().calls.syncMultipleLeads).toBeLessThanOrEqual(2);
  });

  it('yields results as batches finish, each with its index and the input object', async () => {
    const mock = await startMockForTest({ rateLimit: false });
    const inputs = Array.from({ length: 12 }, (_, index): SyncLeadInput => ({ email: `order${index}@example.com` }));
    const seen: number[] = [];
    for await (const item of mock.client().syncLeadsStream(inputs, { batchSize: 4 })) {
      expect(item.input).toBe(inputs[item.index]);
      seen.push(item.index);
    }
    expect(seen.sort((a, b) => a - b)).toEqual(inputs.map((_, index) => index));
  });
});

describe('stopping a run', () => {
  it('an aborted signal stops the run: no new batch starts and syncLeads rejects with AbortError', async () => {
    const mock = await startMockForTest({ rateLimit: false });
    const controller = new AbortController();
    const inputs = Array.from({ length: 50 }, (_, index): SyncLeadInput => ({ email: `abort${index}@example.com` }));

    const run = mock.client().syncLeads(inputs, {
      batchSize: 10,
      concurrency: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('user stopped')),
    });

    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(mock.server.stats().calls.syncMultipleLeads).toBe(1);
  });

  it('a batch in flight is abandoned at once when the signal fires', async () => {
    const rawClient = await scripted.start(() => ({ hang: true }));
    const controller = new AbortController();
    const run = rawClient.syncLeads([{ email: 'hang@example.com' }], { signal: controller.signal });
    await scripted.server.waitForRequests(1);
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(AbortError);
  });

  it('a batch aborted while the consumer has not asked for more is not an unhandled rejection', async () => {
    const rawClient = await scripted.start(() => ({ hang: true }));
    const controller = new AbortController();
    const stream = rawClient.syncLeadsStream([{ email: 'not-an-email' }, { email: 'ok@example.com' }], { signal: controller.signal });
    // The invalid lead comes first, while the valid one's batch is in flight; the consumer then pauses.
    expect((await stream.next()).value).toMatchObject({ index: 0, status: 'FAILED' });
    await scripted.server.waitForRequests(1);
    controller.abort();
    await new Promise((resolve) => setImmediate(resolve)); // let the batch reject while nobody awaits it
    await expect(stream.next()).rejects.toBeInstanceOf(AbortError);
  });

  it('close() ends a run in flight with AbortError, and later runs are refused', async () => {
    const rawClient = await scripted.start(() => ({ hang: true }));
    const run = rawClient.syncLeads([{ email: 'closing@example.com' }]);
    await scripted.server.waitForRequests(1);
    rawClient.close();
    await expect(run).rejects.toBeInstanceOf(AbortError);
    await expect(rawClient.syncLeads([{ email: 'later@example.com' }])).rejects.toMatchObject({ name: 'ValidationError', field: 'client' });
  });
});

describe('one set of limits per client', () => {
  const rateLimit = { calls: 4, windowMs: 1_000 };
  const leads = Array.from({ length: 30 }, (_, index): SyncLeadInput => ({ email: `shared${index}@example.com` }));
  const singles = Array.from({ length: 3 }, (_, index): SyncLeadInput => ({ email: `single${index}@example.com` }));

  it('syncLeads and syncLead together stay within the rate limit (no 20023)', async () => {
    const mock = await startMockForTest({ rateLimit });
    const client = mock.client({ rateLimit, retry: false });
    const [bulk, ...single] = await Promise.all([
      client.syncLeads(leads, { batchSize: 10 }),
      ...singles.map((input) => client.syncLead(input)),
    ]);
    expect(bulk).toMatchObject({ created: 30, failed: 0 });
    expect(single.every((result) => result.status === 'CREATED')).toBe(true);
    expect(mock.server.stats().faults[20023]).toBeUndefined();
  });

  it('two clients, each within its own limit, exceed the server\'s together (the test can fail)', async () => {
    const mock = await startMockForTest({ rateLimit });
    const bulkClient = mock.client({ rateLimit, retry: false });
    const singleClient = mock.client({ rateLimit, retry: false });
    await Promise.allSettled([
      bulkClient.syncLeads(leads, { batchSize: 10 }),
      ...singles.map((input) => singleClient.syncLead(input)),
    ]);
    expect(mock.server.stats().faults[20023]).toBeGreaterThan(0);
  });
});
