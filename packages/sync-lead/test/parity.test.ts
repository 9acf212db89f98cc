// Parity: the same syncLead and syncLeads scenarios over SOAP and over REST, against one mock (one
// instance, reset before each run), give identical results and identical stored leads: each key kind,
// XML and JSON special characters and non-ASCII text, typed values, returnLead, an unknown field, 301
// leads, duplicates in one batch. Where REST cannot express what SOAP does, the difference is the one the
// README's migration guide documents, and it is asserted as such (last describe block).
import type { MockLead } from '@org/mktows-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketoError, SyncFailedError, type SyncLeadClient, type SyncLeadInput, ValidationError } from '../src/index.js';
import { startMock, type MockFixture } from './support/mock.js';
import { comparable, marketoCodes, runBoth, type Scenario } from './support/parity.js';

let mock: MockFixture;
let clients: { soap: SyncLeadClient; rest: SyncLeadClient };
beforeAll(async () => {
  mock = await startMock({ rateLimit: false, dailyQuota: false });
  clients = { soap: mock.client(), rest: mock.restClient() };
});
afterAll(() => mock.close());

const SPECIAL = `<Ünïcödé & "quotes" 'single'> \\ back\\slash {"json": [1, null]} ]]> \u00e9\u4e2d\u6587 🦊 \t tab`;
const sequence = (...inputs: SyncLeadInput[]) => async (client: SyncLeadClient) => {
  const results = [];
  for (const input of inputs) results.push(await client.syncLead(input).catch((error: unknown) => error));
  return results;
};

/** Scenarios whose results and stored leads must be identical over both transports. */
const SAME: Array<[string, Scenario]> = [
  ['syncLead by email: created, then updated (attributes kept, one cleared with null)', {
    run: sequence(
      { email: 'george@jungle.example', attributes: { FirstName: 'George', LastName: 'of the Jungle', City: 'Nairobi' } },
      { email: 'george@jungle.example', attributes: { FirstName: 'Georgie', City: null } },
    ),
  }],
  ['syncLead by id: updates the lead, its Email too (SOAP syncLead with Id and Email changes the Email)', {
    seed: [{ email: 'old@example.com', attributes: { Title: 'CEO' } }],
    run: sequence({ id: 1, email: 'new@example.com', attributes: { Company: 'Acme' } }),
  }],
  ['syncLead by SFDC foreign id: created with its email, then found by the foreign id alone', {
    run: sequence(
      { foreignSysPersonId: '00Q5e00000ABCDe', foreignSysType: 'SFDC', email: 'sfdc@example.com', attributes: { Company: 'Initech' } },
      { foreignSysPersonId: '00Q5e00000ABCDe', foreignSysType: 'SFDC', attributes: { Title: 'Boss' } },
    ),
  }],
  ['XML and JSON special characters and non-ASCII text, in values and in the email', {
    run: sequence({ email: 'ünïcödé.名前@example.com', attributes: { Company: SPECIAL, Title: ']]><![CDATA[', Address: 'line 1\nline 2' } }),
  }],
  ['typed values: numbers, booleans, a Date, an empty string', {
    run: sequence({
      email: 'typed@example.com',
      attributes: { LeadScore: 62, AnnualRevenue: 1250000.5, Unsubscribed: true, DoNotCall: false, DateOfBirth: '1990-05-01', Website: '' },
    }),
  }],
  ['returnLead: the same lead record', {
    run: sequence(
      { email: 'record@example.com', foreignSysPersonId: '00Q1', foreignSysType: 'SFDC', attributes: { FirstName: 'Ada', LeadScore: 7, Unsubscribed: true } },
      { email: 'record@example.com', attributes: { City: SPECIAL }, returnLead: true },
    ),
  }],
  ['a value its field cannot hold: FAILED (SyncFailedError), nothing stored', {
    run: sequence({ email: 'bad@example.com', attributes: { LeadScore: 'ten' } }),
  }],
  ['an unknown field: a MarketoError for the call, nothing stored', {
    run: sequence({ email: 'unknown@example.com', attributes: { Shoe_Size__c: 44 } }),
  }],
  ['bad input: the same ValidationError before any request', {
    run: sequence({ email: 'not an email' }, { id: 1, attributes: { FirstName: Symbol('x') as never } }),
  }],
  ['syncLeads of 301 leads (two batches), duplicates in one batch, invalid inputs among them', {
    run: (client) => client.syncLeads(
      Array.from({ length: 301 }, (_, index): SyncLeadInput => {
        if (index === 150) return { email: 'invalid email' };
        // Every tenth lead repeats the email of the lead before it, in the same batch: created, then updated.
        const email = `bulk${index % 10 === 9 ? index - 1 : index}@example.com`;
        return { email, attributes: { FirstName: `Lead ${index}`, Company: index % 7 === 0 ? SPECIAL : 'Acme', LeadScore: index } };
      }),
      { concurrency: 1 }, // batches in order on both transports, so lead ids are comparable
    ),
  }],
  ['syncLeads with every key kind in one batch, runs of each kind, a later lead seeing an earlier one', {
    seed: [{ email: 'seeded@example.com', attributes: { Title: 'Seeded' } }],
    run: (client) => client.syncLeads([
      { foreignSysPersonId: 'SF-1', foreignSysType: 'SFDC', email: 'sf1@example.com' },
      { email: 'sf1@example.com', attributes: { Title: 'found by email' } },
      { id: 1, email: 'ignored-by-bulk@example.com', attributes: { Company: 'Seeded Co' } },
      { id: 1, attributes: { Email: 'renamed@example.com' } },
      { email: 'plain@example.com' },
      { foreignSysPersonId: 'SF-1', foreignSysType: 'SFDC', attributes: { City: 'Paris' } },
      { id: 999 },
    ], { concurrency: 1 }),
  }],
  ['syncLeads with dedup false: every email-keyed lead is created', {
    seed: [{ email: 'dup@example.com' }],
    run: (client) => client.syncLeads([{ email: 'dup@example.com' }, { email: 'dup@example.com', attributes: { Title: 'twin' } }], { dedup: false }),
  }],
  ['syncLeads with an unknown field: only the leads naming it fail', {
    run: (client) => client.syncLeads([
      { email: 'ok1@example.com', attributes: { FirstName: 'A' } },
      { email: 'bad@example.com', attributes: { FirstName: 'B', Shoe_Size__c: 44 } },
      { email: 'ok2@example.com', attributes: { FirstName: 'C' } },
    ]),
  }],
];

