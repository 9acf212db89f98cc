// Workspaces and partitions, each rule of Marketo's syncLead documentation as a test on the store.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { MockServer } from '../src/index.js';
import { syncLead, syncMultipleLeads } from './support/raw-calls.js';
import { startTestServer } from './support/test-server.js';

describe('workspaces off (the default)', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('puts every lead in the Default workspace and partition, and accepts targetWorkspace "Default"', async () => {
    expect(await syncLead(server.url, { Email: 'a@example.com' }, { workspace: 'Default' })).toMatchObject({
      status: 'CREATED',
    });
    expect(server.leads()).toEqual([expect.objectContaining({ workspace: 'Default', partition: 'Default' })]);
  });

  it('refuses any other targetWorkspace (fault 20110)', async () => {
    expect(await syncLead(server.url, { Email: 'b@example.com' }, { workspace: 'EMEA' })).toMatchObject({
      fault: {
        code: 20110,
        message: 'Bad Parameter: targetWorkspace must be "Default": workspaces are not enabled (20110)',
      },
    });
  });
});

describe('workspaces on', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startTestServer({
      workspaces: {
        workspaces: [
          { name: 'Default', primaryPartition: 'Default' },
          { name: 'EMEA', primaryPartition: 'EMEA Leads', partitions: ['Nordics'] },
          { name: 'Americas', primaryPartition: 'Americas Leads' },
        ],
        assignmentRules: [
          { partition: 'Nordics', field: 'Country', equals: ['Sweden', 'Norway'] },
          { partition: 'Americas Leads', when: (lead) => lead.email?.endsWith('.us') ?? false },
        ],
      },
    });
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  describe('with a context header', () => {
    it('creates new leads in the named workspace’s primary partition', async () => {
      await syncLead(server.url, { Email: 'new@example.com' }, { workspace: 'EMEA' });
      expect(server.leads()).toEqual([expect.objectContaining({ workspace: 'EMEA', partition: 'EMEA Leads' })]);
    });

    it('creates new leads in the partition an assignment rule picks', async () => {
      await syncLead(
        server.url,
        { Email: 'sven@example.se', attributes: { Country: 'Sweden' } },
        { workspace: 'Americas' },
      );
      await syncLead(server.url, { Email: 'joe@example.us' }, { workspace: 'EMEA' });
      expect(server.leads().map((lead) => [lead.workspace, lead.partition])).toEqual([
        ['EMEA', 'Nordics'],
        ['Americas', 'Americas Leads'],
      ]);
    });

    it('updates a lead matched by Id in the named workspace’s primary partition', async () => {
      const lead = server.addLead({ email: 'in@example.com', partition: 'EMEA Leads' });
      expect(await syncLead(server.url, { Id: lead.id, attributes: { Title: 'CEO' } }, { workspace: 'EMEA' })).toEqual({
        status: 'UPDATED',
        leadId: lead.id,
      });
    });

    it.each([
      ['Id', (id: number) => ({ record: { Id: id }, cookie: undefined })],
      ['foreign id', () => ({ record: { ForeignSysPersonId: 'F-1', ForeignSysType: 'CUSTOM' }, cookie: undefined })],
      ['cookie', () => ({ record: {}, cookie: 'cookie-1' })],
    ])(
      'refuses a lead matched by %s outside the named workspace’s primary partition (fault 20106)',
      async (_key, request) => {
        const lead = server.addLead({
          email: 'out@example.com',
          foreignSysPersonId: 'F-1',
          foreignSysType: 'CUSTOM',
          cookie: 'cookie-1',
          partition: 'Americas Leads',
        });
        const { record, cookie } = request(lead.id);
        expect(
          await syncLead(server.url, { ...record, attributes: { Title: 'CEO' } }, { workspace: 'EMEA', cookie }),
        ).toMatchObject({
          fault: {
            code: 20106,
            message: `Lead Sync Failed: lead ${lead.id} is in partition "Americas Leads", not in "EMEA Leads", the primary partition of workspace "EMEA" (20106)`,
          },
        });
        expect(server.leads()[0]?.attributes).toEqual({});
      },
    );

    it('updates a lead matched by Email where it is, ignoring the named workspace', async () => {
      const lead = server.addLead({ email: 'where@example.com', partition: 'Americas Leads' });
      expect(
        await syncLead(server.url, { Email: 'where@example.com', attributes: { Title: 'CFO' } }, { workspace: 'EMEA' }),
      ).toEqual({
        status: 'UPDATED',
        leadId: lead.id,
      });
      expect(server.leads()).toEqual([
        expect.objectContaining({ workspace: 'Americas', partition: 'Americas Leads', attributes: { Title: 'CFO' } }),
      ]);
    });

    it('refuses a workspace the instance does not have (fault 20110)', async () => {
      expect(await syncLead(server.url, { Email: 'x@example.com' }, { workspace: 'APAC' })).toMatchObject({
        fault: { code: 20110 },
      });
    });
  });

  describe('without a context header', () => {
    it('creates new leads per assignment rule, else in the Default workspace’s primary partition', async () => {
      await syncLead(server.url, { Email: 'ola@example.no', attributes: { Country: 'Norway' } });
      await syncLead(server.url, { Email: 'plain@example.com' });
      expect(server.leads().map((lead) => [lead.workspace, lead.partition])).toEqual([
        ['EMEA', 'Nordics'],
        ['Default', 'Default'],
      ]);
    });

    it('updates existing leads where they are, whichever key matched', async () => {
      const lead = server.addLead({ email: 'far@example.com', cookie: 'c-far', partition: 'Americas Leads' });
      expect(await syncLead(server.url, { Id: lead.id, attributes: { Title: 'A' } })).toEqual({
        status: 'UPDATED',
        leadId: lead.id,
      });
      expect(await syncLead(server.url, {}, { cookie: 'c-far' })).toEqual({ status: 'UPDATED', leadId: lead.id });
      expect(server.leads()).toEqual([
        expect.objectContaining({ partition: 'Americas Leads', attributes: { Title: 'A' } }),
      ]);
    });

    it('syncMultipleLeads (which has no context header) follows the same rules', async () => {
      const lead = server.addLead({ email: 'batch@example.com', partition: 'EMEA Leads' });
      await syncMultipleLeads(server.url, [
        { Id: lead.id, attributes: { Title: 'B' } },
        { Email: 'n@example.com', attributes: { Country: 'Sweden' } },
      ]);
      expect(server.leads().map((stored) => [stored.partition, stored.attributes])).toEqual([
        ['EMEA Leads', { Title: 'B' }],
        ['Nordics', { Country: 'Sweden' }],
      ]);
    });
  });
});

describe('workspace configuration', () => {
  it('names the option when an assignment rule points at an unknown partition', async () => {
    await expect(
      startTestServer({
        workspaces: { workspaces: [], assignmentRules: [{ partition: 'Nowhere', field: 'Country', equals: 'X' }] },
      }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'workspaces.assignmentRules[0].partition' });
  });

  it('refuses to seed a lead into a partition no workspace has', async () => {
    const server = await startTestServer();
    try {
      expect(() => server.addLead({ email: 'x@example.com', partition: 'EMEA Leads' })).toThrow(/partition/);
    } finally {
      await server.close();
    }
  });
});
