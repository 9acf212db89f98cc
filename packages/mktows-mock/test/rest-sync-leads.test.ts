// Sync Leads over REST on the instance: lookupField and action as Marketo documents them, one result per
// record in order, JSON values stored as the text SOAP stores, the whole request refused (nothing written)
// for a field the instance does not have, and the same leads seen by SOAP and REST.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { MockServer } from '../src/index.js';
import { getLead, syncLead } from './support/raw-calls.js';
import { restCall, startRestTestServer, syncLeadsRest, tokenOf } from './support/rest-http.js';

let server: MockServer;
beforeAll(async () => {
  server = await startRestTestServer({
    workspaces: { workspaces: [{ name: 'EMEA', primaryPartition: 'EMEA Leads' }] },
  });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const sync = (request: Record<string, unknown>) => syncLeadsRest(server, request);

describe('REST Sync Leads', () => {
  it('creates, then updates by email (the default lookupField and action), in input order', async () => {
    const answer = await sync({
      input: [
        { email: 'ada@example.com', firstName: 'Ada', leadScore: 62, unsubscribed: false },
        { email: 'ADA@example.com', lastName: 'Lovelace', firstName: null },
      ],
    });
    expect(answer).toEqual({
      requestId: expect.stringMatching(/^[0-9a-f]+#[0-9a-f]+$/),
      success: true,
      result: [
        { id: 1, status: 'created' },
        { id: 1, status: 'updated' },
      ],
    });
    expect(server.leads()).toEqual([
      expect.objectContaining({
        id: 1,
        email: 'ADA@example.com',
        attributes: { LeadScore: '62', Unsubscribed: 'false', LastName: 'Lovelace' },
        workspace: 'Default',
        partition: 'Default',
      }),
    ]);
  });

  it.each([
    ['createOnly', 'skipped', '1005'],
    ['updateOnly', 'updated', undefined],
    ['createDuplicate', 'created', undefined],
  ])('action %s on a lead that exists: %s', async (action, status, code) => {
    server.addLead({ email: 'exists@example.com' });
    const [result] = (await sync({ action, input: [{ email: 'exists@example.com' }] })).result ?? [];
    expect(result?.status).toBe(status);
    expect(result?.reasons?.[0]?.code).toBe(code);
  });

  it('updateOnly by id: an unknown id is skipped with 1004; several leads with the email are 1007', async () => {
    const lead = server.addLead({ email: 'twin@example.com' });
    server.addLead({ email: 'twin@example.com' });
    const byId = await sync({
      action: 'updateOnly',
      lookupField: 'id',
      input: [{ id: lead.id, city: 'Turin' }, { id: 999 }],
    });
    expect(byId.result).toEqual([
      { id: lead.id, status: 'updated' },
      { status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] },
    ]);
    const byEmail = await sync({ input: [{ email: 'twin@example.com', city: 'Rome' }] });
    expect(byEmail.result).toEqual([
      { status: 'skipped', reasons: [{ code: '1007', message: 'Multiple leads match the lookup criteria' }] },
    ]);
    expect(server.leads().map((stored) => stored.attributes)).toEqual([{ City: 'Turin' }, {}]);
  });

  it('an unknown field refuses the whole request with 1006, before anything is written', async () => {
    const answer = await sync({ input: [{ email: 'good@example.com' }, { email: 'bad@example.com', shoeSize: 44 }] });
    expect(answer).toEqual({
      requestId: expect.any(String),
      success: false,
      errors: [{ code: '1006', message: "Field 'shoeSize' not found" }],
    });
    expect(server.leads()).toEqual([]);
  });

  it('skips a record with a value its field cannot hold, or without the lookup field, and stores the others', async () => {
    const answer = await sync({
      input: [{ email: 'a@example.com', leadScore: 'ten' }, { firstName: 'No key' }, { email: 'b@example.com' }],
    });
    expect(answer.result).toEqual([
      {
        status: 'skipped',
        reasons: [{ code: '1003', message: "Invalid value for field 'leadScore': must be a 32-bit integer" }],
      },
      { status: 'skipped', reasons: [{ code: '1003', message: "Value for lookup field 'email' not specified" }] },
      { id: 1, status: 'created' },
    ]);
  });

  it.each([
    [{ action: 'upsert', input: [] }, '1001'],
    [{ lookupField: 'id', input: [] }, '1003'],
    [{ lookupField: 'shoeSize', input: [] }, '1006'],
    [{}, '1002'],
    [{ input: Array.from({ length: 301 }, (_, i) => ({ email: `${i}@example.com` })) }, '1003'],
    [{ partitionName: 'Nowhere', input: [] }, '1008'],
  ])('refuses %j as a whole (%s)', async (request, code) => {
    expect((await sync(request)).errors?.[0]?.code).toBe(code);
  });

  it('partitionName places new leads and limits matching to that partition', async () => {
    server.addLead({ email: 'both@example.com' });
    const answer = await sync({
      partitionName: 'EMEA Leads',
      input: [{ email: 'both@example.com' }, { email: 'both@example.com' }],
    });
    expect(answer.result).toEqual([
      { id: 2, status: 'created' },
      { id: 2, status: 'updated' },
    ]);
    expect(server.leads().map(({ workspace, partition }) => [workspace, partition])).toEqual([
      ['Default', 'Default'],
      ['EMEA', 'EMEA Leads'],
    ]);
  });

  it('sfdcLeadId is the SOAP foreign id of type SFDC: a lead synced over either is found by the other', async () => {
    const soap = await syncLead(server.url, {
      ForeignSysPersonId: '00Q1',
      ForeignSysType: 'SFDC',
      attributes: { Title: 'CEO' },
    });
    expect(soap).toMatchObject({ status: 'CREATED' });
    const rest = await sync({
      lookupField: 'sfdcLeadId',
      input: [
        { sfdcLeadId: '00Q1', city: 'Oslo' },
        { sfdcLeadId: '00Q2', email: 'new@example.com' },
      ],
    });
    expect(rest.result).toEqual([
      { id: 1, status: 'updated' },
      { id: 2, status: 'created' },
    ]);
    expect(server.leads()[1]).toMatchObject({
      foreignSysPersonId: '00Q2',
      foreignSysType: 'SFDC',
      email: 'new@example.com',
    });
    expect(await getLead(server.url, 'SFDCLEADID', '00Q2')).toMatchObject({
      leads: [{ Id: 2, ForeignSysPersonId: '00Q2', ForeignSysType: 'SFDC' }],
    });
  });

  it('XML and JSON special characters and non-ASCII text are stored exactly and read back over SOAP', async () => {
    const text = 'Ünïcödé & <tags> "quotes" \\ back\\slash 🦊 ]]> \u00e9';
    await sync({ input: [{ email: 'special@example.com', company: text }] });
    expect(await getLead(server.url, 'EMAIL', 'special@example.com')).toMatchObject({
      leads: [{ attributes: [{ name: 'Company', type: 'string', value: text }] }],
    });
  });

  it('an email shared by leads written over SOAP is matched newest-first by SOAP, and refused (1007) by REST', async () => {
    await syncLead(server.url, { Email: 'shared@example.com' });
    server.addLead({ email: 'shared@example.com' });
    expect(await syncLead(server.url, { Email: 'shared@example.com', attributes: { Title: 'newest' } })).toEqual({
      status: 'UPDATED',
      leadId: 2,
    });
    expect((await sync({ input: [{ email: 'shared@example.com' }] })).result?.[0]?.reasons?.[0]?.code).toBe('1007');
  });

  it('logs New Lead and Change Data Value activities, as SOAP syncs do', async () => {
    const token = await tokenOf(server);
    await syncLeadsRest(server, { input: [{ email: 'log@example.com', firstName: 'A' }] }, token);
    await syncLeadsRest(server, { input: [{ email: 'log@example.com', firstName: 'B' }] }, token);
    const activities = server.state().activities ?? [];
    expect(activities.map((activity) => activity.activityType)).toEqual(['New Lead', 'Change Data Value']);
    expect(activities[1]?.attributes).toContainEqual({ name: 'Reason', value: 'REST API' });
    expect((await restCall(server, 'GET', '/v1/lead/1.json', { token })).json?.result).toEqual([
      {
        id: 1,
        email: 'log@example.com',
        updatedAt: expect.any(String),
        createdAt: expect.any(String),
        firstName: 'B',
        lastName: null,
      },
    ]);
  });
});
