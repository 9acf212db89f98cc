// syncLead, syncMultipleLeads and getLead through createMktowsClient against a
// soap.listen server on the package's own WSDL (wsdlDocument). soap.listen
// re-serialises what its methods return, so the methods return the documented
// values read from the documentation's response envelopes; the byte-exact
// envelopes are served in doc-envelopes.test.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMktowsClient, schemaMetadata, wsdlDocument, type MktowsSoapClient } from '../src/index.js';
import { SOAP_ENV, XSI, child, childElements, parseXml } from './support/xml.js';
import type { Element } from '@xmldom/xmldom';
import { describeWithShared, docsFixture } from '@org/test-support';


/** The success element of a documented response envelope as plain data (nil elements left out, lists as arrays). */
function documentedResult(file: string, lists: readonly string[]): unknown {
  const body = child(parseXml(docsFixture(file)), SOAP_ENV, 'Body');
  return toObject(childElements(body)[0]!, lists);
}

function toObject(element: Element, lists: readonly string[]): unknown {
  const children = childElements(element);
  if (children.length === 0) return element.textContent ?? '';
  const object: Record<string, unknown> = {};
  for (const item of children) {
    if (item.getAttributeNS(XSI, 'nil') === 'true') continue;
    const name = item.localName!;
    const value = toObject(item, lists);
    if (lists.includes(name)) object[name] = [...((object[name] as unknown[] | undefined) ?? []), value];
    else object[name] = value;
  }
  return object;
}

describeWithShared('createMktowsClient against a soap.listen server on the shipped WSDL', () => {
  const received: Array<{ operation: string; args: unknown; headers: unknown }> = [];
  let httpServer: http.Server;
  let client: MktowsSoapClient;

  beforeAll(async () => {
    const method = (operation: string, file: string, lists: string[]) => (args: unknown, _callback: unknown, headers: unknown) => {
      received.push({ operation, args, headers });
      return documentedResult(file, lists);
    };
    const { name, port } = schemaMetadata.service;
    httpServer = http.createServer();
    soap.listen(httpServer, {
      path: '/soap/mktows/2_2',
      xml: wsdlDocument,
      services: {
        [name]: {
          [port]: {
            syncLead: method('syncLead', 'synclead.response.xml', []),
            syncMultipleLeads: method('syncMultipleLeads', 'syncmultipleleads.response.xml', ['syncStatus']),
            getLead: method('getLead', 'getlead.response.xml', ['leadRecord', 'attribute']),
          },
        },
      },
    });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    client = await createMktowsClient({
      endpoint: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/soap/mktows/2_2`,
      headers: () => ({
        AuthenticationHeader: { mktowsUserId: 'u1', requestSignature: 'sig', requestTimestamp: '2013-07-31T12:38:47-07:00' },
        MktowsContextHeader: { targetWorkspace: 'Default' },
      }),
    });
  });
  afterAll(() => new Promise<void>((resolve) => httpServer.close(() => resolve())));

  it('syncLead: the server reads the typed request and headers; the client gets lead 1089965 UPDATED', async () => {
    const { result } = await client.syncLead({
      leadRecord: { Email: 't@t.com', leadAttributeList: { attribute: [{ attrName: 'FirstName', attrValue: 'George' }] } },
      returnLead: false,
    });
    expect(result.leadId).toBe(1089965);
    expect(result.syncStatus.status).toBe('UPDATED');
    const call = received.find((entry) => entry.operation === 'syncLead')!;
    expect(call.args).toMatchObject({
      leadRecord: { Email: 't@t.com', leadAttributeList: { attribute: [{ attrName: 'FirstName', attrValue: 'George' }] } },
      returnLead: false,
    });
    expect(call.headers).toMatchObject({
      AuthenticationHeader: { mktowsUserId: 'u1', requestSignature: 'sig' },
      MktowsContextHeader: { targetWorkspace: 'Default' },
    });
  });

  it('syncMultipleLeads: both documented statuses come back as an array', async () => {
    const { result } = await client.syncMultipleLeads({ leadRecordList: { leadRecord: [{ Email: 'a@x.com' }, { Email: 'b@x.com' }] } });
    expect(result.syncStatusList.syncStatus?.map((status) => [status.leadId, status.status])).toEqual([
      [1090240, 'UPDATED'],
      [1090239, 'UPDATED'],
    ]);
  });

  it('getLead: lead 1089965 with 8 attributes, the one-lead list as an array', async () => {
    const { result } = await client.getLead({ leadKey: { keyType: 'EMAIL', keyValue: 'rufus@marketo.com' } });
    expect(result.count).toBe(1);
    expect(result.leadRecordList?.leadRecord).toHaveLength(1);
    const lead = result.leadRecordList!.leadRecord![0]!;
    expect(lead.Id).toBe(1089965);
    expect(lead.leadAttributeList?.attribute).toHaveLength(8);
    const headers = received.find((entry) => entry.operation === 'getLead')!.headers as Record<string, unknown>;
    expect(Object.keys(headers)).toEqual(['AuthenticationHeader']);
  });
});
