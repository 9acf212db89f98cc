// The REST side over HTTP: Marketo's envelope and request-level codes (605, 609, 610, 612), the HTTP
// statuses Marketo answers (413, 414), limits shared with SOAP calls (606, 615, 607), injected faults
// (failNextRest), and the reads: lead by id, leads by filter with paging tokens, describe.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { MockServer } from '../src/index.js';
import { syncLead } from './support/raw-calls.js';
import type { RestRecord } from './support/rest-http.js';
import { restCall, startRestTestServer, syncLeadsRest, tokenOf } from './support/rest-http.js';

let server: MockServer;
let token: string;
beforeAll(async () => {
  server = await startRestTestServer({ maxRequestBytes: 4096 });
  token = await tokenOf(server);
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const call = (method: string, path: string, options: Parameters<typeof restCall>[3] = {}) =>
  restCall(server, method, path, { token, ...options });

describe('REST envelope and request-level errors', () => {
  it.each([
    ['PUT', '/v1/leads.json', { body: { input: [] } }, '605'],
    ['GET', '/v1/opportunities.json', {}, '610'],
    ['POST', '/v1/leads.json', { body: '{"input": [', contentType: 'application/json' }, '609'],
    ['POST', '/v1/leads.json', { body: 'input=1', contentType: 'application/x-www-form-urlencoded' }, '612'],
  ] as const)('%s %s answers HTTP 200 with success false and %s', async (method, path, options, code) => {
    const answer = await call(method, path, options);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      requestId: expect.any(String),
      success: false,
      errors: [{ code, message: expect.any(String) }],
    });
  });

  it('answers 413 for a body over maxRequestBytes and 414 for a URI over 8 KiB, as Marketo does', async () => {
    const big = await call('POST', '/v1/leads.json', { body: { input: [{ email: 'x'.repeat(5000) }] } });
    expect(big.status).toBe(413);
    const long = await call('GET', `/v1/leads.json?filterType=email&filterValues=${'a'.repeat(9000)}`);
    expect(long.status).toBe(414);
    expect(server.stats().rest.httpErrors).toEqual({ 413: 1, 414: 1 });
  });

  it('failNextRest: HTTP statuses, REST codes and transport faults, one per Lead Database call, in order', async () => {
    server.failNextRest(502, 611, 'malformed', 'reset', 'resetAfterCommit');
    const request = { input: [{ email: 'faults@example.com' }] };
    expect((await call('POST', '/v1/leads.json', { body: request })).status).toBe(502);
    expect((await call('POST', '/v1/leads.json', { body: request })).json?.errors).toEqual([
      { code: '611', message: 'injected by mktows-mock' },
    ]);
    const malformed = await call('POST', '/v1/leads.json', { body: request });
    expect([malformed.status, malformed.json]).toEqual([200, undefined]);
    await expect(call('POST', '/v1/leads.json', { body: request })).rejects.toThrow();
    expect(server.leads()).toEqual([]);
    await expect(call('POST', '/v1/leads.json', { body: request })).rejects.toThrow();
    expect(server.leads()).toHaveLength(1); // resetAfterCommit: written, never answered
    expect(server.stats().rest.injected).toEqual({ 502: 1, 611: 1, malformed: 1, reset: 1, resetAfterCommit: 1 });
    expect(() => server.failNextRest(20016)).toThrow(/HTTP status from 400 to 599, a REST error code/);
  });
});

