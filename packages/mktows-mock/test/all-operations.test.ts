// Every operation of the WSDL has a handler (checked against the generated operation table and the WSDL
// soap parses), and every one answers a real call of the typed client with a success in the schema's
// element order: no operation answers 20019 (Unsupported Operation).
import { OPERATION_NAMES, operations, schemaMetadata } from '@org/mktows-types';
import type { MktowsSoapClient, OperationName } from '@org/mktows-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MockServer } from '../src/index.js';
import { loadMktowsSoap, wsdlOperationNames } from '../src/mktows-wsdl.js';
import { OPERATION_HANDLERS } from '../src/operations/handlers.js';
import { typedClient } from './support/mktows-client.js';
import { schemaOrderProblems } from './support/schema-order.js';
import { seedState } from './support/seed-state.js';
import { findElement, parseXml } from './support/soap-http.js';
import { startTestServer } from './support/test-server.js';
import { attributeList } from '@org/test-support';

const FUTURE = new Date(Date.now() + 86_400_000).toISOString();
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString();

/** One valid call of each operation on the seeded instance (in an order where each finds what it needs). */
const CALLS: { readonly [Name in OperationName]: (client: MktowsSoapClient) => Promise<unknown> } = {
  syncLead: (client) => client.syncLead({ leadRecord: { Email: 'new@example.com' }, returnLead: false }),
  syncMultipleLeads: (client) =>
    client.syncMultipleLeads({ leadRecordList: { leadRecord: [{ Email: 'bulk@example.com' }] }, dedupEnabled: true }),
  getLead: (client) => client.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '1' } }),
  getMultipleLeads: (client) =>
    client.getMultipleLeads({ leadSelector: { oldestUpdatedAt: YESTERDAY }, batchSize: 10 }),
  getLeadActivity: (client) => client.getLeadActivity({ leadKey: { keyType: 'EMAIL', keyValue: 'new@example.com' } }),
  getLeadChanges: (client) => client.getLeadChanges({ startPosition: { oldestCreatedAt: YESTERDAY } }),
  listOperation: (client) =>
    client.listOperation({
      listOperation: 'ADDTOLIST',
      listKey: { keyType: 'MKTOLISTNAME', keyValue: 'Newsletter' },
      listMemberList: { leadKey: [{ keyType: 'IDNUM', keyValue: '2' }] },
    }),
  importToList: (client) =>
    client.importToList({
      programName: 'Webinar Program',
      listName: 'Attendees',
      importFileHeader: 'Email Address,First Name',
      importFileRows: { stringItem: ['imported@example.com,Ivy'] },
      importListMode: 'UPSERTLEADS',
      clearList: false,
      campaignName: null,
    }),
  getImportToListStatus: (client) =>
    client.getImportToListStatus({ programName: 'Webinar Program', listName: 'Attendees' }),
  getCampaignsForSource: (client) => client.getCampaignsForSource({ source: 'MKTOWS' }),
  requestCampaign: (client) =>
    client.requestCampaign({
      source: 'MKTOWS',
      campaignId: 11,
      leadList: { leadKey: [{ keyType: 'IDNUM', keyValue: '1' }] },
    }),
  scheduleCampaign: (client) =>
    client.scheduleCampaign({ programName: 'Webinar Program', campaignName: 'Batch', campaignRunAt: FUTURE }),
  listMObjects: (client) => client.listMObjects({}),
  describeMObject: (client) => client.describeMObject({ objectName: 'Opportunity' }),
  syncMObjects: (client) =>
    client.syncMObjects({
      operation: 'UPSERT',
      mObjectList: {
        mObject: [{ type: 'Opportunity', attribList: { attrib: [{ name: 'Name', value: 'Small deal' }] } }],
      },
    }),
  getMObjects: (client) => client.getMObjects({ type: 'Program', includeDetails: true }),
  deleteMObjects: (client) =>
    client.deleteMObjects({ mObjectList: { mObject: [{ type: 'OpportunityPersonRole', id: 1 }] } }),
  syncCustomObjects: (client) =>
    client.syncCustomObjects({
      objTypeName: 'RoadShow',
      customObjList: {
        customObj: [
          {
            customObjKeyList: attributeList({ MKTOID: '1', rid: 'r1' }),
            customObjAttributeList: attributeList({ city: 'Lyon' }),
          },
        ],
      },
    }),
  getCustomObjects: (client) => client.getCustomObjects({ objTypeName: 'RoadShow', includeAttributes: {} }),
  deleteCustomObjects: (client) =>
    client.deleteCustomObjects({
      objTypeName: 'RoadShow',
      customObjKeyLists: {
        keyList: [
          attributeList({ MKTOID: '1', rid: 'r1' }),
        ],
      },
    }),
  mergeLeads: (client) =>
    client.mergeLeads({
      winningLeadKeyList: attributeList({ IDNUM: '1' }),
      losingLeadKeyLists: { keyList: [attributeList({ EMAIL: 'bulk@example.com' })] },
    }),
  getChannels: (client) => client.getChannels({}),
  getTags: (client) => client.getTags({}),
};

