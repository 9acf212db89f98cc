// What createMktowsClient puts on the wire, read back from a loopback server:
// xsi:type for LeadSelector subtypes, schema element order, dates as W3C
// strings, only the SOAP headers an operation declares, and the endpoint given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_NAMES, MKTOWS_NAMESPACE, createMktowsClient, schemaMetadata, type MktowsHeadersContext, type MktowsSoapClient } from '../src/index.js';
import { startTestSoapServer, successEnvelope, type TestSoapServer } from './support/soap-test-server.js';
import { MKTOWS, SOAP_ENV, XSI, child, childElements, parseXml } from './support/xml.js';

const AUTH = { mktowsUserId: 'user<1>&"2"', requestSignature: 'abc123', requestTimestamp: '2013-07-31T12:38:47-07:00' };

describe('requests sent by createMktowsClient', () => {
  let server: TestSoapServer;
  let client: MktowsSoapClient;
  const headerCalls: MktowsHeadersContext[] = [];

  beforeAll(async () => {
    server = await startTestSoapServer((operation) => ({ body: successEnvelope(`success${operation[0]!.toUpperCase()}${operation.slice(1)}`) }));
    client = await createMktowsClient({
      endpoint: server.url,
      headers: (context) => {
        headerCalls.push(context);
        return { AuthenticationHeader: AUTH, MktowsContextHeader: { targetWorkspace: 'Europe' } };
      },
    });
  });
  afterAll(() => server.close());

  const lastBody = () => child(parseXml(server.requests.at(-1)!.body), SOAP_ENV, 'Body');
  const lastHeader = () => child(parseXml(server.requests.at(-1)!.body), SOAP_ENV, 'Header');
  const names = (node: ReturnType<typeof lastBody>) => childElements(node).map((element) => element.localName);

  /** The xsi:type of `element` as a resolved {namespace}name. */
  function xsiType(element: ReturnType<typeof lastBody>): string {
    const value = element.getAttributeNS(XSI, 'type') ?? '';
    const [prefix, local] = value.split(':');
    return `{${element.lookupNamespaceURI(prefix ?? null) ?? ''}}${local ?? ''}`;
  }

  it('writes xsi:type="LeadKeySelector" (in the mktows namespace) for a getMultipleLeads selector by key', async () => {
    await client.getMultipleLeads({ leadSelector: { keyValues: { stringItem: ['a@b.com', 'c@d.com'] }, keyType: 'EMAIL' } });
    const selector = child(child(lastBody(), MKTOWS, 'paramsGetMultipleLeads'), null, 'leadSelector');
    expect(xsiType(selector)).toBe(`{${MKTOWS}}LeadKeySelector`);
    expect(names(selector)).toEqual(['keyType', 'keyValues']);
    expect(childElements(child(selector, null, 'keyValues')).map((item) => item.textContent)).toEqual(['a@b.com', 'c@d.com']);
  });

  it('tells StaticListSelector and LastUpdateAtSelector apart by their fields', async () => {
    await client.getMultipleLeads({ leadSelector: { staticListName: 'VIP' } });
    expect(xsiType(child(child(lastBody(), MKTOWS, 'paramsGetMultipleLeads'), null, 'leadSelector'))).toBe(`{${MKTOWS}}StaticListSelector`);
    await client.getLeadChanges({
      startPosition: { oldestCreatedAt: '2013-07-01T00:00:00-07:00' },
      leadSelector: { oldestUpdatedAt: '2013-07-01T00:00:00Z', latestUpdatedAt: null },
    });
    const selector = child(child(lastBody(), MKTOWS, 'paramsGetLeadChanges'), null, 'leadSelector');
    expect(xsiType(selector)).toBe(`{${MKTOWS}}LastUpdateAtSelector`);
    expect(names(selector)).toEqual(['latestUpdatedAt', 'oldestUpdatedAt']);
    expect(child(selector, null, 'latestUpdatedAt').getAttributeNS(XSI, 'nil')).toBe('true');
  });

  it('rejects a selector whose fields fit no subtype, before sending anything', async () => {
    const before = server.requests.length;
    await expect(
      client.getMultipleLeads({ leadSelector: { keyType: 'EMAIL', staticListId: 3 } as never }),
    ).rejects.toThrow(/ParamsGetMultipleLeads\.leadSelector: a LeadSelector with fields \[keyType, staticListId\] matches none/);
    expect(server.requests.length).toBe(before);
  });

  it('writes elements in schema order whatever the key order of the object', async () => {
    await client.syncLead({
      marketoCookie: null,
      returnLead: true,
      leadRecord: { leadAttributeList: { attribute: [{ attrValue: 'v', attrType: 'string', attrName: 'n' }] }, ForeignSysType: 'SFDC', Email: 'e@x.com' },
    });
    const params = child(lastBody(), MKTOWS, 'paramsSyncLead');
    expect(names(params)).toEqual(['leadRecord', 'returnLead', 'marketoCookie']);
    expect(names(child(params, null, 'leadRecord'))).toEqual(FIELD_NAMES.LeadRecord.filter((name) => name !== 'Id' && name !== 'ForeignSysPersonId'));
    const attribute = child(child(child(params, null, 'leadRecord'), null, 'leadAttributeList'), null, 'attribute');
    expect(names(attribute)).toEqual(['attrName', 'attrType', 'attrValue']);
    expect(child(params, null, 'marketoCookie').getAttributeNS(XSI, 'nil')).toBe('true');
  });

  it('sends a Date given for an xs:dateTime as a W3C string, never as an empty element', async () => {
    await client.getMultipleLeads({ lastUpdatedAt: new Date(Date.UTC(2013, 6, 31, 19, 38, 47)) as unknown as string });
    expect(child(child(lastBody(), MKTOWS, 'paramsGetMultipleLeads'), null, 'lastUpdatedAt').textContent).toBe(
      '2013-07-31T19:38:47.000Z',
    );
  });

  it('does not modify the caller’s params object', async () => {
    const params = { leadSelector: { keyType: 'IDNUM' as const, keyValues: { stringItem: ['1'] } } };
    const copy = structuredClone(params);
    await client.getMultipleLeads(params);
    expect(params).toEqual(copy);
  });

  it('sends MktowsContextHeader on syncLead, which declares it, with escaped values in the mktows namespace', async () => {
    await client.syncLead({ leadRecord: { Email: 'e@x.com' }, returnLead: false });
    const header = lastHeader();
    expect(childElements(header).map((element) => `{${element.namespaceURI ?? ''}}${element.localName ?? ''}`)).toEqual([
      `{${MKTOWS}}AuthenticationHeader`,
      `{${MKTOWS}}MktowsContextHeader`,
    ]);
    const auth = child(header, MKTOWS, 'AuthenticationHeader');
    expect(names(auth)).toEqual(['mktowsUserId', 'requestSignature', 'requestTimestamp']);
    expect(child(auth, null, 'mktowsUserId').textContent).toBe(AUTH.mktowsUserId);
    expect(child(child(header, MKTOWS, 'MktowsContextHeader'), null, 'targetWorkspace').textContent).toBe('Europe');
  });

  it('leaves MktowsContextHeader out of operations that do not declare it', async () => {
    await client.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '1' } });
    expect(childElements(lastHeader()).map((element) => element.localName)).toEqual(['AuthenticationHeader']);
  });

  it('calls the headers function once per request, naming the operation', async () => {
    headerCalls.length = 0;
    await client.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '1' } });
    await client.syncLead({ leadRecord: { Id: 1 }, returnLead: false });
    expect(headerCalls).toEqual([{ operation: 'getLead' }, { operation: 'syncLead' }]);
  });

  it('sends the SOAPAction of the operation to the endpoint given', async () => {
    await client.listMObjects({});
    const request = server.requests.at(-1)!;
    expect(request.soapAction).toBe(`${MKTOWS_NAMESPACE}listMObjects`);
    expect(request.url).toBe('/soap/mktows/2_2');
  });
});