describe('limits shared with SOAP', () => {
  it('SOAP and REST calls count in one rate window (606 over REST, 20023 over SOAP)', async () => {
    const limited = await startRestTestServer({ rateLimit: { calls: 2, windowMs: 60_000 } });
    try {
      const limitedToken = await tokenOf(limited);
      expect(await syncLead(limited.url, { Email: 'soap@example.com' })).toMatchObject({ status: 'CREATED' });
      expect((await syncLeadsRest(limited, { input: [{ email: 'rest@example.com' }] }, limitedToken)).success).toBe(
        true,
      );
      expect((await syncLeadsRest(limited, { input: [] }, limitedToken)).errors?.[0]?.code).toBe('606');
      expect(await syncLead(limited.url, { Email: 'soap@example.com' })).toMatchObject({ fault: { code: 20023 } });
    } finally {
      await limited.close();
    }
  });

  it('the daily quota is shared too (607)', async () => {
    const limited = await startRestTestServer({ dailyQuota: 1 });
    try {
      await syncLead(limited.url, { Email: 'soap@example.com' });
      expect((await syncLeadsRest(limited, { input: [] })).errors).toEqual([
        { code: '607', message: expect.stringMatching(/^Daily quota reached: daily quota of 1 calls/) },
      ]);
    } finally {
      await limited.close();
    }
  });

  it('a REST call beyond the calls in flight is refused with 615 while a SOAP call is in flight', async () => {
    const limited = await startRestTestServer({
      concurrencyLimit: 1,
      faults: { latency: { rate: 1, minMs: 60_000, maxMs: 60_000 }, operations: ['syncLead'] },
    });
    const held = syncLead(limited.url, { Email: 'held@example.com' }).catch((error: unknown) => error);
    while (limited.stats().peakInFlight < 1) await new Promise((resolve) => setImmediate(resolve));
    expect((await syncLeadsRest(limited, { input: [] })).errors?.[0]?.code).toBe('615');
    await limited.close();
    await held;
  });
});

describe('REST reads', () => {
  it('a lead written over SOAP is read over REST by id and by filter, with typed values', async () => {
    await syncLead(server.url, {
      Email: 'soap@example.com',
      attributes: { FirstName: 'Sö', LeadScore: '7', DoNotCall: '1' },
    });
    const byId = await call('GET', '/v1/lead/1.json?fields=email,firstName,leadScore,doNotCall,city');
    expect(byId.json).toEqual({
      requestId: expect.any(String),
      success: true,
      result: [{ email: 'soap@example.com', firstName: 'Sö', leadScore: 7, doNotCall: true, city: null }],
    });
    expect((await call('GET', '/v1/lead/2.json')).json?.result).toEqual([]);
    expect((await call('GET', '/v1/lead/1.json?fields=shoeSize')).json?.errors?.[0]?.code).toBe('1006');
  });

  it('leads by filter: values comma-separated, pages of batchSize with a nextPageToken bound to the query', async () => {
    const input = Array.from({ length: 5 }, (_, i) => ({ email: `p${i}@example.com`, company: 'Acme' }));
    await syncLeadsRest(server, { input }, token);
    const first = await call('GET', '/v1/leads.json?filterType=company&filterValues=Acme,Other&fields=id&batchSize=3');
    expect(first.json).toMatchObject({
      success: true,
      result: [{ id: 1 }, { id: 2 }, { id: 3 }],
      nextPageToken: expect.any(String),
    });
    const pageToken = String(first.json?.nextPageToken);
    const second = await call(
      'GET',
      `/v1/leads.json?filterType=company&filterValues=Acme,Other&fields=id&batchSize=3&nextPageToken=${pageToken}`,
    );
    expect(second.json).toEqual({ requestId: expect.any(String), success: true, result: [{ id: 4 }, { id: 5 }] });
    const other = await call(
      'GET',
      `/v1/leads.json?filterType=email&filterValues=p1@example.com&nextPageToken=${pageToken}`,
    );
    expect(other.json?.errors?.[0]?.code).toBe('1001');
    const byEmail = await call(
      'GET',
      '/v1/leads.json?filterType=email&filterValues=P1@example.com,p4@example.com&fields=email',
    );
    expect(byEmail.json?.result).toEqual([{ email: 'p1@example.com' }, { email: 'p4@example.com' }]);
  });

  it('describe lists every field with its REST and SOAP names', async () => {
    const fields = (await call('GET', '/v1/leads/describe.json')).json?.result as RestRecord[];
    expect(fields[0]).toEqual({
      id: 1,
      displayName: 'Id',
      dataType: 'integer',
      rest: { name: 'id', readOnly: true },
      soap: { name: 'Id', readOnly: true },
    });
    expect(fields).toContainEqual({
      id: expect.any(Number),
      displayName: 'First Name',
      dataType: 'string',
      length: 255,
      rest: { name: 'firstName', readOnly: false },
      soap: { name: 'FirstName', readOnly: false },
    });
    expect(fields.find((field) => field.soap?.name === 'SFDCLeadId')?.rest).toEqual({
      name: 'sfdcLeadId',
      readOnly: false,
    });
    expect(fields.find((field) => field.soap?.name === 'AnonymousIP')?.rest?.name).toBe('anonymousIP');
  });
});