describe('the operations of the WSDL', () => {
  it('each has a handler: the handler table, the generated operation table and the parsed WSDL agree', async () => {
    const handled = Object.keys(OPERATION_HANDLERS).sort();
    expect(handled).toEqual([...OPERATION_NAMES]);
    expect(Object.keys(operations).sort()).toEqual(handled);
    const { wsdl } = await loadMktowsSoap();
    expect(wsdlOperationNames(wsdl).operations.sort()).toEqual(handled);
    expect(handled).toHaveLength(23);
  });
});

describe('every operation through createMktowsClient', () => {
  let server: MockServer;
  let client: MktowsSoapClient;
  const bodies = new Map<string, string>();
  beforeAll(async () => {
    server = await startTestServer({ state: seedState() });
    client = await typedClient(server);
    client.soapClient.on('response', (body: string) => {
      const answered = OPERATION_NAMES.find((name) => findElement(parseXml(body), operations[name].output.element));
      if (answered) bodies.set(answered, body);
    });
  });
  afterAll(() => server.close());

  it.each(Object.keys(CALLS) as OperationName[])('%s succeeds, in schema order', async (name) => {
    const answer = (await CALLS[name](client)) as object;
    expect(answer).toBeTypeOf('object');
    expect(Object.keys(answer)).toEqual([name === 'getLeadActivity' ? 'leadActivityList' : 'result']);
    const body = bodies.get(name);
    expect(body, `raw answer of ${name}`).toBeDefined();
    const root = parseXml(body ?? '');
    const output = operations[name].output;
    const element = findElement(root, output.element);
    expect(element?.namespaceURI).toBe(schemaMetadata.targetNamespace);
    expect(schemaOrderProblems(element!, output.type)).toEqual([]);
  });

  it('answered every call with a success and no fault', () => {
    expect(server.stats().faults).toEqual({});
    expect(Object.keys(server.stats().calls).sort()).toEqual([...OPERATION_NAMES]);
  });
});

describe('the element order check', () => {
  it('finds an element out of order, and one the type does not have', () => {
    const body = parseXml(
      '<r xmlns:m="urn:x"><m:successSyncLead><result><syncStatus><status>CREATED</status><leadId>1</leadId></syncStatus>' +
        '<leadId>1</leadId><bogus/></result></m:successSyncLead></r>',
    );
    expect(schemaOrderProblems(findElement(body, 'successSyncLead')!, 'SuccessSyncLead')).toEqual([
      'successSyncLead/result/syncStatus/leadId comes after status in SyncStatus',
      'successSyncLead/result/leadId comes after syncStatus in ResultSyncLead',
      'successSyncLead/result/bogus is not an element of ResultSyncLead',
    ]);
  });
});