describe('SOAP and REST give identical results and identical stored leads', () => {
  it.each(SAME)('%s', async (_name, scenario) => {
    const { soap, rest } = await runBoth(mock, clients, scenario);
    expect(comparable(rest.outcome)).toEqual(comparable(soap.outcome));
    expect(rest.leads).toEqual(soap.leads);
    // The scenarios do store and answer something (an empty comparison would pass trivially).
    expect(JSON.stringify(comparable(soap.outcome)).length).toBeGreaterThan(20);
  });

  it('the scenarios that meet a Marketo fault meet the codes the migration guide maps (SOAP 20105 = REST 1006)', async () => {
    const unknownField = SAME.find(([name]) => name.startsWith('an unknown field'))![1];
    const { soap, rest } = await runBoth(mock, clients, unknownField);
    expect([marketoCodes(soap.outcome), marketoCodes(rest.outcome)]).toEqual([[20105], [1006]]);
    const inBulk = SAME.find(([name]) => name.startsWith('syncLeads with an unknown field'))![1];
    const bulk = await runBoth(mock, clients, inBulk);
    expect([marketoCodes(bulk.soap.outcome), marketoCodes(bulk.rest.outcome)]).toEqual([[20105], [1006]]);
    const unknownIdInBulk = SAME.find(([name]) => name.startsWith('syncLeads with every key kind'))![1];
    const mixed = await runBoth(mock, clients, unknownIdInBulk);
    const reasons = (run: { outcome: unknown }) => (run.outcome as { results: Array<{ error?: unknown }> }).results.flatMap(({ error }) => (error instanceof SyncFailedError ? [error.reason] : []));
    expect(reasons(mixed.soap)).toEqual([expect.stringContaining('(20103)')]);
    expect(reasons(mixed.rest)).toEqual([expect.stringMatching(/^1004 /)]);
  });
});

