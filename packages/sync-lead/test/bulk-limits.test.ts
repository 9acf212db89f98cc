// syncLeads at the rate-limit ceiling: 2,000 leads through the client's limits against the mock's own
// limits (a scaled-down window), with every result present, the store holding exactly those leads, and
// no limit fault seen by the server.
import { describe, expect, it } from 'vitest';
import type { SyncLeadInput } from '../src/index.js';
import { startMock } from './support/mock.js';

/** Marketo's limits, scaled down in time: Marketo's window holds 100 calls of 20 s. */
const SCALED_WINDOW = { calls: 20, windowMs: 2_000 };
const CONCURRENCY = 10;

function emailLeads(count: number, prefix: string): SyncLeadInput[] {
  return Array.from({ length: count }, (_, index) => ({
    email: `${prefix}${index}@example.com`,
    attributes: { FirstName: `First${index}`, LastName: 'Bulk', Company: index % 2 === 0 ? 'Acme' : 'Globex' },
  }));
}

describe('syncLeads within the client-wide limits', () => {
  it('2,000 leads: every result present, the store holds exactly those leads, and no 20023/20024', async () => {
    const mock = await startMock({ rateLimit: SCALED_WINDOW, concurrencyLimit: CONCURRENCY });
    try {
      // retry: false so that one refused call would show up as failed leads, not be papered over.
      const client = mock.client({ rateLimit: SCALED_WINDOW, concurrency: CONCURRENCY, retry: false });
      const leads = emailLeads(2_000, 'limit');
      // 50 leads per call: 40 calls, two windows' worth, so the rate limit is really in play.
      const run = await client.syncLeads(leads, { batchSize: 50 });

      expect(run.results).toHaveLength(leads.length);
      expect(run.results.filter((result) => result.status !== 'CREATED')).toEqual([]);
      expect(run).toMatchObject({ created: 2_000, updated: 0, failed: 0 });
      const stored = mock.server.leads();
      expect(stored.map((lead) => lead.email).sort()).toEqual(leads.map((lead) => lead.email).sort());
      expect(new Set(run.results.map((result) => result.leadId))).toEqual(new Set(stored.map((lead) => lead.id)));
      const stats = mock.server.stats();
      expect(stats.calls.syncMultipleLeads).toBe(40);
      expect(stats.faults[20023]).toBeUndefined();
      expect(stats.faults[20024]).toBeUndefined();
    } finally {
      await mock.close();
    }
  });
});
