// A typed call of each of the 23 operations (the object below only compiles with
// every operation, each with a valid Params* value), sent through
// createMktowsClient to a loopback server that checks what arrives.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  OPERATION_NAMES,
  createMktowsClient,
  operations,
  type MktowsClient,
  type OperationName,
  type OperationResults,
} from '../src/index.js';
import { startTestSoapServer, successEnvelope, type TestSoapServer } from './support/soap-test-server.js';
import { MKTOWS, SOAP_ENV, child, childElements, parseXml } from './support/xml.js';

const T = '2013-07-31T12:38:47-07:00';
const leadKey = { keyType: 'EMAIL', keyValue: 'rufus@marketo.com' } as const;
const mObject = { type: 'Opportunity', id: 5, attribList: { attrib: [{ name: 'Name', value: 'Deal' }] } };

/** One typed call per operation. */
function everyOperation(client: MktowsClient): { [Name in OperationName]: () => Promise<OperationResults[Name]> } {
  return {
    deleteCustomObjects: () => client.deleteCustomObjects({ objTypeName: 'Car', customObjKeyLists: { keyList: [{ attribute: [{ attrName: 'VIN', attrValue: '1' }] }] } }),
    deleteMObjects: () => client.deleteMObjects({ mObjectList: { mObject: [mObject] } }),
    describeMObject: () => client.describeMObject({ objectName: 'Opportunity' }),
    getCampaignsForSource: () => client.getCampaignsForSource({ source: 'MKTOWS', name: 'Spring', exactName: false }),
    getChannels: () => client.getChannels({ tag: { type: 'Webinar' } }),
    getCustomObjects: () => client.getCustomObjects({ objTypeName: 'Car', includeAttributes: { stringItem: ['VIN'] } }),
    getImportToListStatus: () => client.getImportToListStatus({ programName: 'P', listName: 'L' }),
    getLead: () => client.getLead({ leadKey }),
    getLeadActivity: () => client.getLeadActivity({ leadKey, activityFilter: { includeTypes: { activityType: ['VisitWebpage'] } }, batchSize: 10 }),
    getLeadChanges: () => client.getLeadChanges({ startPosition: { oldestCreatedAt: T }, leadSelector: { staticListId: 7 } }),
    getMObjects: () => client.getMObjects({ type: 'Opportunity', mObjCriteriaList: { mObjCriteria: [{ attrName: 'Id', comparison: 'GE', attrValue: 1 }] } }),
    getMultipleLeads: () => client.getMultipleLeads({ leadSelector: { keyType: 'IDNUM', keyValues: { stringItem: ['1'] } }, batchSize: 2 }),
    getTags: () => client.getTags({ tagList: { tag: [{ type: 'Channel' }] } }),
    importToList: () =>
      client.importToList({
        programName: 'P',
        importFileHeader: 'Email',
        importFileRows: { stringItem: ['a@b.c'] },
        importListMode: 'UPSERTLEADS',
        listName: 'L',
        clearList: false,
        campaignName: null,
      }),
    listMObjects: () => client.listMObjects({}),
    listOperation: () => client.listOperation({ listOperation: 'ADDTOLIST', listKey: { keyType: 'MKTOLISTNAME', keyValue: 'VIP' }, listMemberList: { leadKey: [leadKey] } }),
    mergeLeads: () => client.mergeLeads({ winningLeadKeyList: { attribute: [{ attrName: 'IDNUM', attrValue: '1' }] }, losingLeadKeyLists: { keyList: [{ attribute: [{ attrName: 'IDNUM', attrValue: '2' }] }] } }),
    requestCampaign: () => client.requestCampaign({ source: 'MKTOWS', campaignId: 4, leadList: { leadKey: [leadKey] } }),
    scheduleCampaign: () => client.scheduleCampaign({ programName: 'P', campaignName: 'C', campaignRunAt: T }),
    syncCustomObjects: () => client.syncCustomObjects({ objTypeName: 'Car', customObjList: { customObj: [{ customObjKeyList: { attribute: [{ attrName: 'VIN', attrValue: '1' }] } }] }, operation: 'UPSERT' }),
    syncLead: () => client.syncLead({ leadRecord: { Email: 't@t.com' }, returnLead: false }),
    syncMObjects: () => client.syncMObjects({ mObjectList: { mObject: [mObject] }, operation: 'UPSERT' }),
    syncMultipleLeads: () => client.syncMultipleLeads({ leadRecordList: { leadRecord: [{ Email: 'a@b.c' }] }, dedupEnabled: true }),
  };
}

describe('every operation', () => {
  let server: TestSoapServer;
  beforeAll(async () => {
    server = await startTestSoapServer((operation) => ({ body: successEnvelope(`success${operation[0]!.toUpperCase()}${operation.slice(1)}`) }));
  });
  afterAll(() => server.close());

  it('has a typed method that sends its own SOAPAction and request element', async () => {
    const client = await createMktowsClient({ endpoint: server.url });
    const calls = everyOperation(client);
    expectTypeOf(calls.syncLead).returns.resolves.toEqualTypeOf<OperationResults['syncLead']>();
    expect(Object.keys(calls).sort()).toEqual([...OPERATION_NAMES]);
    for (const name of OPERATION_NAMES) {
      await calls[name]();
      const request = server.requests.at(-1)!;
      expect(request.soapAction).toBe(operations[name].soapAction);
      const body = child(parseXml(request.body), SOAP_ENV, 'Body');
      expect(childElements(body).map((element) => `{${element.namespaceURI ?? ''}}${element.localName ?? ''}`)).toEqual([
        `{${MKTOWS}}${operations[name].input.element}`,
      ]);
    }
    expect(new Set(server.requests.map((request) => request.soapAction)).size).toBe(23);
  });
});
