// createSyncLeadClient({ rest }) against @org/mktows-mock's REST side: the same calls as over SOAP, the
// options checked before any request, Describe Leads read once per client, what REST cannot express
// refused unsent, partitionName, and createSyncLeadClientFromEnv with the REST variables.
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AbortError, createSyncLeadClient, createSyncLeadClientFromEnv, ValidationError } from '../src/index.js';
import { startMock, type MockFixture } from './support/mock.js';
import { repoRoot, runProcess } from '@org/test-support';

let mock: MockFixture;
beforeAll(async () => {
  mock = await startMock({
    rateLimit: false,
    dailyQuota: false,
    workspaces: { workspaces: [{ name: 'EMEA', primaryPartition: 'EMEA Leads' }] },
  });
});
afterAll(() => mock.close());
beforeEach(() => mock.server.reset());

describe('REST client', () => {
  it('creates, then updates, with SOAP field names mapped through Describe Leads read once per client', async () => {
    const client = mock.restClient();
    const input = { email: 'george@jungle.example', attributes: { FirstName: 'George', LeadScore: 62 } };
    expect(await client.syncLead(input)).toEqual({ leadId: 1, status: 'CREATED' });
    expect(await client.syncLead({ ...input, attributes: { LastName: 'of the Jungle' } })).toEqual({ leadId: 1, status: 'UPDATED' });
    expect(mock.server.leads()).toEqual([
      expect.objectContaining({ email: 'george@jungle.example', attributes: { FirstName: 'George', LeadScore: '62', LastName: 'of the Jungle' } }),
    ]);
    expect(mock.server.stats().rest.calls).toEqual({ describeUsingGET_2: 1, syncLeadUsingPOST: 2 });
    expect(mock.server.stats().rest.identityRequests).toBe(1);
  });

  it('a lead without attributes needs no Describe; syncLeads answers every input by position', async () => {
    const client = mock.restClient();
    const { results, created, updated, failed } = await client.syncLeads([
      { email: 'a@example.com' },
      { email: 'b@example.com' },
      { email: 'a@example.com' },
      { email: 'c@example.com', marketoCookie: 'id:123-ABC-456&token:_mch-x' },
    ]);
    expect(results.map((result) => [result.status, result.leadId])).toEqual([
      ['CREATED', 1],
      ['CREATED', 2],
      ['UPDATED', 1],
      ['FAILED', undefined],
    ]);
    expect(results[3]?.error).toBeInstanceOf(ValidationError);
    expect([created, updated, failed]).toEqual([2, 1, 1]);
    expect(mock.server.stats().rest.calls).toEqual({ syncLeadUsingPOST: 1 });
  });

  it('syncLeads: a request refused as too large (HTTP 413) is split until the lead that is too large fails alone', async () => {
    const small = await startMock({ rateLimit: false, maxRequestBytes: 2048 });
    try {
      const leads = Array.from({ length: 8 }, (_, index) => ({ email: `big${index}@example.com`, attributes: { Address: 'x'.repeat(index === 5 ? 3000 : 400) } }));
      const { results } = await small.restClient().syncLeads(leads);
      expect(results.map((result) => result.status)).toEqual(['CREATED', 'CREATED', 'CREATED', 'CREATED', 'CREATED', 'FAILED', 'CREATED', 'CREATED']);
      expect(results[5]?.error).toMatchObject({ name: 'TransportError', httpStatus: 413 });
      expect(small.server.leads().map((lead) => lead.email)).toEqual(leads.filter((_, index) => index !== 5).map((lead) => lead.email));
      // With the client's maxRequestBytes set to what the server takes, batches are cut to fit and the lead
      // too large fails alone, unsent: no request is refused.
      small.server.reset();
      const fitted = await small.restClient({ maxRequestBytes: 2048 + 4096 }).syncLeads(leads);
      expect(fitted.results[5]?.error).toMatchObject({ name: 'ValidationError', field: 'lead' });
      expect(fitted.created).toBe(7);
      expect(small.server.stats().rest.httpErrors).toEqual({});
    } finally {
      await small.close();
    }
  });

  it('refuses what REST cannot express before any request, naming the field', async () => {
    const client = mock.restClient();
    await expect(client.syncLead({ email: 'c@example.com', marketoCookie: 'id:123-ABC-456&token:_mch-x' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'marketoCookie',
    });
    await expect(client.syncLead({ foreignSysPersonId: 'P-1', foreignSysType: 'CUSTOM' })).rejects.toMatchObject({ field: 'foreignSysType' });
    expect(mock.server.stats().rest).toMatchObject({ identityRequests: 0, requests: 0 });
  });

  it('rest.partitionName places new leads in that partition (SOAP workspaces have no REST equivalent)', async () => {
    await mock.restClient({ rest: { partitionName: 'EMEA Leads' } }).syncLead({ email: 'emea@example.com' });
    expect(mock.server.leads()[0]).toMatchObject({ workspace: 'EMEA', partition: 'EMEA Leads' });
  });

  it.each([
    [{ rest: { endpoint: 'http://marketo.example/rest', clientId: 'x', clientSecret: 'y' } }, 'rest.endpoint'],
    [{ rest: { endpoint: 'https://marketo.example/rest', clientId: '', clientSecret: 'y' } }, 'rest.clientId'],
    [{ rest: { endpoint: 'https://marketo.example/rest', clientId: 'x', clientSecret: 'y', secret: 'z' } }, 'rest.secret'],
    [{ rest: { endpoint: 'https://marketo.example/rest', clientId: 'x', clientSecret: 'y' }, workspace: 'EMEA' }, 'workspace'],
  ])('refuses bad REST options (%j) naming %s', (options, field) => {
    expect(() => createSyncLeadClient(options as never)).toThrow(expect.objectContaining({ name: 'ValidationError', field }));
  });
});

describe('loading', () => {
  it('the REST transport is loaded on the first REST call, never by importing the package or by a SOAP client', async () => {
    const script = `
      const loaded = () => Object.keys(require.cache).some((file) => file.includes('rest-http'));
      const { createSyncLeadClient } = require(${JSON.stringify(path.join(repoRoot, 'packages/sync-lead/dist/cjs/index.js'))});
      const before = loaded();
      const client = createSyncLeadClient({ rest: { endpoint: 'http://127.0.0.1:9/rest', clientId: 'c', clientSecret: 's' }, retry: false });
      const created = loaded();
      client.syncLead({ email: 'a@example.com' }).catch(() => {}).finally(() => { console.log(JSON.stringify([before, created, loaded()])); client.close(); });`;
    const result = await runProcess(process.execPath, ['-e', script]);
    expect(result.stdout.trim()).toBe('[false,false,true]');
  });

  it('close() while the first call waits for the transport ends that call with an AbortError', async () => {
    const client = mock.restClient();
    const pending = client.syncLead({ email: 'closing@example.com' });
    client.close();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(() => client.syncLeadsStream([])).toThrow(ValidationError);
  });
});

describe('createSyncLeadClientFromEnv over REST', () => {
  const restEnv = () => ({
    MARKETO_REST_ENDPOINT: mock.server.restUrl,
    MARKETO_CLIENT_ID: mock.clientId,
    MARKETO_CLIENT_SECRET: mock.clientSecret,
  });

  it('reads the REST variables when only the REST endpoint is set, or with transport: rest', async () => {
    const client = createSyncLeadClientFromEnv({ rateLimit: false }, restEnv());
    const both = createSyncLeadClientFromEnv(
      { transport: 'rest', rateLimit: false },
      { ...restEnv(), MARKETO_SOAP_ENDPOINT: mock.server.url, MARKETO_USER_ID: mock.userId, MARKETO_SECRET_KEY: mock.secretKey },
    );
    try {
      expect(await client.syncLead({ email: 'env@example.com' })).toEqual({ leadId: 1, status: 'CREATED' });
      expect(await both.syncLead({ email: 'env@example.com' })).toEqual({ leadId: 1, status: 'UPDATED' });
      expect(mock.server.stats().calls).toEqual({});
    } finally {
      client.close();
      both.close();
    }
  });

  it.each([
    ['MARKETO_CLIENT_ID', { MARKETO_REST_ENDPOINT: 'https://x.mktorest.com/rest', MARKETO_CLIENT_SECRET: 's' }],
    ['MARKETO_CLIENT_SECRET', { MARKETO_REST_ENDPOINT: 'https://x.mktorest.com/rest', MARKETO_CLIENT_ID: 'c' }],
    ['MARKETO_REST_ENDPOINT', { MARKETO_CLIENT_ID: 'c', MARKETO_CLIENT_SECRET: 's' }],
  ])('names the missing %s', (variable, env) => {
    expect(() => createSyncLeadClientFromEnv({ transport: 'rest' }, env)).toThrow(expect.objectContaining({ field: variable }));
  });
});
