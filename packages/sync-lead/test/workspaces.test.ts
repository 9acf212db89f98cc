// Marketo's workspace rules for syncLead, one named test per sentence of issue 4, through syncLead
// (MktowsContextHeader from the client's `workspace`) against @org/mktows-mock; placement read back
// from the store, fields through getLead.
import { describe, expect, it } from 'vitest';
import { MarketoError } from '../src/index.js';
import { attributesOf, type MockFixture, useSharedMock } from './support/mock.js';

const workspaces = {
  workspaces: [
    { name: 'Default', primaryPartition: 'Default' },
    { name: 'Europe', primaryPartition: 'EuropeLeads', partitions: ['Nordics'] },
    { name: 'Americas', primaryPartition: 'AmericasLeads' },
  ],
  assignmentRules: [{ partition: 'Nordics', field: 'Country', equals: ['Sweden', 'Norway'] }],
};

function placementOf(mock: MockFixture, leadId: number): { workspace: string; partition: string } | undefined {
  const lead = mock.server.leads().find((candidate) => candidate.id === leadId);
  return lead && { workspace: lead.workspace, partition: lead.partition };
}

describe('workspaces enabled, header given (client workspace "Europe")', () => {
  const mock = useSharedMock({ workspaces });

  it('new leads go to the partition an assignment rule picks', async () => {
    const result = await mock.client({ workspace: 'Europe' }).syncLead({ email: 'sven@example.se', attributes: { Country: 'Sweden' } });
    expect(result.status).toBe('CREATED');
    expect(placementOf(mock, result.leadId)).toEqual({ workspace: 'Europe', partition: 'Nordics' });
    expect(attributesOf((await mock.getLead('EMAIL', 'sven@example.se'))[0]).Country).toBe('Sweden');
  });

  it("else new leads go to the named workspace's primary partition", async () => {
    const result = await mock.client({ workspace: 'Europe' }).syncLead({ email: 'hans@example.de', attributes: { Country: 'Germany' } });
    expect(result.status).toBe('CREATED');
    expect(placementOf(mock, result.leadId)).toEqual({ workspace: 'Europe', partition: 'EuropeLeads' });
    expect((await mock.getLead('IDNUM', result.leadId))[0]?.Email).toBe('hans@example.de');
  });

  it('a lead matched by Id must be in that primary partition, else a fault', async () => {
    const inside = mock.server.addLead({ email: 'in@example.com', partition: 'EuropeLeads' });
    const outside = mock.server.addLead({ email: 'out@example.com', partition: 'AmericasLeads' });
    const client = mock.client({ workspace: 'Europe' });
    await expect(client.syncLead({ id: inside.id, attributes: { Title: 'ok' } })).resolves.toEqual({ leadId: inside.id, status: 'UPDATED' });
    const error = await client.syncLead({ id: outside.id, attributes: { Title: 'refused' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarketoError);
    expect((error as MarketoError).code).toBe(20106);
    expect(attributesOf((await mock.getLead('IDNUM', outside.id))[0]).Title).toBeUndefined();
    expect(attributesOf((await mock.getLead('IDNUM', inside.id))[0]).Title).toBe('ok');
  });

  it('a lead matched by foreign id must be in that primary partition, else a fault', async () => {
    mock.server.addLead({ foreignSysPersonId: 'crm-in', foreignSysType: 'CUSTOM', partition: 'EuropeLeads' });
    const outside = mock.server.addLead({ foreignSysPersonId: 'crm-out', foreignSysType: 'CUSTOM', partition: 'AmericasLeads' });
    const client = mock.client({ workspace: 'Europe' });
    await expect(client.syncLead({ foreignSysPersonId: 'crm-in', foreignSysType: 'CUSTOM', attributes: { Title: 'ok' } })).resolves.toMatchObject({
      status: 'UPDATED',
    });
    const error = await client
      .syncLead({ foreignSysPersonId: 'crm-out', foreignSysType: 'CUSTOM', attributes: { Title: 'refused' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MarketoError', code: 20106 });
    expect(attributesOf((await mock.getLead('IDNUM', outside.id))[0]).Title).toBeUndefined();
  });

  it('a lead matched by cookie must be in that primary partition, else a fault', async () => {
    const outside = mock.server.addLead({ cookie: 'id:1&token:out', partition: 'AmericasLeads' });
    const error = await mock
      .client({ workspace: 'Europe' })
      .syncLead({ email: 'cookie-out@example.com', marketoCookie: 'id:1&token:out' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MarketoError', code: 20106 });
    expect((await mock.getLead('IDNUM', outside.id))[0]?.Email ?? null).toBeNull();
  });

  it('a lead matched by Email ignores the workspace and is updated where it is', async () => {
    const american = mock.server.addLead({ email: 'ana@example.com', partition: 'AmericasLeads' });
    const result = await mock.client({ workspace: 'Europe' }).syncLead({ email: 'ana@example.com', attributes: { Title: 'moved?' } });
    expect(result).toEqual({ leadId: american.id, status: 'UPDATED' });
    expect(placementOf(mock, american.id)).toEqual({ workspace: 'Americas', partition: 'AmericasLeads' });
    expect(attributesOf((await mock.getLead('EMAIL', 'ana@example.com'))[0]).Title).toBe('moved?');
  });
});

describe('workspaces enabled, no header (client without workspace)', () => {
  const mock = useSharedMock({ workspaces });

  it('new leads go to the partition an assignment rule picks', async () => {
    const result = await mock.client().syncLead({ email: 'ola@example.no', attributes: { Country: 'Norway' } });
    expect(placementOf(mock, result.leadId)).toEqual({ workspace: 'Europe', partition: 'Nordics' });
    expect((await mock.getLead('EMAIL', 'ola@example.no'))[0]?.Id).toBe(result.leadId);
  });

  it('else new leads go to the "Default" workspace\'s primary partition', async () => {
    const result = await mock.client().syncLead({ email: 'nobody@example.com' });
    expect(result.status).toBe('CREATED');
    expect(placementOf(mock, result.leadId)).toEqual({ workspace: 'Default', partition: 'Default' });
    expect((await mock.getLead('IDNUM', result.leadId))[0]?.Email).toBe('nobody@example.com');
  });

  it('existing leads are updated where they are', async () => {
    const american = mock.server.addLead({ email: 'amy@example.com', partition: 'AmericasLeads' });
    const result = await mock.client().syncLead({ id: american.id, attributes: { Title: 'updated in place' } });
    expect(result).toEqual({ leadId: american.id, status: 'UPDATED' });
    expect(placementOf(mock, american.id)).toEqual({ workspace: 'Americas', partition: 'AmericasLeads' });
    expect(attributesOf((await mock.getLead('IDNUM', american.id))[0]).Title).toBe('updated in place');
  });
});

describe('workspaces disabled', () => {
  const mock = useSharedMock();

  it('the target workspace must be "Default": "Default" syncs', async () => {
    const result = await mock.client({ workspace: 'Default' }).syncLead({ email: 'default@example.com' });
    expect(result.status).toBe('CREATED');
    expect((await mock.getLead('EMAIL', 'default@example.com'))[0]?.Id).toBe(result.leadId);
  });

  it('the target workspace must be "Default": any other is a fault and nothing is written', async () => {
    const error = await mock.client({ workspace: 'Europe' }).syncLead({ email: 'europe@example.com' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarketoError);
    expect((error as MarketoError).code).toBe(20110);
    expect(await mock.getLead('EMAIL', 'europe@example.com')).toEqual([]);
  });
});
