// What @org/mktows-mock receives over REST from the client, read off the wire through a recording proxy:
// Marketo's own sample (syncLead by email with two attributes) as the identity call (GET, client
// credentials grant, no Authorization), Describe Leads once, and Sync Leads (POST, `Authorization: Bearer`
// with the token the identity service issued, a JSON body with action, lookupField and input by REST
// field names), as Marketo's REST documentation describes them; the mock stores the lead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncLeadClient, type SyncLeadClient } from '../src/index.js';
import { startMock, type MockFixture } from './support/mock.js';
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy.js';

let mock: MockFixture;
let proxy: RecordingProxy;
let client: SyncLeadClient;
beforeAll(async () => {
  mock = await startMock({ rateLimit: false });
  proxy = await startRecordingProxy(new URL(mock.server.restUrl).origin);
  client = createSyncLeadClient({ rest: { endpoint: `${proxy.origin}/rest`, clientId: mock.clientId, clientSecret: mock.clientSecret } });
});
afterAll(async () => {
  client.close();
  await proxy.close();
  await mock.close();
});

describe('the raw REST requests the mock receives', () => {
  it("Marketo's sample syncLead: identity, Describe Leads, then Sync Leads, each as Marketo documents it", async () => {
    const sample = { email: 't@t.com', attributes: { FirstName: 'George', LastName: 'of the Jungle' } };
    expect(await client.syncLead(sample)).toEqual({ leadId: 1, status: 'CREATED' });

    const [identity, describeCall, sync, ...rest] = proxy.exchanges;
    expect(rest).toEqual([]);
    const tokenUrl = new URL(identity!.request.url, proxy.origin);
    expect([identity!.request.method, tokenUrl.pathname]).toEqual(['GET', '/identity/oauth/token']);
    expect([...tokenUrl.searchParams]).toEqual([
      ['grant_type', 'client_credentials'],
      ['client_id', mock.clientId],
      ['client_secret', mock.clientSecret],
    ]);
    expect(identity!.request.headers.authorization).toBeUndefined();
    expect(identity!.request.body).toBe('');
    const token = (JSON.parse(identity!.responseBody) as { access_token: string }).access_token;
    expect(identity!.status).toBe(200);

    expect([describeCall!.request.method, describeCall!.request.url]).toEqual(['GET', '/rest/v1/leads/describe.json']);
    expect(describeCall!.request.headers.authorization).toBe(`Bearer ${token}`);

    expect([sync!.request.method, sync!.request.url]).toEqual(['POST', '/rest/v1/leads.json']);
    expect(sync!.request.headers).toMatchObject({
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'content-length': String(Buffer.byteLength(sync!.request.body)),
    });
    expect(JSON.parse(sync!.request.body)).toEqual({
      action: 'createOrUpdate',
      lookupField: 'email',
      input: [{ firstName: 'George', lastName: 'of the Jungle', email: 't@t.com' }],
    });
    expect(JSON.parse(sync!.responseBody)).toEqual({ requestId: expect.any(String), success: true, result: [{ id: 1, status: 'created' }] });
    expect(proxy.exchanges.map(({ request }) => request.url).join(' ')).not.toContain('access_token');
    expect(mock.server.leads()).toEqual([expect.objectContaining({ email: 't@t.com', attributes: { FirstName: 'George', LastName: 'of the Jungle' } })]);
  });

  it('syncLeads: one Sync Leads request per run of a key kind, Id-keyed records as updateOnly by id', async () => {
    proxy.exchanges.length = 0;
    await client.syncLeads([{ email: 't@t.com', attributes: { LeadScore: 62 } }, { id: 1, attributes: { Unsubscribed: true } }]);
    expect(proxy.exchanges.map(({ request }) => JSON.parse(request.body) as unknown)).toEqual([
      { action: 'createOrUpdate', lookupField: 'email', input: [{ leadScore: 62, email: 't@t.com' }] },
      { action: 'updateOnly', lookupField: 'id', input: [{ unsubscribed: true, id: 1 }] },
    ]);
  });
});