describe('createMktowsClient options', () => {
  it('rejects an async headers function instead of silently dropping the header', async () => {
    const server = await startTestSoapServer(() => ({ body: successEnvelope('successGetLead') }));
    try {
      const client = await createMktowsClient({
        endpoint: server.url,
        headers: (() => Promise.resolve({ AuthenticationHeader: AUTH })) as never,
      });
      await expect(client.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '1' } })).rejects.toThrow(/synchronously/);
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('always sends to the endpoint given, never to the address written in the WSDL', async () => {
    const first = await startTestSoapServer(() => ({ body: successEnvelope('successGetLead') }), '/first');
    const second = await startTestSoapServer(() => ({ body: successEnvelope('successGetLead') }), '/second');
    try {
      expect(schemaMetadata.service.address).not.toContain('127.0.0.1');
      const a = await createMktowsClient({ endpoint: first.url });
      const b = await createMktowsClient({ endpoint: second.url });
      await a.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '1' } });
      await b.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '2' } });
      await a.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '3' } });
      expect(first.requests.map((request) => request.url)).toEqual(['/first', '/first']);
      expect(second.requests.map((request) => request.url)).toEqual(['/second']);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('refuses an endpoint that is not an http(s) URL', async () => {
    await expect(createMktowsClient({ endpoint: 'not a url' })).rejects.toThrow(/endpoint must be an http\(s\) URL/);
    await expect(createMktowsClient({ endpoint: 'ftp://127.0.0.1/x' })).rejects.toThrow(/endpoint/);
  });

  it("emits soap's request and response events with the exchangeId of the call", async () => {
    const server = await startTestSoapServer(() => ({ body: successEnvelope('successGetLead') }));
    try {
      const client = await createMktowsClient({ endpoint: server.url });
      const events: string[] = [];
      client.soapClient.on('request', (_xml: string, exchangeId: string) => events.push(`request ${exchangeId}`));
      client.soapClient.on('response', (_body: string, _response: unknown, exchangeId: string) => events.push(`response ${exchangeId}`));
      await client.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '1' } }, { exchangeId: 'call-1' });
      expect(events).toEqual(['request call-1', 'response call-1']);
    } finally {
      await server.close();
    }
  });
});
