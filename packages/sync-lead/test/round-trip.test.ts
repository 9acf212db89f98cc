// Tricky but valid values go out escaped and come back exactly, through the mock's store: in the
// syncLead result (returnLead) and through getLead.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SyncLeadClient } from '../src/index.js';
import { attributesOf, useSharedMock } from './support/mock.js';

const tricky: Array<[string, string]> = [
  ['less-than', 'a < b'],
  ['ampersand', 'Smith & Sons'],
  ['an entity-looking text', '&amp; &lt; &#x41; &unknown;'],
  ['CDATA end', 'x ]]> y'],
  ['markup', '<leadRecord><Id>1</Id></leadRecord>'],
  ['double quotes', 'the "best" lead'],
  ['single quotes', "O'Brien's"],
  ['emoji', 'lead 😀 👩‍👩‍👧 🇸🇪'],
  ['Swedish letters', 'Åsa Öberg-Ärlig, Malmö, Göteborg, Växjö'],
  ['a line break inside', 'line one\nline two'],
  ['a tab inside', 'col1\tcol2'],
  ['characters above the BMP', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎'],
  ['10,000 characters', 'x'.repeat(10_000)],
  ['10,000 mixed characters', 'Å<&]]>😀"'.repeat(1_112).slice(0, 10_000)],
];

const mock = useSharedMock({}, { reset: false });
let client: SyncLeadClient;
beforeAll(() => {
  client = mock.client();
});

describe('tricky values round-trip exactly through the mock', () => {
  it.each(tricky)('%s in an attribute', async (name, value) => {
    const email = `round-trip-${name.replace(/\W+/g, '-')}@example.com`;
    const result = await client.syncLead({ email, attributes: { Company: value }, returnLead: true });
    expect(result.lead?.attributes.Company).toBe(value);
    expect(attributesOf((await mock.getLead('IDNUM', result.leadId))[0]).Company).toBe(value);
    expect(mock.server.leads().find((lead) => lead.id === result.leadId)?.attributes.Company).toBe(value);
  });

  it('a value shaped like a CDATA section (which soap 1.13 would write unescaped) reaches the store exactly', async () => {
    const value = '<![CDATA[ not a section ]]> <b>&amp;</b> <![CDATA[]]>';
    const result = await client.syncLead({ email: 'cdata@example.com', attributes: { Company: value, Title: '<![CDATA[]]>' } });
    const stored = mock.server.leads().find((lead) => lead.id === result.leadId);
    expect(stored?.attributes).toMatchObject({ Company: value, Title: '<![CDATA[]]>' });
  });

  it('tricky keys: Swedish letters in the email, markup in the foreign id and the cookie', async () => {
    const email = 'åsa.öberg@exempel.se';
    const foreignSysPersonId = 'crm<&>"\']]>😀';
    const marketoCookie = 'id:561-HYG-937&token:_mch-<ä>';
    const result = await client.syncLead({ email, foreignSysPersonId, foreignSysType: 'CUSTOM', marketoCookie, returnLead: true });
    expect(result.lead).toMatchObject({ email, foreignSysPersonId, foreignSysType: 'CUSTOM' });
    const [byCookie] = await mock.getLead('COOKIE', marketoCookie);
    expect(byCookie).toMatchObject({ Id: result.leadId, Email: email, ForeignSysPersonId: foreignSysPersonId });
  });

  it('numbers, booleans, Dates and null go out as Marketo text and come back typed', async () => {
    const when = new Date('2024-05-01T12:34:56.000Z');
    const result = await client.syncLead({
      email: 'typed@example.com',
      attributes: { LeadScore: -7, AnnualRevenue: 0.25, Unsubscribed: false, DoNotCall: true, DateOfBirth: '1970-01-31', City: null, Title: undefined },
      returnLead: true,
    });
    expect(result.lead?.attributes).toMatchObject({ LeadScore: -7, AnnualRevenue: 0.25, Unsubscribed: false, DoNotCall: true, DateOfBirth: '1970-01-31' });
    expect(result.lead?.attributes).not.toHaveProperty('Title');
    expect(attributesOf((await mock.getLead('IDNUM', result.leadId))[0])).toMatchObject({ LeadScore: '-7', AnnualRevenue: '0.25', Unsubscribed: 'false' });
    const withDate = await client.syncLead(
      { email: 'typed@example.com', attributes: { LastName: when }, returnLead: true },
    );
    expect(withDate.lead?.attributes.LastName).toBe('2024-05-01T12:34:56.000Z');
  });
});
