// The documentation's own envelopes on the wire: what syncLead sends for the documented example, and
// what it makes of the documented responses (served byte for byte by a raw HTTP server).
import { signRequest } from '@org/mktows-auth';
import { expect, it } from 'vitest';
import { MKTOWS_NAMESPACE } from '@org/mktows-types';
import { InvalidResponseError, type SyncLeadClient } from '../src/index.js';
import { canonicalBody, describeWithShared, docsFixture, DOCUMENTED_LEAD, elementTexts } from '@org/test-support';
import { useScriptedClients } from './support/scripted.js';

const userId = 'bigcorp1_461839624B16E06BA2D663';
const secretKey = '899756834129871744AAEE88DDCC77CDEEDEC1AAAD66';
const docExample = { email: 't@t.com', attributes: { FirstName: 'George', LastName: 'of the Jungle' } };

const raw = useScriptedClients({ userId, secretKey });
const serve = (body: string, options: { workspace?: string } = {}): Promise<SyncLeadClient> => raw.start([{ body }], options);

/** synclead.response.xml with the lead record of getlead.response.xml, its attribute list marked nil. */
function syncLeadResponseWithNilMarkedAttributes(): string {
  const getLead = docsFixture('getlead.response.xml');
  const record = /<leadRecord>[\s\S]*<\/leadRecord>/.exec(getLead)?.[0];
  if (!record) throw new Error('getlead.response.xml has no leadRecord');
  const nilMarked = record.replace('<leadAttributeList>', '<leadAttributeList xsi:nil="true">');
  return docsFixture('synclead.response.xml').replace('<leadRecord xsi:nil="true" />', nilMarked);
}

describeWithShared("the documentation's syncLead example", () => {
  it('sends a body with the structure of synclead.request.xml (names, namespaces, order, values)', async () => {
    const syncLead = await serve(docsFixture('synclead.response.xml'));
    await syncLead.syncLead(docExample);
    const sent = raw.server.requests[0]?.body ?? '';
    expect(canonicalBody(sent)).toEqual(canonicalBody(docsFixture('synclead.request.xml')));
  });

  it('signs the request: AuthenticationHeader with the user id, a W3C timestamp and the HMAC of both', async () => {
    const syncLead = await serve(docsFixture('synclead.response.xml'));
    await syncLead.syncLead(docExample);
    const sent = raw.server.requests[0]?.body ?? '';
    const [timestamp] = elementTexts(sent, 'requestTimestamp');
    expect(elementTexts(sent, 'mktowsUserId')).toEqual([userId]);
    expect(timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(elementTexts(sent, 'requestSignature')).toEqual([signRequest({ userId, secretKey, timestamp: timestamp ?? '' })]);
    expect(raw.server.requests[0]?.headers.soapaction).toBe(`"${MKTOWS_NAMESPACE}syncLead"`);
  });

  it('sends MktowsContextHeader only when a workspace is configured', async () => {
    const withWorkspace = await serve(docsFixture('synclead.response.xml'), { workspace: 'Europe' });
    await withWorkspace.syncLead(docExample);
    expect(elementTexts(raw.server.requests[0]?.body ?? '', 'targetWorkspace')).toEqual(['Europe']);
    withWorkspace.close();
    await raw.server.close();
    const without = await serve(docsFixture('synclead.response.xml'));
    await without.syncLead(docExample);
    expect(raw.server.requests[0]?.body).not.toContain('MktowsContextHeader');
  });

  it('parses synclead.response.xml, served as is, to { leadId: 1089965, status: UPDATED }', async () => {
    const syncLead = await serve(docsFixture('synclead.response.xml'));
    await expect(syncLead.syncLead(docExample)).resolves.toEqual({ leadId: 1089965, status: 'UPDATED' });
  });
});

describeWithShared('responses as real Marketo sent them', () => {
  it('keeps every attribute of a leadAttributeList marked xsi:nil="true" that has attribute children', async () => {
    const syncLead = await serve(syncLeadResponseWithNilMarkedAttributes());
    const result = await syncLead.syncLead({ ...docExample, returnLead: true });
    expect(result.lead).toEqual({
      id: DOCUMENTED_LEAD.id,
      email: DOCUMENTED_LEAD.email,
      foreignSysPersonId: null,
      foreignSysType: null,
      attributes: { ...DOCUMENTED_LEAD.attributes, LeadScore: 62 },
      attributeTypes: {
        AnonymousIP: 'string',
        Company: 'string',
        FirstName: 'string',
        InferredCompany: 'string',
        InferredCountry: 'string',
        LastName: 'string',
        LeadScore: 'integer',
        Website: 'url',
      },
    });
  });

  it('an empty 200 body is an InvalidResponseError (soap resolves it to {}), not retried', async () => {
    const syncLead = await serve('');
    const error = await syncLead.syncLead(docExample).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ httpStatus: 200, retryable: false });
    expect(raw.server.requests).toHaveLength(1);
  });

  it('a non-XML 200 body is an InvalidResponseError (soap rejects with a plain object), not retried', async () => {
    const syncLead = await serve('<html><body>Service temporarily unavailable</body');
    const error = await syncLead.syncLead(docExample).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/HTTP 200/);
    expect(raw.server.requests).toHaveLength(1);
  });

  it('a plain-text 200 body is an InvalidResponseError', async () => {
    const syncLead = await serve('OK');
    await expect(syncLead.syncLead(docExample)).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('a SOAP envelope without a successSyncLead result is an InvalidResponseError', async () => {
    const syncLead = await serve(
      '<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body/></SOAP-ENV:Envelope>',
    );
    await expect(syncLead.syncLead(docExample)).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
