// syncLead's documented rules, checked on the store (server.leads()) after real SOAP calls.
import { describe, expect, it } from 'vitest';

import { syncLead } from './support/raw-calls.js';
import { useTestServer } from './support/test-server.js';

const mock = useTestServer();

describe('syncLead keys and precedence', () => {
  it('creates a lead when no key matches', async () => {
    const answer = await syncLead(mock.server.url, { Email: 'new@example.com', attributes: { FirstName: 'Ada' } });
    expect(answer).toEqual({ status: 'CREATED', leadId: 1 });
    expect(mock.server.leads()).toEqual([
      {
        id: 1,
        email: 'new@example.com',
        foreignSysPersonId: null,
        foreignSysType: null,
        cookie: null,
        workspace: 'Default',
        partition: 'Default',
        attributes: { FirstName: 'Ada' },
        anonymous: false,
      },
    ]);
  });

  it('updates the lead an Email matches (case-insensitively), keeping attributes not sent', async () => {
    const { id } = mock.server.addLead({ email: 'Ada@Example.com', attributes: { FirstName: 'Ada', City: 'London' } });
    const answer = await syncLead(mock.server.url, { Email: 'ada@example.com', attributes: { FirstName: 'Augusta' } });
    expect(answer).toEqual({ status: 'UPDATED', leadId: id });
    expect(mock.server.leads()).toHaveLength(1);
    expect(mock.server.leads()[0]?.attributes).toEqual({ FirstName: 'Augusta', City: 'London' });
  });

  it('matches the newest of several leads sharing an Email, as the spec says (Email is not a unique key)', async () => {
    mock.server.addLead({ email: 'shared@example.com' });
    const newest = mock.server.addLead({ email: 'Shared@example.com' });
    mock.server.addLead({ email: 'other@example.com' });
    expect(await syncLead(mock.server.url, { Email: 'shared@example.com', attributes: { Title: 'CTO' } })).toEqual({
      status: 'UPDATED',
      leadId: newest.id,
    });
    expect(mock.server.leads().map((lead) => lead.attributes)).toEqual([{}, { Title: 'CTO' }, {}]);
  });

  it('Id takes precedence over every other key', async () => {
    const byId = mock.server.addLead({ email: 'first@example.com' });
    const other = mock.server.addLead({
      email: 'second@example.com',
      foreignSysPersonId: 'CRM-2',
      foreignSysType: 'CUSTOM',
      cookie: 'cookie-2',
    });
    const answer = await syncLead(
      mock.server.url,
      { Id: byId.id, Email: 'second@example.com', attributes: { Company: 'Acme' } },
      { cookie: 'cookie-3' },
    );
    expect(answer).toEqual({ status: 'UPDATED', leadId: byId.id });
    const leads = mock.server.leads();
    expect(leads.find((lead) => lead.id === byId.id)).toMatchObject({
      email: 'second@example.com',
      cookie: 'cookie-3',
      attributes: { Company: 'Acme' },
    });
    expect(leads.find((lead) => lead.id === other.id)).toMatchObject({ email: 'second@example.com', attributes: {} });
  });

  it('Id with ForeignSysPersonId matches by Id and updates the lead’s foreignSysPersonId', async () => {
    const lead = mock.server.addLead({ email: 'a@example.com', foreignSysPersonId: 'OLD-1', foreignSysType: 'CUSTOM' });
    const answer = await syncLead(mock.server.url, { Id: lead.id, ForeignSysPersonId: 'NEW-1', ForeignSysType: 'SFDC' });
    expect(answer).toEqual({ status: 'UPDATED', leadId: lead.id });
    expect(mock.server.leads()).toEqual([
      expect.objectContaining({ id: lead.id, foreignSysPersonId: 'NEW-1', foreignSysType: 'SFDC' }),
    ]);
    // The old foreign id no longer names the lead: syncing it creates a new one.
    expect(await syncLead(mock.server.url, { ForeignSysPersonId: 'OLD-1', ForeignSysType: 'CUSTOM' })).toMatchObject({
      status: 'CREATED',
    });
  });

  it('ForeignSysPersonId alone is a unique key', async () => {
    const created = await syncLead(mock.server.url, {
      ForeignSysPersonId: 'CRM-7',
      ForeignSysType: 'CUSTOM',
      attributes: { LastName: 'One' },
    });
    expect(created).toMatchObject({ status: 'CREATED' });
    const updated = await syncLead(mock.server.url, {
      ForeignSysPersonId: 'CRM-7',
      ForeignSysType: 'CUSTOM',
      attributes: { LastName: 'Two' },
    });
    expect(updated).toEqual({ status: 'UPDATED', leadId: (created as { leadId: number }).leadId });
    expect(mock.server.leads()).toEqual([
      expect.objectContaining({ foreignSysPersonId: 'CRM-7', email: null, attributes: { LastName: 'Two' } }),
    ]);
  });

  it('ForeignSysPersonId with Email and no Id matches by foreign id and updates the lead’s Email', async () => {
    const lead = mock.server.addLead({ email: 'old@example.com', foreignSysPersonId: 'CRM-8', foreignSysType: 'SFDC' });
    mock.server.addLead({ email: 'new@example.com' });
    const answer = await syncLead(mock.server.url, {
      Email: 'new@example.com',
      ForeignSysPersonId: 'CRM-8',
      ForeignSysType: 'SFDC',
    });
    expect(answer).toEqual({ status: 'UPDATED', leadId: lead.id });
    expect(mock.server.leads().find((stored) => stored.id === lead.id)?.email).toBe('new@example.com');
  });

  it('an unmatched foreign id with a matching Email takes over the lead that has no foreign id', async () => {
    const lead = mock.server.addLead({ email: 'person@example.com' });
    expect(
      await syncLead(mock.server.url, {
        Email: 'person@example.com',
        ForeignSysPersonId: 'CRM-9',
        ForeignSysType: 'CUSTOM',
      }),
    ).toEqual({
      status: 'UPDATED',
      leadId: lead.id,
    });
    expect(mock.server.leads()).toEqual([
      expect.objectContaining({ foreignSysPersonId: 'CRM-9', foreignSysType: 'CUSTOM' }),
    ]);
  });

  it('an anonymous lead (known only by its cookie) updated through its cookie becomes known', async () => {
    const anonymous = mock.server.addLead({
      cookie: 'id:561-HYG-937&token:_mch-example.com-1',
      attributes: { AnonymousIP: '10.0.0.1' },
    });
    expect(anonymous.anonymous).toBe(true);
    const answer = await syncLead(
      mock.server.url,
      { Email: 'known@example.com', attributes: { FirstName: 'Known' } },
      { cookie: 'id:561-HYG-937&token:_mch-example.com-1' },
    );
    expect(answer).toEqual({ status: 'UPDATED', leadId: anonymous.id });
    expect(mock.server.leads()).toEqual([
      expect.objectContaining({
        id: anonymous.id,
        email: 'known@example.com',
        anonymous: false,
        attributes: { AnonymousIP: '10.0.0.1', FirstName: 'Known' },
      }),
    ]);
  });

  it('a cookie alone creates an anonymous lead, and a cookie of no lead is attached to the lead Email matches', async () => {
    expect(await syncLead(mock.server.url, {}, { cookie: 'cookie-a' })).toMatchObject({ status: 'CREATED' });
    expect(mock.server.leads()).toEqual([expect.objectContaining({ cookie: 'cookie-a', anonymous: true })]);
    const known = mock.server.addLead({ email: 'k@example.com' });
    expect(await syncLead(mock.server.url, { Email: 'k@example.com' }, { cookie: 'cookie-b' })).toEqual({
      status: 'UPDATED',
      leadId: known.id,
    });
    expect(mock.server.leads().find((lead) => lead.id === known.id)?.cookie).toBe('cookie-b');
  });
});

