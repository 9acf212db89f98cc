// Nothing lost, nothing twice, no duplicates: syncLeads under injected faults against the mock, and the
// duplicate-safety of retried batches whose response was lost after the mock had committed them.
import { afterEach, describe, expect, it } from 'vitest';
import {
  type LeadOutcome,
  SyncLeadError,
  SyncOutcomeUnknownError,
  type SyncLeadInput,
  TransportError,
} from '../src/index.js';
import { type MockFixture, startMock } from './support/mock.js';

function emailLeads(count: number, prefix: string): SyncLeadInput[] {
  return Array.from({ length: count }, (_, index) => ({ email: `${prefix}${index}@example.com`, attributes: { LastName: `L${index}` } }));
}

let mock: MockFixture | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('1,000 leads with 20% of calls faulted', () => {
  it.each([
    { retry: 'the default retries', options: {} },
    { retry: 'no retries', options: { retry: false as const } },
  ])('with $retry: every input accounted for once (synced, or failed with a reason), no duplicate stored', async ({ options }) => {
    mock = await startMock({
      rateLimit: false,
      seed: 7,
      faults: {
        reset: 0.04,
        resetAfterCommit: 0.04,
        http503: 0.04,
        malformed: 0.04,
        marketo: [{ code: 20011, rate: 0.04 }],
      },
    });
    const inputs = emailLeads(1_000, 'fault');
    const outcomes = new Map<number, LeadOutcome>();
    let reportedTwice = 0;
    for await (const { index, input, ...outcome } of mock.client(options).syncLeadsStream(inputs, { batchSize: 20 })) {
      if (outcomes.has(index)) reportedTwice += 1;
      expect(input).toBe(inputs[index]);
      outcomes.set(index, outcome);
    }

    expect(reportedTwice).toBe(0);
    expect([...outcomes.keys()].sort((a, b) => a - b)).toEqual(inputs.map((_, index) => index));
    const stored = mock.server.leads();
    const storedByEmail = new Map(stored.map((lead) => [lead.email, lead]));
    expect(storedByEmail.size).toBe(stored.length); // no duplicate
    for (const [index, outcome] of outcomes) {
      const email = inputs[index]?.email;
      if (outcome.status === 'FAILED') {
        expect(outcome.error).toBeInstanceOf(SyncLeadError);
        expect(outcome.error.message).not.toBe('');
        // Only a lead whose outcome is unknown may have reached the store despite failing.
        if (!(outcome.error instanceof SyncOutcomeUnknownError)) expect(storedByEmail.has(email ?? null)).toBe(false);
      } else {
        expect(storedByEmail.get(email ?? null)?.id).toBe(outcome.leadId);
      }
    }
    for (const lead of stored) expect(inputs.some((input) => input.email === lead.email)).toBe(true);

    const stats = mock.server.stats();
    const injected = stats.injected.reset + stats.injected.resetAfterCommit + stats.injected.http503 + stats.injected.malformed;
    expect(injected + (stats.injected.marketo[20011] ?? 0)).toBeGreaterThan(0);
    expect(stats.injected.resetAfterCommit).toBeGreaterThan(0); // the duplicate-prone case did happen
    const failed = [...outcomes.values()].filter((outcome) => outcome.status === 'FAILED').length;
    if (options.retry === false) expect(failed).toBeGreaterThan(0);
    else expect(failed).toBeLessThan(50);
  });
});

describe('a batch whose response was lost after the server committed it', () => {
  it('with dedup (the default) is retried and updates the leads it created: no duplicates', async () => {
    mock = await startMock({ rateLimit: false });
    mock.server.failNext('resetAfterCommit');
    const inputs = emailLeads(10, 'lost');

    const run = await mock.client().syncLeads(inputs);

    expect(run.failed).toBe(0);
    // The first attempt created them; the retry found them by email. Both counts are Marketo's answer.
    expect(run.results.every((result) => result.status === 'UPDATED')).toBe(true);
    expect(mock.server.leads()).toHaveLength(10);
    expect(new Set(mock.server.leads().map((lead) => lead.email)).size).toBe(10);
    expect(mock.server.stats().calls.syncMultipleLeads).toBe(2);
  });

  it('without dedup is not retried (a repeat would create every lead again): outcome unknown, one copy stored', async () => {
    mock = await startMock({ rateLimit: false });
    mock.server.failNext('resetAfterCommit');
    const inputs = emailLeads(10, 'nodedup');

    const run = await mock.client().syncLeads(inputs, { dedup: false });

    expect(run.failed).toBe(10);
    for (const result of run.results) {
      expect(result.error).toBeInstanceOf(SyncOutcomeUnknownError);
      expect(result.error?.cause).toBeInstanceOf(TransportError);
      expect(result.error?.message).toMatch(/may or may not have been synced.*without dedup/);
    }
    expect(mock.server.stats().calls.syncMultipleLeads).toBe(1);
    expect(mock.server.leads()).toHaveLength(10);
  });

  it('without dedup a refusal before processing (HTTP 503) is still retried', async () => {
    mock = await startMock({ rateLimit: false });
    mock.server.failNext('http503');

    const run = await mock.client().syncLeads(emailLeads(10, 'busy'), { dedup: false });

    expect(run).toMatchObject({ created: 10, failed: 0 });
    expect(mock.server.leads()).toHaveLength(10);
  });

  it('without dedup, leads with a foreign id (a unique key) are retried safely', async () => {
    mock = await startMock({ rateLimit: false });
    mock.server.failNext('resetAfterCommit');
    const inputs = Array.from({ length: 10 }, (_, index): SyncLeadInput => ({
      foreignSysPersonId: `crm-${index}`,
      foreignSysType: 'CUSTOM',
      email: `fid${index}@example.com`,
    }));

    const run = await mock.client().syncLeads(inputs, { dedup: false });

    expect(run).toMatchObject({ updated: 10, failed: 0 });
    expect(mock.server.leads()).toHaveLength(10);
  });

  it('a lost response on every attempt ends as outcome unknown, after the retry budget', async () => {
    mock = await startMock({ rateLimit: false });
    mock.server.failNext('resetAfterCommit', 'resetAfterCommit', 'resetAfterCommit', 'resetAfterCommit');

    const run = await mock.client({ retry: { maxAttempts: 4, initialDelayMs: 1, maxDelayMs: 5 } }).syncLeads(emailLeads(3, 'gone'));

    expect(run.failed).toBe(3);
    expect(run.results[0]?.error).toBeInstanceOf(SyncOutcomeUnknownError);
    expect(run.results[0]?.error?.message).toMatch(/retries failed too/);
    expect(mock.server.stats().calls.syncMultipleLeads).toBe(4);
    expect(mock.server.leads()).toHaveLength(3);
  });
});
