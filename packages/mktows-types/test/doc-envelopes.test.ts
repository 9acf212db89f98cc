// syncLead, syncMultipleLeads and getLead through createMktowsClient over real HTTP
// on loopback, answered with the documentation's own response envelopes served
// byte for byte (a plain HTTP server: soap.listen would re-serialise them).
import { afterAll, beforeAll, expect, expectTypeOf, it } from 'vitest';
import { MKTOWS_NAMESPACE, createMktowsClient, type LeadRecord, type MktowsSoapClient, type SyncStatus } from '../src/index.js';
import { startTestSoapServer, type TestSoapServer } from './support/soap-test-server.js';
import { MKTOWS, SOAP_ENV, child, parseXml, toTree } from './support/xml.js';
import { attributeList, describeWithShared, docsFixture } from '@org/test-support';


const fixture = docsFixture;
const FIXTURE_OF: Record<string, string> = {
  syncLead: 'synclead.response.xml',
  syncMultipleLeads: 'syncmultipleleads.response.xml',
  getLead: 'getlead.response.xml',
};

describeWithShared("the documentation's envelopes through createMktowsClient", () => {
  let server: TestSoapServer;
  let client: MktowsSoapClient;

  beforeAll(async () => {
    server = await startTestSoapServer((operation) => ({ body: fixture(FIXTURE_OF[operation] ?? 'fault-20014.response.xml') }));
    client = await createMktowsClient({
      endpoint: server.url,
      headers: () => ({
        AuthenticationHeader: {
          mktowsUserId: 'bigcorp1_461839624B16E06BA2D663',
          requestSignature: '92f05a7be4838ae1c0e5aafe814891ee72968a08',
          requestTimestamp: '2013-07-31T12:38:47-07:00',
        },
      }),
    });
  });
  afterAll(() => server.close());

  it('syncLead resolves to the documented result: lead 1089965 UPDATED', async () => {
    const success = await client.syncLead({
      leadRecord: {
        Email: 't@t.com',
        leadAttributeList: attributeList({ FirstName: 'George', LastName: 'of the Jungle' }),
      },
      returnLead: false,
    });
    expectTypeOf(success.result.syncStatus).toEqualTypeOf<SyncStatus>();
    expect(success.result.leadId).toBe(1089965);
    expect(success.result.syncStatus).toEqual({ leadId: 1089965, status: 'UPDATED', error: null });
    expect(success.result.leadRecord).toBeNull();
  });

  it("sends syncLead with the documented request's body and an AuthenticationHeader in the mktows namespace", async () => {
    await client.syncLead({
      returnLead: false,
      leadRecord: {
        leadAttributeList: {
          attribute: [
            { attrValue: 'George', attrName: 'FirstName' },
            { attrValue: 'of the Jungle', attrName: 'LastName' },
          ],
        },
        Email: 't@t.com',
      },
    });
    const sent = parseXml(server.requests.at(-1)!.body);
    const documented = parseXml(fixture('synclead.request.xml'));
    expect(toTree(child(sent, SOAP_ENV, 'Body'))).toEqual(toTree(child(documented, SOAP_ENV, 'Body')));
    const header = child(child(sent, SOAP_ENV, 'Header'), MKTOWS, 'AuthenticationHeader');
    expect(toTree(header)).toEqual(toTree(child(child(documented, SOAP_ENV, 'Header'), MKTOWS, 'AuthenticationHeader')));
    expect(server.requests.at(-1)!.soapAction).toBe(`${MKTOWS_NAMESPACE}syncLead`);
  });

  it('syncMultipleLeads resolves to both documented statuses, as an array', async () => {
    const success = await client.syncMultipleLeads({
      leadRecordList: {
        leadRecord: [{ Email: 'em1000@etestd.marketo.net' }, { Email: 'em1001@etestd.marketo.net' }],
      },
      dedupEnabled: true,
    });
    expect(success.result.syncStatusList.syncStatus).toEqual([
      { leadId: 1090240, status: 'UPDATED', error: null },
      { leadId: 1090239, status: 'UPDATED', error: null },
    ]);
  });

  it('getLead resolves to lead 1089965 with its 8 attributes; the one-lead list is still an array', async () => {
    const success = await client.getLead({ leadKey: { keyType: 'EMAIL', keyValue: 'rufus@marketo.com' } });
    expect(success.result.count).toBe(1);
    const leads = success.result.leadRecordList?.leadRecord;
    expectTypeOf(leads).toEqualTypeOf<LeadRecord[] | undefined>();
    expect(Array.isArray(leads)).toBe(true);
    expect(leads).toHaveLength(1);
    const lead = leads![0]!;
    expect(lead.Id).toBe(1089965);
    expect(lead.Email).toBe('rufus@marketo.com');
    expect(lead.ForeignSysPersonId).toBeNull();
    expect(lead.ForeignSysType).toBeNull();
    const attributes = lead.leadAttributeList?.attribute ?? [];
    expect(attributes).toHaveLength(8);
    expect(attributes.map((attribute) => attribute.attrName)).toEqual([
      'AnonymousIP',
      'Company',
      'FirstName',
      'InferredCompany',
      'InferredCountry',
      'LastName',
      'LeadScore',
      'Website',
    ]);
    expect(attributes.find((attribute) => attribute.attrName === 'LeadScore')).toEqual({
      attrName: 'LeadScore',
      attrType: 'integer',
      attrValue: '62',
    });
  });

  it('sends getLead with the documented request body', async () => {
    await client.getLead({ leadKey: { keyValue: 'rufus@marketo.com', keyType: 'EMAIL' } });
    const sent = parseXml(server.requests.at(-1)!.body);
    const documented = parseXml(fixture('getlead.request.xml'));
    expect(toTree(child(sent, SOAP_ENV, 'Body'))).toEqual(toTree(child(documented, SOAP_ENV, 'Body')));
  });

  it("passes soap's raw rejection through for the documented fault (no mapping here)", async () => {
    const rejection: unknown = await client.getLeadActivity({ leadKey: { keyType: 'IDNUM', keyValue: '1' } }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(rejection).toBeDefined();
    expect(JSON.stringify((rejection as { root?: unknown }).root)).toContain('20014');
  });
});