describe('syncLead faults', () => {
  it('an Id that matches nothing is fault 20103', async () => {
    expect(await syncLead(mock.server.url, { Id: 4242, Email: 'x@example.com' })).toMatchObject({
      httpStatus: 500,
      fault: {
        code: 20103,
        faultstring: '20103 - Lead Not Found',
        message: 'Lead Not Found: no lead with Id 4242 (20103)',
      },
    });
    expect(mock.server.leads()).toEqual([]);
  });

  it('an attribute name the instance does not have is fault 20105, naming it', async () => {
    expect(
      await syncLead(mock.server.url, {
        Email: 'x@example.com',
        attributes: { FirstName: 'A', Favourite_Colour__c: 'blue' },
      }),
    ).toMatchObject({
      fault: {
        code: 20105,
        faultstring: '20105 - Lead Attribute Bad',
        message: 'Lead Attribute Bad: unknown attribute "Favourite_Colour__c" (20105)',
      },
    });
    expect(mock.server.leads()).toEqual([]);
  });

  it.each([
    ['no leadRecord', 20104, ''],
    [
      'a leadRecord without any key',
      20109,
      '<leadRecord><leadAttributeList><attribute><attrName>FirstName</attrName><attrValue>A</attrValue></attribute></leadAttributeList></leadRecord>',
    ],
    [
      'ForeignSysPersonId without ForeignSysType',
      20109,
      '<leadRecord><ForeignSysPersonId>X</ForeignSysPersonId></leadRecord>',
    ],
    [
      'a ForeignSysType outside CUSTOM/SFDC/NETSUITE',
      20110,
      '<leadRecord><ForeignSysPersonId>X</ForeignSysPersonId><ForeignSysType>ORACLE</ForeignSysType></leadRecord>',
    ],
    [
      'an attribute without attrName',
      20109,
      '<leadRecord><Email>a@b.c</Email><leadAttributeList><attribute><attrValue>A</attrValue></attribute></leadAttributeList></leadRecord>',
    ],
  ] as const)('%s is fault %i', async (_case, code, recordXml) => {
    expect(await syncLead(mock.server.url, {}, { rawRecordXml: recordXml })).toMatchObject({ fault: { code } });
    expect(mock.server.leads()).toEqual([]);
  });

  it('a missing returnLead is fault 20017', async () => {
    const { envelope, postSoap, parseXml, textOf } = await import('./support/soap-http.js');
    const answer = await postSoap(
      mock.server.url,
      'syncLead',
      envelope('<ns1:paramsSyncLead><leadRecord><Email>a@b.c</Email></leadRecord></ns1:paramsSyncLead>'),
    );
    expect(answer.status).toBe(500);
    expect(textOf(parseXml(answer.text), 'code')).toBe('20017');
  });

  it('a value a typed field cannot hold gives a FAILED status with the reason, and writes nothing', async () => {
    const lead = mock.server.addLead({ email: 'typed@example.com', attributes: { LeadScore: '10' } });
    expect(
      await syncLead(mock.server.url, { Email: 'typed@example.com', attributes: { FirstName: 'T', LeadScore: 'ten' } }),
    ).toEqual({
      status: 'FAILED',
      leadId: 0,
      error: 'Bad Parameter: attribute LeadScore must be a 32-bit integer (20110)',
    });
    expect(mock.server.leads()).toEqual([expect.objectContaining({ id: lead.id, attributes: { LeadScore: '10' } })]);
  });

  it('a foreign id that belongs to another lead gives a FAILED status', async () => {
    const holder = mock.server.addLead({ foreignSysPersonId: 'TAKEN', foreignSysType: 'CUSTOM' });
    const other = mock.server.addLead({ email: 'other@example.com' });
    expect(await syncLead(mock.server.url, { Id: other.id, ForeignSysPersonId: 'TAKEN', ForeignSysType: 'CUSTOM' })).toEqual(
      {
        status: 'FAILED',
        leadId: other.id,
        error: `Lead Sync Failed: ForeignSysPersonId TAKEN (CUSTOM) belongs to lead ${holder.id} (20106)`,
      },
    );
  });
});
