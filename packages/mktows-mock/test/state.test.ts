// Seeding and inspecting the instance: `state` in, `state()` out, the exact round trip, reset(state?),
// and bad states refused with the first bad field named, before anything listens.
import { createServer, connect } from 'node:net';
import type { AddressInfo } from 'node:net';

import { ValidationError } from '@org/mktows-auth';
import type { MktowsSoapClient } from '@org/mktows-types';
import { afterEach, describe, expect, it } from 'vitest';

import type { MockServer, MockState } from '../src/index.js';
import { typedClient } from './support/mktows-client.js';
import { seedState } from './support/seed-state.js';
import { startTestServer } from './support/test-server.js';
import { attributeList } from '@org/test-support';

const NOW = Date.parse('2026-08-03T09:00:00Z');
const servers: MockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(state?: MockState, extra: object = {}): Promise<{ server: MockServer; client: MktowsSoapClient }> {
  const server = await startTestServer({ state, clock: () => NOW, ...extra });
  servers.push(server);
  return { server, client: await typedClient(server, () => new Date(NOW)) };
}

/** Calls that change every part of the instance. */
async function changeEverything(client: MktowsSoapClient): Promise<void> {
  await client.syncLead({
    leadRecord: {
      Email: 'carl@example.com',
      leadAttributeList: attributeList({ City: 'Rome' }),
    },
    returnLead: false,
  });
  await client.syncLead({ leadRecord: { Email: 'dora@example.com' }, returnLead: false });
  await client.listOperation({
    listOperation: 'ADDTOLIST',
    listKey: { keyType: 'MKTOLISTNAME', keyValue: 'Newsletter' },
    listMemberList: { leadKey: [{ keyType: 'IDNUM', keyValue: '3' }] },
  });
  await client.mergeLeads({
    winningLeadKeyList: attributeList({ IDNUM: '3' }),
    losingLeadKeyLists: { keyList: [attributeList({ IDNUM: '4' })] },
  });
  await client.requestCampaign({
    source: 'MKTOWS',
    campaignId: 11,
    leadList: { leadKey: [{ keyType: 'IDNUM', keyValue: '1' }] },
  });
  await client.importToList({
    programName: 'Webinar Program',
    listName: 'Attendees',
    importFileHeader: 'Email Address',
    importFileRows: { stringItem: ['imp@example.com'] },
    importListMode: 'UPSERTLEADS',
    clearList: false,
    campaignName: null,
  });
  await client.syncMObjects({
    operation: 'UPSERT',
    mObjectList: { mObject: [{ type: 'Opportunity', attribList: { attrib: [{ name: 'Name', value: 'New deal' }] } }] },
  });
  await client.syncMObjects({
    operation: 'UPDATE',
    mObjectList: {
      mObject: [
        {
          type: 'Program',
          id: 1001,
          typeAttribList: {
            typeAttrib: [
              {
                attrType: 'Cost',
                attrList: {
                  attrib: [
                    { name: 'Month', value: '2026-07' },
                    { name: 'Amount', value: '5' },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
  });
  await client.syncCustomObjects({
    objTypeName: 'RoadShow',
    customObjList: {
      customObj: [
        {
          customObjKeyList: attributeList({ MKTOID: '1', rid: 'x' }),
        },
      ],
    },
  });
}

describe('state', () => {
  it('state() gives back the seed with every default filled in, and programs lists and campaigns name', async () => {
    const { server } = await start({ leads: [{ email: 'a@example.com' }], lists: [{ name: 'L', programName: 'P' }] });
    expect(server.state()).toMatchObject({
      leads: [
        {
          id: 1,
          email: 'a@example.com',
          workspace: 'Default',
          partition: 'Default',
          attributes: {},
          createdAt: '2026-08-03T09:00:00.000Z',
        },
      ],
      lists: [{ id: 1, name: 'L', programName: 'P', leadIds: [] }],
      programs: [
        {
          id: 1,
          name: 'P',
          type: 'Default',
          workspace: 'Default',
          treePath: '/Marketing Activities/Default/P',
          archived: false,
        },
      ],
      activities: [],
      importJobs: [],
      nextIds: { lead: 2, activity: 1, list: 2, program: 2 },
    });
  });

  it('round-trips exactly: a server started from state() has the same state and behaves the same', async () => {
    const first = await start(seedState());
    await changeEverything(first.client);
    // The import job of a second import is still pending when the state is taken.
    const pending = await start(seedState(), { importProcessingMs: 60_000 });
    await changeEverything(pending.client);
    for (const { server } of [first, pending]) {
      const saved = server.state();
      expect(saved.activities?.length).toBeGreaterThan(0);
      const copy = await start(saved, { importProcessingMs: 60_000 });
      expect(copy.server.state()).toEqual(saved);
      expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
      // The next created objects get the same Ids in both.
      const next = { leadRecord: { Email: 'next@example.com' }, returnLead: false };
      const original = await (await typedClient(server, () => new Date(NOW))).syncLead(next);
      const restored = await copy.client.syncLead(next);
      expect(restored.result.leadId).toBe(original.result.leadId);
      expect(copy.server.state()).toEqual(server.state());
    }
  });

  it('state() is a copy', async () => {
    const { server } = await start(seedState());
    const state = server.state();
    state.leads?.splice(0);
    expect(server.state().leads).toHaveLength(2);
  });

  it('reset() returns to the seed, reset(state) to another state; a bad state changes nothing', async () => {
    const { server, client } = await start(seedState());
    await changeEverything(client);
    server.reset();
    expect(server.state()).toEqual((await start(seedState())).server.state());
    server.reset({ leads: [{ email: 'only@example.com' }] });
    expect(server.leads().map((lead) => lead.email)).toEqual(['only@example.com']);
    expect(() => server.reset({ leads: [{ email: 42 }] } as unknown as MockState)).toThrow(
      'Invalid state.leads[0].email',
    );
    expect(server.leads().map((lead) => lead.email)).toEqual(['only@example.com']);
  });
});

describe('a bad state', () => {
  it.each([
    [{ lsts: [] }, 'state.lsts', 'is not a known property'],
    [{ leads: [{ emial: 'a@example.com' }] }, 'state.leads[0].emial', 'is not a known property'],
    [{ leads: [{ id: 3 }, { id: 3 }] }, 'state.leads[1].id', 'must be unique'],
    [{ leads: [{ attributes: { Colour: 'red' } }] }, 'state.leads[0].attributes.Colour', 'must be a field'],
    [{ leads: [{ attributes: { LeadScore: 'ten' } }] }, 'state.leads[0].attributes.LeadScore', 'integer'],
    [{ leads: [{ foreignSysPersonId: 'x' }] }, 'state.leads[0].foreignSysType', 'together'],
    [{ leads: [{ partition: 'Nowhere' }] }, 'state.leads[0].partition', 'partition'],
    [{ lists: [{ name: 'L', leadIds: [5] }] }, 'state.lists[0].leadIds[0]', 'lead'],
    [{ lists: [{ name: 'L' }, { name: 'L' }] }, 'state.lists[1].name', 'unique'],
    [{ campaigns: [{ name: 'C', sources: ['WEB'] }] }, 'state.campaigns[0].sources[0]', 'MKTOWS, SALES'],
    [{ customObjectTypes: [{ name: 'T', keys: [], fields: [] }] }, 'state.customObjectTypes[0].keys', 'at least one'],
    [{ customObjects: [{ type: 'X', keys: {} }] }, 'state.customObjects[0].type', 'customObjectTypes'],
    [{ programs: [{ name: 'P', tags: [{ type: 'Region', value: 'Mars' }] }] }, 'state.programs[0].tags[0]', 'tag'],
    [{ opportunities: [{ attributes: { Amount: '5' } }] }, 'state.opportunities[0].attributes.Name', 'required'],
    [
      { activities: [{ id: 1, leadId: 9, activityType: 'New Lead', activityDateTime: '2026-01-01T00:00:00Z' }] },
      'state.activities[0].leadId',
      'lead',
    ],
    [{ leads: [{ id: 5 }], nextIds: { lead: 3 } }, 'state.nextIds.lead', 'at least 6'],
    [{ leads: [{ createdAt: 'yesterday' }] }, 'state.leads[0].createdAt', 'W3C'],
    [
      JSON.parse('{"leads":[{"attributes":{"__proto__":"x"}}]}') as object,
      'state.leads[0].attributes.__proto__',
      'not a name',
    ],
    [{ leads: [{ attributes: { toString: 'x' } }] }, 'state.leads[0].attributes.toString', 'must be a field'],
  ])('%j is refused, naming %s', async (state, field, rule) => {
    const error = await startTestServer({ state: state }).then(
      (server) => server.close().then(() => undefined),
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect((error as ValidationError).rule).toContain(rule);
  });

  it('is refused before the server listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await expect(startTestServer({ port, state: { leads: [{ id: 0 }] } })).rejects.toThrow('Invalid state.leads[0].id');
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(socket.destroy() && false));
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('an unknown option is refused too', async () => {
    await expect(startTestServer({ stat: {} } as never)).rejects.toMatchObject({ field: 'stat' });
  });
});
