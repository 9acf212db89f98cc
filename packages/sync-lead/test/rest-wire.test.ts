// The REST core's requests as Marketo documents them, read off the wire: the identity call (GET with
// the client credentials grant), Sync Leads (POST, bearer token, JSON body with action, lookupField and
// input), Get Lead by Id and Describe Leads; endpoints given as Marketo shows them (`.../rest`,
// `.../identity`) or as bare hosts.
import { describe, expect, it } from 'vitest';
import { toRestSyncPlan } from '../src/rest/rest-sync-request.js';
import { validateSyncLeadInput } from '../src/sync-lead-input.js';
import { CLIENT_ID, CLIENT_SECRET, restApiFor, resultReply, useRestServers } from './support/rest-server.js';

const startServer = useRestServers();

describe('REST requests on the wire', () => {
  it("Marketo's sample syncLead (email and two attributes) goes out as the identity call, then Sync Leads", async () => {
    const server = await startServer(() => resultReply([{ id: 1089965, status: 'created' }]));
    const input = validateSyncLeadInput({ email: 'george@jungle.example', attributes: { FirstName: 'George', LastName: 'of the Jungle' } });
    const [group] = toRestSyncPlan([input]).groups;
    const outcomes = await restApiFor(server).syncLeads(group!.request);
    expect(outcomes).toEqual([{ status: 'CREATED', leadId: 1089965 }]);

    const [identity, sync] = server.requests;
    expect(identity!.method).toBe('GET');
    const tokenUrl = new URL(identity!.url, server.origin);
    expect(tokenUrl.pathname).toBe('/identity/oauth/token');
    expect([...tokenUrl.searchParams]).toEqual([
      ['grant_type', 'client_credentials'],
      ['client_id', CLIENT_ID],
      ['client_secret', CLIENT_SECRET],
    ]);
    expect(identity!.headers.authorization).toBeUndefined();
    expect(identity!.body).toBe('');

    expect(sync!.method).toBe('POST');
    expect(sync!.url).toBe('/rest/v1/leads.json');
    expect(sync!.headers.authorization).toBe('Bearer token-1');
    expect(sync!.headers['content-type']).toBe('application/json');
    expect(sync!.headers.accept).toBe('application/json');
    expect(Number(sync!.headers['content-length'])).toBe(Buffer.byteLength(sync!.body));
    expect(sync!.url).not.toContain('access_token');
    expect(JSON.parse(sync!.body)).toEqual({
      action: 'createOrUpdate',
      lookupField: 'email',
      input: [{ FirstName: 'George', LastName: 'of the Jungle', email: 'george@jungle.example' }],
    });
  });

  it('keys, JSON values and non-ASCII text reach the body exactly', async () => {
    const server = await startServer(() => resultReply([{ id: 7, status: 'updated' }]));
    const input = validateSyncLeadInput({
      id: 7,
      email: 'zoë@example.com',
      foreignSysPersonId: '00Q5000000AbCdE',
      foreignSysType: 'SFDC',
      attributes: { Company: 'Tom & "Jerry" <Ltd>', LeadScore: 62, Unsubscribed: false, Birthdate: new Date('1990-01-02T00:00:00Z'), Title: null, Skip: undefined },
    });
    await restApiFor(server).syncLeads(toRestSyncPlan([input]).groups[0]!.request);
    expect(JSON.parse(server.apiRequests()[0]!.body)).toEqual({
      action: 'updateOnly',
      lookupField: 'id',
      input: [
        {
          Company: 'Tom & "Jerry" <Ltd>',
          LeadScore: 62,
          Unsubscribed: false,
          Birthdate: '1990-01-02T00:00:00.000Z',
          Title: null,
          email: 'zoë@example.com',
          sfdcLeadId: '00Q5000000AbCdE',
          id: 7,
        },
      ],
    });
  });

  it('accepts the endpoints as Marketo shows them (.../rest, .../identity) without doubling the segment', async () => {
    const server = await startServer(() => resultReply([{ id: 5, email: 'a@example.com' }]));
    const api = restApiFor(server, {
      endpoint: new URL(`${server.origin}/rest`),
      identityEndpoint: new URL(`${server.origin}/identity/`),
    });
    await api.getLeadById(5, ['email', 'firstName']);
    await api.describeLeads();
    expect(server.requests.map((request) => `${request.method} ${request.url.split('?')[0]}`)).toEqual([
      'GET /identity/oauth/token',
      'GET /rest/v1/lead/5.json',
      'GET /rest/v1/leads/describe.json',
    ]);
    expect(server.apiRequests()[0]!.url).toBe('/rest/v1/lead/5.json?fields=email%2CfirstName');
    expect(server.apiRequests().every((request) => request.headers.authorization === 'Bearer token-1')).toBe(true);
  });
});
