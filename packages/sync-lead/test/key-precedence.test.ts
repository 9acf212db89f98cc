// Marketo's syncLead key rules, one named test per sentence of issue 4, through syncLead against
// @org/mktows-mock, each reading the store back through getLead.
import { beforeAll, describe, expect, it } from 'vitest';
import { MarketoError, SyncFailedError, type SyncLeadClient } from '../src/index.js';
import { attributesOf, useSharedMock } from './support/mock.js';

const mock = useSharedMock();
let client: SyncLeadClient;
beforeAll(() => {
  client = mock.client();
});

describe('syncLead keys: Id, ForeignSysPersonId (+ ForeignSysType), marketoCookie, Email', () => {
  it('no match creates: a new email gives CREATED and a new lead', async () => {
    const result = await client.syncLead({ email: 'new@example.com', attributes: { FirstName: 'Nina' } });
    expect(result.status).toBe('CREATED');
    const [record] = await mock.getLead('IDNUM', result.leadId);
    expect(record?.Email).toBe('new@example.com');
    expect(attributesOf(record).FirstName).toBe('Nina');
  });

  it('a match updates: the same email again gives UPDATED on the same lead', async () => {
    const created = await client.syncLead({ email: 'same@example.com', attributes: { FirstName: 'Old' } });
    const updated = await client.syncLead({ email: 'same@example.com', attributes: { FirstName: 'New' } });
    expect(updated).toEqual({ leadId: created.leadId, status: 'UPDATED' });
    const records = await mock.getLead('EMAIL', 'same@example.com');
    expect(records).toHaveLength(1);
    expect(attributesOf(records[0]).FirstName).toBe('New');
  });

  it('Id is a unique key: a matching Id updates that lead', async () => {
    const seeded = mock.server.addLead({ email: 'by-id@example.com' });
    const result = await client.syncLead({ id: seeded.id, attributes: { LastName: 'Updated' } });
    expect(result).toEqual({ leadId: seeded.id, status: 'UPDATED' });
    expect(attributesOf((await mock.getLead('IDNUM', seeded.id))[0]).LastName).toBe('Updated');
  });

  it('marketoCookie is a unique key: a matching cookie updates that lead', async () => {
    const seeded = mock.server.addLead({ email: 'cookie-key@example.com', cookie: 'id:111-AAA-222&token:_mch-a' });
    const result = await client.syncLead({
      email: 'cookie-key@example.com',
      marketoCookie: 'id:111-AAA-222&token:_mch-a',
      attributes: { Company: 'Acme' },
    });
    expect(result).toEqual({ leadId: seeded.id, status: 'UPDATED' });
    expect(attributesOf((await mock.getLead('COOKIE', 'id:111-AAA-222&token:_mch-a'))[0]).Company).toBe('Acme');
  });

  it('Email is not a unique key: two leads sharing an email stay two leads after a sync by that email', async () => {
    const first = mock.server.addLead({ email: 'shared@example.com', attributes: { FirstName: 'One' } });
    const second = mock.server.addLead({ email: 'shared@example.com', attributes: { FirstName: 'Two' } });
    const result = await client.syncLead({ email: 'shared@example.com', attributes: { Title: 'Synced' } });
    expect(result.status).toBe('UPDATED');
    expect([first.id, second.id]).toContain(result.leadId);
    const records = await mock.getLead('EMAIL', 'shared@example.com');
    expect(records.map((record) => record.Id).sort()).toEqual([first.id, second.id].sort());
  });

  it('Id takes precedence over every other key: Id with another lead\'s email and foreign id updates the Id\'s lead', async () => {
    const target = mock.server.addLead({ email: 'target@example.com' });
    const other = mock.server.addLead({ email: 'other@example.com', foreignSysPersonId: 'crm-other', foreignSysType: 'CUSTOM' });
    const result = await client.syncLead({
      id: target.id,
      email: 'other@example.com',
      attributes: { Title: 'Chosen by Id' },
    });
    expect(result).toEqual({ leadId: target.id, status: 'UPDATED' });
    expect(attributesOf((await mock.getLead('IDNUM', target.id))[0]).Title).toBe('Chosen by Id');
    expect(attributesOf((await mock.getLead('IDNUM', other.id))[0]).Title).toBeUndefined();
  });

  it('Id + foreignSysPersonId: matches by Id and updates the lead\'s foreignSysPersonId', async () => {
    const seeded = mock.server.addLead({ email: 'fsp@example.com' });
    const result = await client.syncLead({ id: seeded.id, foreignSysPersonId: 'crm-42', foreignSysType: 'SFDC' });
    expect(result).toEqual({ leadId: seeded.id, status: 'UPDATED' });
    const [record] = await mock.getLead('IDNUM', seeded.id);
    expect(record).toMatchObject({ ForeignSysPersonId: 'crm-42', ForeignSysType: 'SFDC' });
  });

  it('foreignSysPersonId alone is a unique key: it updates the lead holding it', async () => {
    const seeded = mock.server.addLead({ foreignSysPersonId: 'crm-7', foreignSysType: 'CUSTOM' });
    const result = await client.syncLead({ foreignSysPersonId: 'crm-7', foreignSysType: 'CUSTOM', attributes: { City: 'Lund' } });
    expect(result).toEqual({ leadId: seeded.id, status: 'UPDATED' });
    expect(attributesOf((await mock.getLead('IDNUM', seeded.id))[0]).City).toBe('Lund');
  });

  it('foreignSysPersonId + Email without Id: matches by foreignSysPersonId and updates the lead\'s Email', async () => {
    const holder = mock.server.addLead({ email: 'old@example.com', foreignSysPersonId: 'crm-9', foreignSysType: 'CUSTOM' });
    const emailOwner = mock.server.addLead({ email: 'new-address@example.com' });
    const result = await client.syncLead({ foreignSysPersonId: 'crm-9', foreignSysType: 'CUSTOM', email: 'new-address@example.com' });
    expect(result).toEqual({ leadId: holder.id, status: 'UPDATED' });
    expect((await mock.getLead('IDNUM', holder.id))[0]?.Email).toBe('new-address@example.com');
    expect((await mock.getLead('IDNUM', emailOwner.id))[0]?.Email).toBe('new-address@example.com');
    expect(await mock.getLead('EMAIL', 'old@example.com')).toEqual([]);
  });

  it('an anonymous lead (known only by cookie) updated through its cookie becomes known', async () => {
    const anonymous = mock.server.addLead({ cookie: 'id:561-HYG-937&token:_mch-anon' });
    const result = await client.syncLead({
      email: 'known@example.com',
      marketoCookie: 'id:561-HYG-937&token:_mch-anon',
      attributes: { FirstName: 'Known' },
    });
    expect(result).toEqual({ leadId: anonymous.id, status: 'UPDATED' });
    const [byEmail] = await mock.getLead('EMAIL', 'known@example.com');
    expect(byEmail?.Id).toBe(anonymous.id);
    expect(attributesOf(byEmail).FirstName).toBe('Known');
  });

  it('an Id that matches nothing: fault 20103', async () => {
    const error = await client.syncLead({ id: 987_654, attributes: { FirstName: 'Nobody' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarketoError);
    expect(error).toMatchObject({ code: 20103, retryable: false });
    expect(mock.server.leads()).toEqual([]);
  });

  it('an attribute name the instance does not have: fault 20105', async () => {
    const error = await client.syncLead({ email: 'x@example.com', attributes: { NoSuchField__c: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarketoError);
    expect(error).toMatchObject({ code: 20105 });
    expect(await mock.getLead('EMAIL', 'x@example.com')).toEqual([]);
  });

  it('a foreign id that belongs to another lead: the sync FAILED with Marketo\'s reason', async () => {
    mock.server.addLead({ email: 'holder@example.com', foreignSysPersonId: 'crm-taken', foreignSysType: 'CUSTOM' });
    const other = mock.server.addLead({ email: 'other2@example.com' });
    const error = await client
      .syncLead({ id: other.id, foreignSysPersonId: 'crm-taken', foreignSysType: 'CUSTOM' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncFailedError);
    expect((error as SyncFailedError).reason).toMatch(/crm-taken/);
  });

  it('returnLead=true returns the full record with attributes converted by attrType', async () => {
    const result = await client.syncLead({
      email: 'full@example.com',
      attributes: { FirstName: 'George', LeadScore: 62, AnnualRevenue: 1234.5, DoNotCall: true, Website: 'example.com' },
      returnLead: true,
    });
    expect(result.status).toBe('CREATED');
    expect(result.lead).toMatchObject({
      id: result.leadId,
      email: 'full@example.com',
      attributes: { FirstName: 'George', LeadScore: 62, AnnualRevenue: 1234.5, DoNotCall: true, Website: 'example.com' },
      attributeTypes: { FirstName: 'string', LeadScore: 'integer', AnnualRevenue: 'float', DoNotCall: 'boolean', Website: 'url' },
    });
  });
});
