// The documentation's request envelopes, re-signed with the test key (their own signatures were made with
// unpublished keys), sent as they are: the mock must understand Marketo's own wire format.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { FIELD_NAMES, MKTOWS_NAMESPACE } from '@org/mktows-types';
import type { MockServer } from '../src/index.js';
import { startMockServer } from '../src/index.js';
import {
  childElements,
  faultCodeOf,
  findElement,
  parseXml,
  postSoap,
  resign,
  TEST_SECRET,
  TEST_USER,
  textOf,
} from './support/soap-http.js';
import { describeWithShared, docsFixture } from '@org/test-support';

describeWithShared('documentation envelopes (../shared/fixtures/marketo-docs)', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ userId: TEST_USER, secretKey: TEST_SECRET });
  });
  afterAll(() => server.close());

  it('syncLead creates the example lead, then updates it', async () => {
    const request = () => resign(docsFixture('synclead.request.xml'));
    const first = await postSoap(server.url, 'syncLead', request());
    expect(first.status).toBe(200);
    const firstRoot = parseXml(first.text);
    expect(findElement(firstRoot, 'successSyncLead')?.namespaceURI).toBe(MKTOWS_NAMESPACE);
    expect(textOf(firstRoot, 'status')).toBe('CREATED');
    const leadId = Number(textOf(firstRoot, 'leadId'));

    const second = await postSoap(server.url, 'syncLead', request());
    expect(textOf(parseXml(second.text), 'status')).toBe('UPDATED');
    expect(Number(textOf(parseXml(second.text), 'leadId'))).toBe(leadId);
    expect(server.leads()).toEqual([
      expect.objectContaining({
        id: leadId,
        email: 't@t.com',
        attributes: { FirstName: 'George', LastName: 'of the Jungle' },
      }),
    ]);
  });

  it('syncMultipleLeads stores both leads and answers one syncStatus each, in order', async () => {
    server.reset();
    const answer = await postSoap(
      server.url,
      'syncMultipleLeads',
      resign(docsFixture('syncmultipleleads.request.xml')),
    );
    expect(answer.status).toBe(200);
    const statuses = childElements(findElement(parseXml(answer.text), 'syncStatusList')!, 'syncStatus');
    expect(statuses.map((status) => textOf(status, 'status'))).toEqual(['CREATED', 'CREATED']);
    const leads = server.leads();
    expect(leads.map((lead) => [lead.email, lead.attributes])).toEqual([
      ['em1000@etestd.marketo.net', { Company: 'Marketo1000', Phone: '650-555-1000' }],
      ['em1001@etestd.marketo.net', { Company: 'Marketo1001', Phone: '650-555-1001' }],
    ]);
    expect(statuses.map((status) => Number(textOf(status, 'leadId')))).toEqual(leads.map((lead) => lead.id));
  });

  it('getLead by EMAIL answers the documented record shape with attrType per attribute', async () => {
    server.reset();
    server.addLead({
      email: 'rufus@marketo.com',
      attributes: {
        FirstName: 'Travis',
        LastName: 'Kaufman',
        Company: 'Marketo',
        LeadScore: '62',
        Website: 'gmail.com',
      },
    });
    const answer = await postSoap(server.url, 'getLead', resign(docsFixture('getlead.request.xml')));
    expect(answer.status).toBe(200);
    const root = parseXml(answer.text);
    expect(textOf(root, 'count')).toBe('1');
    const record = findElement(root, 'leadRecord')!;
    expect(childElements(record).map((child) => child.localName)).toEqual(FIELD_NAMES.LeadRecord.filter((name) => !name.startsWith('ForeignSys')));
    const attributes = childElements(findElement(record, 'leadAttributeList')!, 'attribute').map((attribute) =>
      childElements(attribute).map((child) => [child.localName, child.textContent]),
    );
    expect(attributes).toEqual([
      [
        ['attrName', 'Company'],
        ['attrType', 'string'],
        ['attrValue', 'Marketo'],
      ],
      [
        ['attrName', 'FirstName'],
        ['attrType', 'string'],
        ['attrValue', 'Travis'],
      ],
      [
        ['attrName', 'LastName'],
        ['attrType', 'string'],
        ['attrValue', 'Kaufman'],
      ],
      [
        ['attrName', 'LeadScore'],
        ['attrType', 'integer'],
        ['attrValue', '62'],
      ],
      [
        ['attrName', 'Website'],
        ['attrType', 'url'],
        ['attrValue', 'gmail.com'],
      ],
    ]);
  });

  it('refuses the documentation envelopes with their original signatures (20014)', async () => {
    const answer = await postSoap(server.url, 'syncLead', docsFixture('synclead.request.xml'));
    expect(answer.status).toBe(500);
    expect(faultCodeOf(answer)).toBe(20014);
  });
});
