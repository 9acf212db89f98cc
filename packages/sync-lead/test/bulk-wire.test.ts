// syncLeads writes the leadRecord elements itself (soap's serialiser costs ~30 ms per 300 leads): the
// body it sends is the one the typed client would send for the same records, and tricky values reach
// the mock's store exactly.
import { createAuthenticationHeader } from '@org/mktows-auth';
import { createMktowsClient } from '@org/mktows-types';
import { afterEach, expect, it } from 'vitest';
import { createSyncLeadClient, type SyncLeadInput } from '../src/index.js';
import { toLeadRecord } from '../src/sync-lead-params.js';
import { canonicalBody, describeWithShared, type RawServer, startRawServer } from '@org/test-support';
import { createdReply, requestedEmails } from './support/bulk-replies.js';
import { startMock, type MockFixture } from './support/mock.js';

const trickyText = [
  'a < b & c > d',
  '&amp; &lt; &#x41; &unknown;',
  'x ]]> y',
  '<![CDATA[ looks like a section ]]>',
  '<![CDATA[]]></attrValue><attrName>Injected</attrName><![CDATA[]]>',
  `the "best" lead, O'Brien's`,
  'line one\nline two\r\nline three\tand a tab',
  'lead 😀 👩‍👩‍👧 🇸🇪 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎',
  'Åsa Öberg-Ärlig, Malmö',
  '  leading and trailing spaces  ',
  '',
];

const inputs: SyncLeadInput[] = [
  { email: 'plain@example.com' },
  { id: 42, email: 'id@example.com', attributes: { LeadScore: 7, DoNotCall: true, City: null } },
  { foreignSysPersonId: 'crm<&>"\']]>😀', foreignSysType: 'CUSTOM', email: 'åsa.öberg@exempel.se' },
  ...trickyText.map((text, index): SyncLeadInput => ({ email: `tricky${index}@example.com`, attributes: { Company: text, Title: text } })),
];

let raw: RawServer | undefined;
let mock: MockFixture | undefined;
afterEach(async () => {
  await raw?.close();
  await mock?.close();
  raw = mock = undefined;
});

describeWithShared('the syncMultipleLeads request of syncLeads', () => {
  it('has the body the typed client would send for the same lead records', async () => {
    raw = await startRawServer((_, request) => ({ body: createdReply(requestedEmails(request.body), 1) }));
    const client = createSyncLeadClient({ endpoint: raw.url, userId: 'u', secretKey: 'k', rateLimit: false });
    await client.syncLeads(inputs);
    client.close();
    const typed = await createMktowsClient({
      endpoint: raw.url,
      headers: () => ({ AuthenticationHeader: createAuthenticationHeader({ userId: 'u', secretKey: 'k' }) }),
    });
    await typed.syncMultipleLeads({ leadRecordList: { leadRecord: inputs.map((input) => toLeadRecord(input)) }, dedupEnabled: true });

    expect(raw.requests).toHaveLength(2);
    const [bulk, reference] = raw.requests.map((request) => canonicalBody(request.body));
    expect(bulk).toEqual(reference);
    expect(bulk).toBeDefined();
  });

  it('tricky values reach the store exactly', async () => {
    mock = await startMock({ rateLimit: false });
    const run = await mock.client().syncLeads(inputs.filter((input) => input.id === undefined));
    expect(run.failed).toBe(0);
    const stored = new Map(mock.server.leads().map((lead) => [lead.email, lead]));
    trickyText.forEach((text, index) => {
      const lead = stored.get(`tricky${index}@example.com`);
      // An empty value clears a field, so it is not stored; the mock's parser (soap's) trims text, as it
      // does for syncLead, so edge spaces are compared trimmed (the wire test above shows they are sent).
      expect(lead?.attributes).toEqual(text === '' ? {} : { Company: text.trim(), Title: text.trim() });
    });
    expect(stored.get('åsa.öberg@exempel.se')?.foreignSysPersonId).toBe('crm<&>"\']]>😀');
  });
});
