// The client's daily quota (kept in memory here; shared through Redis in redis-limits.test.ts): calls
// beyond it fail with DailyQuotaExceededError before anything is sent, so the mock's 20015 never fires;
// every attempt counts, retries included; it starts again at midnight US Central time by the client's
// clock; bad values are refused by name.
import { nextMarketoQuotaReset } from '@org/mktows-types';
import { describe, expect, it } from 'vitest';
import { createSyncLeadClient, DailyQuotaExceededError, MARKETO_DAILY_QUOTA, ValidationError } from '../src/index.js';
import { startMock } from './support/mock.js';

describe('dailyQuota', () => {
  it('calls beyond the quota fail with DailyQuotaExceededError, and none of them reaches the server', async () => {
    const mock = await startMock({ dailyQuota: 3 });
    try {
      const client = mock.client({ dailyQuota: 3 });
      const resets = [nextMarketoQuotaReset(new Date()).getTime()];
      const settled = await Promise.allSettled(Array.from({ length: 5 }, (_, index) => client.syncLead({ email: `q${index}@example.com` })));
      expect(settled.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
      const refused = settled.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
      expect(refused).toHaveLength(2);
      for (const error of refused) {
        expect(error).toBeInstanceOf(DailyQuotaExceededError);
        expect(error).toMatchObject({ dailyQuota: 3, retryable: false });
        // The next midnight in Chicago (the run might just have crossed one).
        expect([...resets, nextMarketoQuotaReset(new Date()).getTime()]).toContain((error as DailyQuotaExceededError).resetsAt.getTime());
      }
      expect(mock.server.stats().calls.syncLead).toBe(3);
      expect(mock.server.stats().faults[20015]).toBeUndefined();
    } finally {
      await mock.close();
    }
  });

  it('syncLeads: leads of the batches beyond the quota fail with it; every lead has a result, the rest are stored', async () => {
    const mock = await startMock({ dailyQuota: 3 });
    try {
      const client = mock.client({ dailyQuota: 3 });
      const leads = Array.from({ length: 10 }, (_, index) => ({ email: `sq${index}@example.com` }));
      const run = await client.syncLeads(leads, { batchSize: 2, concurrency: 1 });
      expect(run).toMatchObject({ created: 6, failed: 4 });
      expect(run.results).toHaveLength(10);
      const failed = run.results.filter((result) => result.status === 'FAILED');
      for (const result of failed) expect(result.error).toBeInstanceOf(DailyQuotaExceededError);
      const created = leads.filter((_, index) => run.results[index]?.status === 'CREATED').map((lead) => lead.email);
      expect(mock.server.leads().map((lead) => lead.email).sort()).toEqual(created.sort());
      expect(mock.server.stats().faults[20015]).toBeUndefined();
    } finally {
      await mock.close();
    }
  });

  it('every attempt counts: a retried call uses two of the quota', async () => {
    const mock = await startMock();
    try {
      const client = mock.client({ dailyQuota: 2 });
      mock.server.failNext(20023);
      await expect(client.syncLead({ email: 'r1@example.com' })).resolves.toMatchObject({ status: 'CREATED' });
      await expect(client.syncLead({ email: 'r2@example.com' })).rejects.toBeInstanceOf(DailyQuotaExceededError);
      expect(mock.server.stats().requests).toBe(2);
    } finally {
      await mock.close();
    }
  });

  it("starts again at Marketo's midnight (US Central time) by the client's clock, not at midnight UTC", async () => {
    let now = Date.parse('2030-06-01T23:00:00Z'); // 18:00 CDT
    const mock = await startMock({ clock: () => now });
    try {
      const client = mock.client({ dailyQuota: 1, now: () => new Date(now) });
      await expect(client.syncLead({ email: 'm1@example.com' })).resolves.toMatchObject({ status: 'CREATED' });
      await expect(client.syncLead({ email: 'm2@example.com' })).rejects.toMatchObject({
        name: 'DailyQuotaExceededError',
        resetsAt: new Date('2030-06-02T05:00:00Z'),
      });
      now = Date.parse('2030-06-02T01:00:00Z'); // a new UTC day, still June 1st in Chicago
      await expect(client.syncLead({ email: 'm3@example.com' })).rejects.toBeInstanceOf(DailyQuotaExceededError);
      now = Date.parse('2030-06-02T05:00:00Z'); // midnight CDT
      await expect(client.syncLead({ email: 'm4@example.com' })).resolves.toMatchObject({ status: 'CREATED' });
      expect(mock.server.stats().calls.syncLead).toBe(2);
    } finally {
      await mock.close();
    }
  });

  it("defaults to Marketo's 10,000 calls; false turns it off; other values are refused by name", () => {
    expect(MARKETO_DAILY_QUOTA).toBe(10_000);
    const base = { endpoint: 'https://example.mktoapi.com/soap/mktows/2_2', userId: 'u', secretKey: 'k' };
    expect(() => createSyncLeadClient({ ...base, dailyQuota: false }).close()).not.toThrow();
    for (const dailyQuota of [0, -1, 1.5, Number.NaN, '10' as unknown as number, true as unknown as number]) {
      expect(() => createSyncLeadClient({ ...base, dailyQuota })).toThrow(ValidationError);
      expect(() => createSyncLeadClient({ ...base, dailyQuota })).toThrow(expect.objectContaining({ field: 'dailyQuota' }) as Error);
    }
    expect(() => createSyncLeadClient({ ...base, limitStore: {} as never })).toThrow(expect.objectContaining({ field: 'limitStore' }) as Error);
  });
});
