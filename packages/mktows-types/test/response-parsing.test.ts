// What createMktowsClient makes of responses: lists Marketo marks xsi:nil="true"
// but fills keep their children, lists are arrays, empty elements of required
// complex types are objects, dates stay the W3C text received.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as soap from 'soap';
import { createMktowsClient, wsdlDocument } from '../src/index.js';
import { startTestSoapServer, successEnvelope, type TestSoapServer } from './support/soap-test-server.js';

const LEAD_WITH_NIL_LIST = `<result><leadId>7</leadId><syncStatus><leadId>7</leadId><status>CREATED</status><error xsi:nil="true"/></syncStatus>
<leadRecord><Id>7</Id><Email>g@jungle.example</Email><ForeignSysType xsi:nil="true" />
<leadAttributeList xsi:nil="true">
  <!-- Marketo sends the list nil-marked and filled -->
  <attribute><attrName>FirstName</attrName><attrType>string</attrType><attrValue>George</attrValue></attribute>
  <attribute><attrName>LeadScore</attrName><attrType>integer</attrType><attrValue>62</attrValue></attribute>
</leadAttributeList></leadRecord></result>`;

const IMPORT_STATUS = `<result><status>COMPLETE</status><startedTime>2013-07-31T12:38:47-07:00</startedTime><endedTime xsi:nil="true"/><rowsImported>3</rowsImported></result>`;

const ONE_STATUS_EMPTY_LIST = `<result><mObjStatusList></mObjStatusList></result>`;

describe('responses parsed by createMktowsClient', () => {
  let server: TestSoapServer;
  const bodies: Record<string, string> = {
    syncLead: successEnvelope('successSyncLead', LEAD_WITH_NIL_LIST),
    getImportToListStatus: successEnvelope('successGetImportToListStatus', IMPORT_STATUS),
    syncMObjects: successEnvelope('successSyncMObjects', ONE_STATUS_EMPTY_LIST),
    getMultipleLeads: successEnvelope(
      'successGetMultipleLeads',
      '<result><returnCount>1</returnCount><remainingCount>0</remainingCount><newStreamPosition>p</newStreamPosition><leadRecordList><leadRecord><Id>1</Id></leadRecord></leadRecordList></result>',
    ),
  };

  beforeAll(async () => {
    server = await startTestSoapServer((operation) => ({ body: bodies[operation] ?? '' }));
  });
  afterAll(() => server.close());

  it('keeps every attribute of a leadAttributeList marked xsi:nil="true" that has children', async () => {
    const client = await createMktowsClient({ endpoint: server.url });
    const { result } = await client.syncLead({ leadRecord: { Email: 'g@jungle.example' }, returnLead: true });
    expect(result.leadRecord?.leadAttributeList?.attribute).toEqual([
      { attrName: 'FirstName', attrType: 'string', attrValue: 'George' },
      { attrName: 'LeadScore', attrType: 'integer', attrValue: '62' },
    ]);
    expect(result.leadRecord?.ForeignSysType).toBeNull();
    expect(result.syncStatus).toEqual({ leadId: 7, status: 'CREATED', error: null });
  });

  it('needs the fix: soap on its own drops that list (the trap this client repairs)', async () => {
    const plain = new soap.WSDL(wsdlDocument, 'mktows.wsdl', {});
    await new Promise<void>((resolve, reject) => plain.onReady((error) => (error ? reject(error) : resolve())));
    const parsed = plain.xmlToObject(bodies.syncLead) as { Body: { successSyncLead: { result: { leadRecord: object } } } };
    expect(parsed.Body.successSyncLead.result.leadRecord).not.toHaveProperty('leadAttributeList');
  });

  it('does not expand entities declared in a response (no entity tricks through the parser)', async () => {
    const server2 = await startTestSoapServer(() => ({
      body: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY boom "EXPANDED">]>${successEnvelope('successGetLead', '<result><count>1</count><leadRecordList><leadRecord><Email>&boom;</Email></leadRecord></leadRecordList></result>').replace(/^<\?xml[^>]*>/, '')}`,
    }));
    try {
      const client = await createMktowsClient({ endpoint: server2.url });
      const outcome = await client.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '1' } }).then(
        (success) => JSON.stringify(success),
        (error: unknown) => `rejected: ${error instanceof Error ? error.message : String(error)}`,
      );
      expect(outcome).not.toContain('EXPANDED');
      expect(outcome).toMatch(/^rejected: /);
    } finally {
      await server2.close();
    }
  });

  it('keeps the list children even when the caller turns handleNilAsNull off', async () => {
    const client = await createMktowsClient({ endpoint: server.url, handleNilAsNull: false });
    const { result } = await client.syncLead({ leadRecord: { Email: 'g@jungle.example' }, returnLead: true });
    expect(result.leadRecord?.leadAttributeList?.attribute).toHaveLength(2);
    expect(result.leadRecord && 'ForeignSysType' in result.leadRecord).toBe(false); // soap's default: nil dropped
  });

  it('returns xs:dateTime values as the W3C text received, with its offset', async () => {
    const client = await createMktowsClient({ endpoint: server.url });
    const { result } = await client.getImportToListStatus({});
    expect(result.startedTime).toBe('2013-07-31T12:38:47-07:00');
    expect(result.endedTime).toBeNull();
    expect(result.rowsImported).toBe(3);
  });

  it('returns an empty element of a required complex type as an object, not null', async () => {
    const client = await createMktowsClient({ endpoint: server.url });
    const { result } = await client.syncMObjects({ mObjectList: { mObject: [] }, operation: 'UPSERT' });
    expect(result.mObjStatusList).toEqual({});
  });

  it('returns a one-element list as an array', async () => {
    const client = await createMktowsClient({ endpoint: server.url });
    const { result } = await client.getMultipleLeads({});
    expect(result.leadRecordList?.leadRecord).toEqual([{ Id: 1 }]);
  });

  it('shares one parsed WSDL between clients while each keeps its own options', async () => {
    const a = await createMktowsClient({ endpoint: server.url });
    const b = await createMktowsClient({ endpoint: server.url, handleNilAsNull: false });
    expect(a.soapClient.wsdl.definitions).toBe(b.soapClient.wsdl.definitions);
    expect(a.soapClient.wsdl.options.handleNilAsNull).toBe(true);
    expect(b.soapClient.wsdl.options.handleNilAsNull).toBe(false);
  });
});
