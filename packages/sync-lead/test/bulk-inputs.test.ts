// What syncLeads accepts and reports: results by input position, each invalid input failing alone before
// the network, arrays / iterables / async iterables, batch sizes, progress, and options checked up front.
import { describe, expect, it } from 'vitest';
import { type SyncLeadInput, type SyncLeadsProgress, ValidationError } from '../src/index.js';
import { useMocks } from './support/mock.js';
import { useScriptedClients } from './support/scripted.js';

const startMockForTest = useMocks();
const scripted = useScriptedClients();

function emailLeads(count: number, prefix: string): SyncLeadInput[] {
  return Array.from({ length: count }, (_, index) => ({ email: `${prefix}${index}@example.com` }));
}

describe('results by input position', () => {
  it('results[i] is the outcome of input i, and each invalid input fails alone, never sent', async () => {
    const mock = await startMockForTest({ rateLimit: false });
    const inputs = [
      { email: 'first@example.com', attributes: { FirstName: 'First' } },
      { email: 'not-an-email' },
      {},
      { email: 'cookie@example.com', marketoCookie: 'id:123-ABC-456&token:_mch-x' },
      { email: 'second@example.com' },
      { email: 'lead@example.com', returnLead: true },
      null,
      { email: 'attr@example.com', attributes: { '': 'no name' } },
      { id: -4 },
      { email: 'third@example.com', attributes: { LeadScore: 12 } },
    ] as unknown as SyncLeadInput[];

    const run = await mock.client().syncLeads(inputs);

    expect(run).toMatchObject({ created: 3, updated: 0, failed: 7 });
    const fields = run.results.map((result) => (result.error instanceof ValidationError ? result.error.field : result.status));
    expect(fields).toEqual(['CREATED', 'email', 'input', 'marketoCookie', 'CREATED', 'returnLead', 'input', 'attributes', 'id', 'CREATED']);
    const stored = new Map(mock.server.leads().map((lead) => [lead.id, lead.email]));
    expect([0, 4, 9].map((index) => stored.get(run.results[index]?.leadId ?? 0))).toEqual([
      'first@example.com',
      'second@example.com',
      'third@example.com',
    ]);
    expect(mock.server.leads()).toHaveLength(3);
    expect(mock.server.stats().calls.syncMultipleLeads).toBe(1);
  });

  it('accepts an iterable, a Set and an async iterable of inputs', async () => {
    const mock = await startMockForTest({ rateLimit: false });
    const client = mock.client();
    function* generated(): Generator<SyncLeadInput> {
      for (let index = 0; index < 5; index += 1) yield { email: `gen${index}@example.com` };
    }
    async function* arriving(): AsyncGenerator<SyncLeadInput> {
      for (let index = 0; index < 5; index += 1) {
        await Promise.resolve();
        yield { email: `async${index}@example.com` };
      }
    }
    expect(await client.syncLeads(generated())).toMatchObject({ created: 5 });
    expect(await client.syncLeads(new Set(emailLeads(5, 'set')))).toMatchObject({ created: 5 });
    expect(await client.syncLeads(arriving())).toMatchObject({ created: 5 });
    expect(mock.server.leads()).toHaveLength(15);
  });

  it('sends batches of batchSize leads (default and maximum 300)', async () => {
    const mock = await startMockForTest({ rateLimit: false, maxBatchSize: 300 });
    const client = mock.client();
    await client.syncLeads(emailLeads(25, 'small'), { batchSize: 10 });
    expect(mock.server.stats().calls.syncMultipleLeads).toBe(3);
    await client.syncLeads(emailLeads(601, 'big'));
    expect(mock.server.stats().calls.syncMultipleLeads).toBe(3 + 3);
    expect(mock.server.leads()).toHaveLength(626);
  });

  it('an empty input resolves at once with no call', async () => {
    const mock = await startMockForTest({ rateLimit: false });
    expect(await mock.client().syncLeads([])).toEqual({ results: [], created: 0, updated: 0, failed: 0 });
    expect(mock.server.stats().requests).toBe(0);
  });

  it('onProgress counts up to the total after each batch (invalid inputs as soon as they are read)', async () => {
    const mock = await startMockForTest({ rateLimit: false });
    const progress: SyncLeadsProgress[] = [];
    const inputs = [...emailLeads(25, 'progress'), { email: 'bad' }];
    await mock.client().syncLeads(inputs, { batchSize: 10, concurrency: 1, onProgress: (counts) => progress.push(counts) });
    // Batches of 10, 10 and 5; the invalid 26th input is reported when read, before the last batch returns.
    expect(progress.map((counts) => counts.processed)).toEqual([10, 20, 21, 26]);
    expect(progress.at(-1)).toEqual({ processed: 26, created: 25, updated: 0, failed: 1, total: 26 });
  });
});

describe('bad options and leads are refused before any request', () => {
  const badOptions: Array<[string, unknown]> = [
    ['options.batchSize', { batchSize: 0 }],
    ['options.batchSize', { batchSize: 301 }],
    ['options.batchSize', { batchSize: 2.5 }],
    ['options.batchSize', { batchSize: '10' }],
    ['options.concurrency', { concurrency: 0 }],
    ['options.dedup', { dedup: 'yes' }],
    ['options.onProgress', { onProgress: 'log' }],
    ['options.signal', { signal: {} }],
    ['options.timeoutMs', { timeoutMs: -1 }],
    ['options', 'fast'],
  ];
  const badLeads: unknown[] = [42, 'a@example.com', null, { email: 'a@example.com' }, undefined];

  it.each(badOptions)('%s: %j', async (field, options) => {
    const rawClient = await scripted.start(() => ({ status: 500, body: 'never asked' }));
    const error = await rawClient.syncLeads(emailLeads(2, 'x'), options as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect(() => rawClient.syncLeadsStream(emailLeads(2, 'x'), options as never)).toThrow(ValidationError);
    expect(scripted.server.requests).toHaveLength(0);
  });

  it.each(badLeads)('leads = %j', async (leads) => {
    const rawClient = await scripted.start(() => ({ status: 500, body: 'never asked' }));
    await expect(rawClient.syncLeads(leads as never)).rejects.toMatchObject({ name: 'ValidationError', field: 'leads' });
    expect(scripted.server.requests).toHaveLength(0);
  });
});
