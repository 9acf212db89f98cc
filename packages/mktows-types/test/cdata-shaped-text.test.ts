// Text shaped like a CDATA section ("<![CDATA[...]]>"), which soap 1.13 writes into a request unescaped,
// reaches the server exactly as given, in every field and operation, and cannot inject elements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMktowsClient, type MktowsSoapClient } from '../src/index.js';
import { startTestSoapServer, successEnvelope, type TestSoapServer } from './support/soap-test-server.js';
import { MKTOWS, SOAP_ENV, child, childElements, parseXml } from './support/xml.js';
import type { Element } from '@xmldom/xmldom';

const INJECTION = '<![CDATA[]]></attrValue></attribute><attribute><attrName>Injected</attrName><attrValue><![CDATA[]]>';

const CDATA_SHAPED = [
  ['a plain section', '<![CDATA[x]]>'],
  ['an empty section', '<![CDATA[]]>'],
  ['a section end inside', '<![CDATA[a]]>b]]>'],
  ['markup and entities inside', '<![CDATA[ <b>&amp;</b> ]]> <![CDATA[]]>'],
  ['an element injection', INJECTION],
] as const;

describe('text shaped like a CDATA section', () => {
  let server: TestSoapServer;
  let client: MktowsSoapClient;

  beforeAll(async () => {
    server = await startTestSoapServer((operation) => ({
      body: successEnvelope(`success${operation[0]!.toUpperCase()}${operation.slice(1)}`),
    }));
    client = await createMktowsClient({ endpoint: server.url });
  });
  afterAll(() => server.close());

  const lastBody = (): Element => child(parseXml(server.requests.at(-1)!.body), SOAP_ENV, 'Body');

  /** The text of `element`, which must have no child elements (nothing was injected). */
  function textOnly(element: Element): string {
    expect(childElements(element)).toEqual([]);
    return element.textContent ?? '';
  }

  it.each(CDATA_SHAPED)('reaches the server exactly in every string field of syncLead (%s)', async (_name, value) => {
    await client.syncLead({
      leadRecord: {
        Email: value,
        ForeignSysPersonId: value,
        leadAttributeList: { attribute: [{ attrName: value, attrValue: value }] },
      },
      returnLead: false,
      marketoCookie: value,
    });
    const params = child(lastBody(), MKTOWS, 'paramsSyncLead');
    const record = child(params, null, 'leadRecord');
    const attributes = childElements(child(record, null, 'leadAttributeList'));
    expect(attributes).toHaveLength(1);
    expect(textOnly(child(record, null, 'Email'))).toBe(value);
    expect(textOnly(child(record, null, 'ForeignSysPersonId'))).toBe(value);
    expect(textOnly(child(attributes[0]!, null, 'attrName'))).toBe(value);
    expect(textOnly(child(attributes[0]!, null, 'attrValue'))).toBe(value);
    expect(textOnly(child(params, null, 'marketoCookie'))).toBe(value);
  });

  it('reaches the server exactly as an item of a string list and inside a LeadSelector subtype', async () => {
    await client.getMultipleLeads({
      leadSelector: { keyType: 'EMAIL', keyValues: { stringItem: ['<![CDATA[a]]>', 'plain', INJECTION] } },
    });
    const selector = child(child(lastBody(), MKTOWS, 'paramsGetMultipleLeads'), null, 'leadSelector');
    expect(childElements(child(selector, null, 'keyValues')).map(textOnly)).toEqual([
      '<![CDATA[a]]>',
      'plain',
      INJECTION,
    ]);
  });

  it('goes out escaped like any other text', async () => {
    await client.getLead({ leadKey: { keyType: 'EMAIL', keyValue: '<![CDATA[x]]>' } });
    expect(server.requests.at(-1)!.body).toContain('<keyValue>&lt;![CDATA[x]]&gt;</keyValue>');
  });

  it("is sent as given when the caller turned soap's escaping off (escapeXML: false means text is markup)", async () => {
    const raw = await createMktowsClient({ endpoint: server.url, escapeXML: false });
    await raw.getLead({ leadKey: { keyType: 'EMAIL', keyValue: '<![CDATA[x]]>' } });
    expect(server.requests.at(-1)!.body).toContain('<keyValue><![CDATA[x]]></keyValue>');
  });

  it('is refused, before anything is sent, as an XML attribute value (soap would write it raw there too)', async () => {
    const before = server.requests.length;
    await expect(
      client.getLead({
        leadKey: { keyType: 'EMAIL', keyValue: 'a', attributes: { note: '<![CDATA["/>]]>' } } as never,
      }),
    ).rejects.toThrow(/ParamsGetLead\.leadKey\.attributes\.note: .*CDATA/);
    expect(server.requests.length).toBe(before);
  });
});
