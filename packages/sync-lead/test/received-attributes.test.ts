// Attributes Marketo returns are converted by their attrType (returnLead result), served by a raw
// server as a real returnLead response would carry them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSyncLeadClient, type Lead, type SyncLeadClient } from '../src/index.js';
import { describeWithShared, docsFixture, type RawServer, startRawServer } from '@org/test-support';

const received: Array<[name: string, type: string | undefined, text: string]> = [
  ['LeadScore', 'integer', '42'],
  ['NegativeScore', 'integer', '-7'],
  ['EmptyInteger', 'integer', ''],
  ['BrokenInteger', 'integer', 'n/a'],
  ['AnnualRevenue', 'float', '1234.5'],
  ['Budget', 'currency', '-1e3'],
  ['Unsubscribed', 'boolean', 'true'],
  ['DoNotCall', 'boolean', '0'],
  ['LastVisit', 'datetime', '2013-07-31T12:38:47-07:00'],
  ['DateOfBirth', 'date', '1970-01-31'],
  ['Website', 'url', 'gmail.com'],
  ['Phone', 'phone', '+46 46 12 34 56'],
  ['Notes', 'text', ''],
  ['Owner', 'reference', '00Q123'],
  ['Untyped', undefined, '62'],
  ['__proto__', 'string', 'stays data'],
];

function responseWithAttributes(): string {
  const attributes = received
    .map(([name, type, text]) =>
      `<attribute><attrName>${name}</attrName>${type === undefined ? '' : `<attrType>${type}</attrType>`}<attrValue>${text}</attrValue></attribute>`,
    )
    .join('');
  const record = `<leadRecord><Id>1089965</Id><Email>t@t.com</Email><ForeignSysPersonId>crm-1</ForeignSysPersonId><ForeignSysType>SFDC</ForeignSysType><leadAttributeList>${attributes}</leadAttributeList></leadRecord>`;
  return docsFixture('synclead.response.xml').replace('<leadRecord xsi:nil="true" />', record);
}

describeWithShared('received attributes are converted by attrType', () => {
  let server: RawServer;
  let client: SyncLeadClient;
  let lead: Lead | undefined;

  beforeAll(async () => {
    server = await startRawServer(() => ({ body: responseWithAttributes() }));
    client = createSyncLeadClient({ endpoint: server.url, userId: 'u', secretKey: 'k', rateLimit: false });
    ({ lead } = await client.syncLead({ email: 't@t.com', returnLead: true }));
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it('keys and foreign system come back as sent', () => {
    expect(lead).toMatchObject({ id: 1089965, email: 't@t.com', foreignSysPersonId: 'crm-1', foreignSysType: 'SFDC' });
  });

  it('integer to number, empty to null, unparseable kept as text', () => {
    expect(lead?.attributes).toMatchObject({ LeadScore: 42, NegativeScore: -7, EmptyInteger: null, BrokenInteger: 'n/a' });
  });

  it('float and currency to number', () => {
    expect(lead?.attributes).toMatchObject({ AnnualRevenue: 1234.5, Budget: -1000 });
  });

  it('boolean to boolean (true/false and 1/0)', () => {
    expect(lead?.attributes).toMatchObject({ Unsubscribed: true, DoNotCall: false });
  });

  it('datetime to Date (the instant, offset applied); date stays YYYY-MM-DD text', () => {
    expect(lead?.attributes.LastVisit).toEqual(new Date('2013-07-31T19:38:47.000Z'));
    expect(lead?.attributes.DateOfBirth).toBe('1970-01-31');
  });

  it('text kinds (url, phone, text, reference) and untyped stay strings', () => {
    expect(lead?.attributes).toMatchObject({ Website: 'gmail.com', Phone: '+46 46 12 34 56', Notes: '', Owner: '00Q123', Untyped: '62' });
    expect(lead?.attributeTypes.Untyped).toBe('string');
  });

  it('a field named __proto__ stays an own data property', () => {
    expect(Object.getPrototypeOf(lead?.attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(lead?.attributes, '__proto__')?.value).toBe('stays data');
  });
});
