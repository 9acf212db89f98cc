// syncMultipleLeads: per-record statuses on the same store, dedupEnabled, and what fails a record versus
// what faults the whole call.
import { describe, expect, it } from 'vitest';

import { syncMultipleLeads } from './support/raw-calls.js';
import { childElements, findElement, parseXml } from './support/soap-http.js';
import { startTestServer, useTestServer } from './support/test-server.js';

const mock = useTestServer();

describe('syncMultipleLeads', () => {
  it('answers one status per record, in order, and a one-record batch still as a list', async () => {
    const answer = await syncMultipleLeads(mock.server.url, [{ Email: 'one@example.com' }]);
    expect(answer).toMatchObject({ statuses: [{ status: 'CREATED', leadId: 1 }] });
    const list = findElement(parseXml((answer as { text: string }).text), 'syncStatusList')!;
    expect(childElements(list).map((child) => child.localName)).toEqual(['syncStatus']);
  });

  it('deduplicates by Email by default and when dedupEnabled is true', async () => {
    const existing = mock.server.addLead({ email: 'dup@example.com' });
    for (const dedupEnabled of [undefined, true]) {
      expect(
        await syncMultipleLeads(
          mock.server.url,
          [{ Email: 'dup@example.com', attributes: { Title: String(dedupEnabled) } }],
          dedupEnabled,
        ),
      ).toMatchObject({
        statuses: [{ status: 'UPDATED', leadId: existing.id }],
      });
    }
    expect(mock.server.leads()).toHaveLength(1);
  });

  it('with dedupEnabled false every record creates a lead unless a unique key matches', async () => {
    const byForeignId = mock.server.addLead({ email: 'f@example.com', foreignSysPersonId: 'F-1', foreignSysType: 'SFDC' });
    const answer = await syncMultipleLeads(
      mock.server.url,
      [
        { Email: 'f@example.com' },
        { Email: 'f@example.com' },
        { ForeignSysPersonId: 'F-1', ForeignSysType: 'SFDC', attributes: { Title: 'matched' } },
        { Id: byForeignId.id, attributes: { City: 'Lund' } },
      ],
      false,
    );
    expect(answer).toMatchObject({
      statuses: [
        { status: 'CREATED', leadId: 2 },
        { status: 'CREATED', leadId: 3 },
        { status: 'UPDATED', leadId: byForeignId.id },
        { status: 'UPDATED', leadId: byForeignId.id },
      ],
    });
    expect(mock.server.leads().filter((lead) => lead.email === 'f@example.com')).toHaveLength(3);
  });

  it('a later record sees what an earlier record of the same batch created', async () => {
    expect(
      await syncMultipleLeads(mock.server.url, [
        { Email: 'same@example.com' },
        { Email: 'same@example.com', attributes: { Title: 'second' } },
      ]),
    ).toMatchObject({
      statuses: [
        { status: 'CREATED', leadId: 1 },
        { status: 'UPDATED', leadId: 1 },
      ],
    });
  });

  it('does not change a matched lead’s Email from the key, only from an Email attribute (as documented)', async () => {
    const lead = mock.server.addLead({ email: 'keep@example.com' });
    await syncMultipleLeads(mock.server.url, [{ Id: lead.id, Email: 'ignored@example.com' }]);
    expect(mock.server.leads()[0]?.email).toBe('keep@example.com');
    await syncMultipleLeads(mock.server.url, [{ Id: lead.id, attributes: { Email: 'changed@example.com' } }]);
    expect(mock.server.leads()[0]?.email).toBe('changed@example.com');
  });

  it('fails only the records that cannot be stored, with Marketo’s reason, and stores the others', async () => {
    const answer = await syncMultipleLeads(mock.server.url, [
      { Email: 'good1@example.com' },
      { Id: 999, attributes: { Title: 'x' } },
      { Email: 'bad-score@example.com', attributes: { LeadScore: '1.5' } },
      { ForeignSysPersonId: 'no-type' },
      { attributes: { Title: 'no key' } },
      { Email: 'good2@example.com' },
    ]);
    expect(answer).toMatchObject({
      statuses: [
        { status: 'CREATED', leadId: 1 },
        { status: 'FAILED', leadId: 999, error: 'Lead Not Found: no lead with Id 999 (20103)' },
        { status: 'FAILED', leadId: 0, error: 'Bad Parameter: attribute LeadScore must be a 32-bit integer (20110)' },
        {
          status: 'FAILED',
          leadId: 0,
          error: 'Parameter Required: ForeignSysType is required when ForeignSysPersonId is given (20109)',
        },
        {
          status: 'FAILED',
          leadId: 0,
          error: 'Parameter Required: leadRecord needs Id, Email, ForeignSysPersonId or a marketoCookie (20109)',
        },
        { status: 'CREATED', leadId: 2 },
      ],
    });
    expect(mock.server.leads().map((lead) => lead.email)).toEqual(['good1@example.com', 'good2@example.com']);
  });

  it('faults the whole call with 20105 for one unknown attribute name, storing nothing', async () => {
    const answer = await syncMultipleLeads(mock.server.url, [
      { Email: 'ok@example.com' },
      { Email: 'bad@example.com', attributes: { No_Such_Field__c: 'x' } },
    ]);
    expect(answer).toMatchObject({
      httpStatus: 500,
      fault: { code: 20105, message: 'Lead Attribute Bad: leadRecord 2: unknown attribute "No_Such_Field__c" (20105)' },
    });
    expect(mock.server.leads()).toEqual([]);
  });

  it('with unknownAttributeInBatch "fail-record" fails only the record with the unknown attribute', async () => {
    const lenient = await startTestServer({ unknownAttributeInBatch: 'fail-record' });
    try {
      expect(
        await syncMultipleLeads(lenient.url, [
          { Email: 'ok@example.com' },
          { Email: 'bad@example.com', attributes: { No_Such_Field__c: 'x' } },
        ]),
      ).toMatchObject({
        statuses: [
          { status: 'CREATED', leadId: 1 },
          { status: 'FAILED', leadId: 0, error: 'Lead Attribute Bad: unknown attribute "No_Such_Field__c" (20105)' },
        ],
      });
    } finally {
      await lenient.close();
    }
  });

  it('refuses a batch over maxBatchSize (20110) when one is configured, and takes any size otherwise', async () => {
    const limited = await startTestServer({ maxBatchSize: 2 });
    try {
      const three = [{ Email: 'a@x.com' }, { Email: 'b@x.com' }, { Email: 'c@x.com' }];
      expect(await syncMultipleLeads(limited.url, three)).toMatchObject({ fault: { code: 20110 } });
      expect(limited.leads()).toEqual([]);
      expect(await syncMultipleLeads(mock.server.url, three)).toMatchObject({ statuses: [{}, {}, {}] });
    } finally {
      await limited.close();
    }
  });

  it('answers an empty batch with an empty list; a missing leadRecordList is fault 20104', async () => {
    expect(await syncMultipleLeads(mock.server.url, [])).toMatchObject({ statuses: [] });
    const { envelope, postSoap } = await import('./support/soap-http.js');
    const answer = await postSoap(mock.server.url, 'syncMultipleLeads', envelope('<ns1:paramsSyncMultipleLeads/>'));
    expect(answer.text).toContain('<code>20104</code>');
  });
});