describe('where REST cannot express what SOAP does: the documented differences', () => {
  const leadsOf = (leads: MockLead[]) => leads.map(({ id, email, foreignSysPersonId, attributes }) => ({ id, email, foreignSysPersonId, attributes }));

  it('an unknown Id: SOAP faults the call (MarketoError 20103), REST skips the record (SyncFailedError, 1004)', async () => {
    const { soap, rest } = await runBoth(mock, clients, { run: (client) => client.syncLead({ id: 42, attributes: { Title: 'x' } }) });
    expect(soap.outcome).toBeInstanceOf(MarketoError);
    expect(soap.outcome).toMatchObject({ code: 20103 });
    expect(rest.outcome).toBeInstanceOf(SyncFailedError);
    expect((rest.outcome as SyncFailedError).reason).toMatch(/^1004 /);
    expect([soap.leads, rest.leads]).toEqual([[], []]);
  });

  it('a foreign id that matches nothing: SOAP falls back to the Email, REST creates a second lead', async () => {
    const { soap, rest } = await runBoth(mock, clients, {
      seed: [{ email: 'known@example.com' }],
      run: (client) => client.syncLead({ foreignSysPersonId: 'SF-NEW', foreignSysType: 'SFDC', email: 'known@example.com' }),
    });
    expect([soap.outcome, rest.outcome]).toEqual([{ leadId: 1, status: 'UPDATED' }, { leadId: 2, status: 'CREATED' }]);
    expect(leadsOf(soap.leads)).toEqual([{ id: 1, email: 'known@example.com', foreignSysPersonId: 'SF-NEW', attributes: {} }]);
    expect(leadsOf(rest.leads)).toEqual([
      { id: 1, email: 'known@example.com', foreignSysPersonId: null, attributes: {} },
      { id: 2, email: 'known@example.com', foreignSysPersonId: 'SF-NEW', attributes: {} },
    ]);
  });

  it('an Email shared by several leads: SOAP updates the newest, REST fails the lead (1007) and changes nothing', async () => {
    const { soap, rest } = await runBoth(mock, clients, {
      seed: [{ email: 'shared@example.com' }, { email: 'shared@example.com' }],
      run: (client) => client.syncLead({ email: 'shared@example.com', attributes: { Title: 'CTO' } }),
    });
    expect(soap.outcome).toEqual({ leadId: 2, status: 'UPDATED' });
    expect(soap.leads.map((lead) => lead.attributes)).toEqual([{}, { Title: 'CTO' }]);
    expect(rest.outcome).toBeInstanceOf(SyncFailedError);
    expect((rest.outcome as SyncFailedError).reason).toMatch(/^1007 /);
    expect(rest.leads.map((lead) => lead.attributes)).toEqual([{}, {}]);
  });

  it('a Munchkin cookie: SOAP attaches it, REST refuses the input before any request (ValidationError)', async () => {
    const { soap, rest } = await runBoth(mock, clients, {
      run: (client) => client.syncLead({ email: 'cookie@example.com', marketoCookie: 'id:123-ABC-456&token:_mch-example.com-1' }),
    });
    expect(soap.outcome).toEqual({ leadId: 1, status: 'CREATED' });
    expect(soap.leads[0]?.cookie).toBe('id:123-ABC-456&token:_mch-example.com-1');
    expect(rest.outcome).toBeInstanceOf(ValidationError);
    expect(rest.outcome).toMatchObject({ field: 'marketoCookie' });
    expect(rest.leads).toEqual([]);
  });

  it('syncLeads, a lead matched by its foreign id: SOAP keeps its Email, REST sets the one given', async () => {
    const { soap, rest } = await runBoth(mock, clients, {
      seed: [{ email: 'before@example.com', foreignSysPersonId: 'SF-9', foreignSysType: 'SFDC' }],
      run: (client) => client.syncLeads([{ foreignSysPersonId: 'SF-9', foreignSysType: 'SFDC', email: 'after@example.com' }]),
    });
    expect(comparable(rest.outcome)).toEqual(comparable(soap.outcome));
    expect([soap.leads[0]?.email, rest.leads[0]?.email]).toEqual(['before@example.com', 'after@example.com']);
  });
});
