// The REST client's access token against @org/mktows-mock's identity service: ten concurrent first calls
// make one identity request; a token the mock has expired (lifetime shortened, the mock's clock moved on)
// is refreshed once and the call succeeds; a token refreshed before it runs out by the client's clock; a
// 601 storm ends with a typed, non-retryable error after one refresh, never a loop.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MarketoError, type TraceEvent } from '../src/index.js';
import { startMock, type MockFixture } from './support/mock.js';

let mock: MockFixture;
let serverNow = Date.parse('2026-08-03T09:00:00Z');
beforeAll(async () => {
  // Tokens live 60 s by the mock's clock, which the tests move.
  mock = await startMock({ rateLimit: false, dailyQuota: false, clock: () => serverNow, rest: { tokenLifetimeSeconds: 60 } });
});
afterAll(() => mock.close());
beforeEach(() => mock.server.reset());


describe('REST access token against the mock', () => {
  it('ten concurrent first calls cause one identity request, and all of them succeed with its token', async () => {
    const client = mock.restClient();
    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => client.syncLead({ email: `ten${index}@example.com` })));
    expect(results.map((result) => result.status)).toEqual(Array.from({ length: 10 }, () => 'CREATED'));
    expect(mock.server.stats().rest).toMatchObject({ identityRequests: 1, requests: 10, errors: {} });
  });

  it('a token the mock has expired is refreshed once (602), and the call succeeds', async () => {
    const traces: TraceEvent[] = [];
    const client = mock.restClient({ onTrace: (event) => traces.push(event) });
    expect(await client.syncLead({ email: 'expiry@example.com' })).toEqual({ leadId: 1, status: 'CREATED' });
    serverNow += 61_000; // past the 60 s lifetime by the mock's clock; the client's clock has not moved
    expect(await client.syncLead({ email: 'expiry@example.com' })).toEqual({ leadId: 1, status: 'UPDATED' });
    expect(mock.server.stats().rest).toMatchObject({ identityRequests: 2, requests: 3, errors: { 602: 1 } });
    const statuses = traces.flatMap((event) => (event.type === 'rest-response' ? [`${event.operation} ${event.body.includes('"602"') ? 602 : event.httpStatus}`] : []));
    expect(statuses).toEqual([
      'identityUsingGET 200',
      'syncLeadUsingPOST 200',
      'syncLeadUsingPOST 602',
      'identityUsingGET 200',
      'syncLeadUsingPOST 200',
    ]);
    expect(traces.some((event) => event.type === 'retry')).toBe(false); // the refresh is not a retry
  });

  it('the client refreshes a token before it runs out by its own clock (a tenth of a short life early)', async () => {
    let clientNow = serverNow;
    const client = mock.restClient({ now: () => new Date(clientNow) });
    await client.syncLead({ email: 'early@example.com' });
    clientNow += 53_000;
    serverNow += 53_000;
    await client.syncLead({ email: 'early@example.com' });
    expect(mock.server.stats().rest).toMatchObject({ identityRequests: 1 });
    clientNow += 1_000; // 54 s of 60: within the last tenth
    serverNow += 1_000;
    await client.syncLead({ email: 'early@example.com' });
    expect(mock.server.stats().rest).toMatchObject({ identityRequests: 2, errors: {} });
  });

  it('a 601 storm ends with a non-retryable MarketoError 601 after one refresh and one repeat: no loop', async () => {
    mock.server.failNextRest(601, 601, 601, 601);
    const client = mock.restClient({ retry: { maxAttempts: 4, initialDelayMs: 1, maxDelayMs: 5 } });
    const failure = await client.syncLead({ email: 'storm@example.com' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MarketoError);
    expect(failure).toMatchObject({ code: 601, retryable: false, message: 'Marketo fault 601: injected by mktows-mock' });
    // One call, one token refresh, one repeat: the client's four attempts were not spent on it.
    expect(mock.server.stats().rest).toMatchObject({ identityRequests: 2, requests: 2, errors: { 601: 2 } });
  });
});
