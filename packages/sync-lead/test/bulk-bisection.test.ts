// A batch refused as a whole because of one lead's content is split until that lead fails alone, and
// the others sync. Against the mock (one unknown attribute name faults the whole call with 20105, as
// Marketo documents 20105) and against a scripted server (a fault naming no lead).
import { expect, it } from 'vitest';
import { MarketoError, SyncFailedError, type SyncLeadInput } from '../src/index.js';
import { createdReply, requestedEmails } from './support/bulk-replies.js';
import { useMocks } from './support/mock.js';
import { useScriptedClients } from './support/scripted.js';
import { describeWithShared, docsFixture, faultEnvelope } from '@org/test-support';

const fault20014 = docsFixture('fault-20014.response.xml');

function leads(count: number, prefix: string): SyncLeadInput[] {
  return Array.from({ length: count }, (_, index) => ({ email: `${prefix}${index}@example.com`, attributes: { FirstName: `F${index}` } }));
}

const startMockForTest = useMocks();
const scripted = useScriptedClients();

describeWithShared('one invalid attribute name in a batch (20105 for the whole call)', () => {
  it('fails only the lead that sends it; the rest of the batch syncs', async () => {
    const mock = await startMockForTest({ rateLimit: false });
    const inputs = leads(10, 'bis');
    inputs[3] = { email: 'bad@example.com', attributes: { FirstName: 'Bad', NoSuchField: 'x' } };

    const run = await mock.client().syncLeads(inputs);

    expect(run).toMatchObject({ created: 9, updated: 0, failed: 1 });
    expect(run.results[3]).toMatchObject({ status: 'FAILED', error: { code: 20105 } });
    expect(run.results[3]?.error).toBeInstanceOf(MarketoError);
    expect(run.results.filter((_, index) => index !== 3).every((result) => result.status === 'CREATED')).toBe(true);
    expect(mock.server.leads().map((lead) => lead.email).sort()).toEqual(
      inputs.filter((_, index) => index !== 3).map((input) => input.email).sort(),
    );
    // The leads that send the same attribute names go together: the refused call, then one per group.
    expect(mock.server.stats().calls.syncMultipleLeads).toBe(3);
    expect(mock.server.stats().faults[20105]).toBe(2);
  });

  it('a batch whose leads all send the bad name fails in one call, not lead by lead', async () => {
    const mock = await startMockForTest({ rateLimit: false });
    const inputs = leads(20, 'same').map((input) => ({ ...input, attributes: { ...input.attributes, Frist_Name: 'typo' } }));

    const run = await mock.client().syncLeads(inputs);

    expect(run).toMatchObject({ created: 0, failed: 20 });
    expect(run.results.every((result) => result.error instanceof MarketoError && result.error.code === 20105)).toBe(true);
    expect(mock.server.stats().calls.syncMultipleLeads).toBe(1);
    expect(mock.server.leads()).toEqual([]);
  });

  it("with the mock's fail-record mode the lead fails with Marketo's per-lead reason and nothing is split", async () => {
    const mock = await startMockForTest({ rateLimit: false, unknownAttributeInBatch: 'fail-record' });
    const inputs = leads(5, 'rec');
    inputs[1] = { email: 'bad@example.com', attributes: { NoSuchField: 'x' } };

    const run = await mock.client().syncLeads(inputs);

    expect(run).toMatchObject({ created: 4, failed: 1 });
    expect(run.results[1]?.error).toBeInstanceOf(SyncFailedError);
    expect((run.results[1]?.error as SyncFailedError).reason).toMatch(/NoSuchField/);
    expect(mock.server.stats().calls.syncMultipleLeads).toBe(1);
  });
});

describeWithShared('a lead-content fault that names no lead (scripted server)', () => {
  it('halves the batch down to the one lead that causes it, in about 2·log2(n) extra calls', async () => {
    let nextId = 1;
    const rawClient = await scripted.start((_, request) => {
      const emails = requestedEmails(request.body);
      if (emails.includes('poison@example.com')) return { status: 500, body: faultEnvelope(fault20014, 20110, 'Bad Parameter') };
      const body = createdReply(emails, nextId);
      nextId += emails.length;
      return { body };
    });
    const inputs = leads(64, 'half');
    inputs[37] = { email: 'poison@example.com' };

    const run = await rawClient.syncLeads(inputs);

    expect(run).toMatchObject({ created: 63, failed: 1 });
    expect(run.results[37]).toMatchObject({ status: 'FAILED', error: { code: 20110 } });
    // 1 refused call, then per level one half faults and one half syncs: 1 + 2 * log2(64) calls.
    expect(scripted.server.requests).toHaveLength(1 + 2 * 6);
    const synced = scripted.server.requests.flatMap((request) => (request.body.includes('poison@') ? [] : requestedEmails(request.body)));
    expect(synced.sort()).toEqual(inputs.filter((_, index) => index !== 37).map((input) => input.email).sort());
  });

  it('a fault no lead can cause (20014) fails the batch at once, unsplit', async () => {
    const rawClient = await scripted.start(() => ({ status: 500, body: fault20014 }));

    const run = await rawClient.syncLeads(leads(8, 'auth'));

    expect(run).toMatchObject({ created: 0, failed: 8 });
    expect(run.results.every((result) => result.error instanceof MarketoError && result.error.code === 20014)).toBe(true);
    expect(scripted.server.requests).toHaveLength(1);
  });
});
