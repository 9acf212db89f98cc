// The REST core's access token: one per client, fetched on first use and shared by concurrent calls,
// refreshed before it runs out, and after a 601/602 dropped, fetched again once and the call repeated
// once; a server that keeps refusing tokens ends the call with a typed, non-retryable error.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AbortError, MarketoError, TransportError } from '../src/errors.js';
import { type RawReply } from '@org/test-support';
import { errorReply, json, oneLeadByEmail, restApiFor, type RestTestServer, resultReply, tokenReply, useRestServers } from './support/rest-server.js';

const startServer = useRestServers();

const created = () => resultReply([{ id: 1, status: 'created' }]);
const tokensSent = (s: RestTestServer) => s.apiRequests().map((request) => request.headers.authorization);

/** A reply the test releases when it chooses, and a way to know it was asked for. */
function heldReply(reply: RawReply): { promise: Promise<RawReply>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<RawReply>((resolve) => {
    release = () => resolve(reply);
  });
  return { promise, release };
}

describe('REST access token', () => {
  it('ten concurrent first calls make one identity request and all use its token', async () => {
    const held = heldReply(tokenReply('token-shared'));
    const server = await startServer(created, () => held.promise);
    const api = restApiFor(server);
    const calls = Array.from({ length: 10 }, () => api.syncLeads(oneLeadByEmail));
    await server.waitForRequests(1);
    await nextTurn(); // every call is waiting for the one token request by now
    expect(server.apiRequests()).toHaveLength(0);
    held.release();
    expect(await Promise.all(calls)).toEqual(Array.from({ length: 10 }, () => [{ status: 'CREATED', leadId: 1 }]));
    expect(server.identityRequests()).toHaveLength(1);
    expect(tokensSent(server)).toEqual(Array.from({ length: 10 }, () => 'Bearer token-shared'));
  });

  it('reuses the token until shortly before expires_in runs out, then fetches a new one', async () => {
    let clock = 1_000_000;
    const server = await startServer(created, (index) => tokenReply(`token-${index + 1}`, 3600));
    const api = restApiFor(server, { now: () => clock });
    await api.syncLeads(oneLeadByEmail);
    clock += 3_600_000 - 60_001; // just over a minute left: still used
    await api.syncLeads(oneLeadByEmail);
    clock += 2; // less than a minute left: refreshed first
    await api.syncLeads(oneLeadByEmail);
    expect(server.identityRequests()).toHaveLength(2);
    expect(tokensSent(server)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  it('a short-lived token is refreshed a tenth of its life early', async () => {
    let clock = 0;
    const server = await startServer(created, (index) => tokenReply(`token-${index + 1}`, 10));
    const api = restApiFor(server, { now: () => clock });
    await api.syncLeads(oneLeadByEmail);
    clock = 8_999;
    await api.syncLeads(oneLeadByEmail);
    clock = 9_000;
    await api.syncLeads(oneLeadByEmail);
    expect(tokensSent(server)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  it.each([
    [601, 'Access token invalid'],
    [602, 'Access token expired'],
  ])('after %i the token is fetched again once and the call repeated once with it', async (code, message) => {
    const server = await startServer((index) => (index === 0 ? errorReply(code, message) : created()));
    expect(await restApiFor(server).syncLeads(oneLeadByEmail)).toEqual([{ status: 'CREATED', leadId: 1 }]);
    expect(server.identityRequests()).toHaveLength(2);
    expect(tokensSent(server)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('ten concurrent calls refused with 601 share one new token', async () => {
    const server = await startServer((_index, request) =>
      request.headers.authorization === 'Bearer token-1' ? errorReply(601, 'Access token invalid') : created(),
    );
    const api = restApiFor(server);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => api.syncLeads(oneLeadByEmail)));
    expect(outcomes.flat().every((outcome) => outcome.status === 'CREATED')).toBe(true);
    expect(server.identityRequests()).toHaveLength(2);
    expect(tokensSent(server).filter((token) => token === 'Bearer token-2')).toHaveLength(10);
  });

  it('a 601 storm ends with a non-retryable MarketoError 601 after one refresh: no loop', async () => {
    const server = await startServer(() => errorReply(601, 'Access token invalid'));
    const failure = await restApiFor(server).syncLeads(oneLeadByEmail).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MarketoError);
    expect(failure).toMatchObject({ code: 601, retryable: false, httpStatus: 200, message: 'Marketo fault 601: Access token invalid' });
    expect(server.identityRequests()).toHaveLength(2);
    expect(server.apiRequests()).toHaveLength(2);
  });

  it('a failed identity request is not remembered: the next call asks again', async () => {
    const server = await startServer(created, (index) => (index === 0 ? { status: 503, body: 'busy' } : tokenReply('token-ok')));
    const api = restApiFor(server);
    const failure = await api.syncLeads(oneLeadByEmail).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransportError);
    expect(failure).toMatchObject({ httpStatus: 503, retryable: true });
    expect((failure as Error).message).toContain('HTTP 503 to GET /identity/oauth/token');
    expect(await api.syncLeads(oneLeadByEmail)).toEqual([{ status: 'CREATED', leadId: 1 }]);
    expect(tokensSent(server)).toEqual(['Bearer token-ok']);
  });

  it('wrong client credentials: a TransportError naming HTTP 401 and the OAuth error, no API request', async () => {
    const server = await startServer(created, () => json({ error: 'invalid_client', error_description: 'Bad client credentials' }, 401));
    const failure = await restApiFor(server).syncLeads(oneLeadByEmail).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransportError);
    expect(failure).toMatchObject({ httpStatus: 401, retryable: false });
    expect((failure as Error).message).toBe(
      'The REST server answered HTTP 401 to GET /identity/oauth/token (invalid_client: Bad client credentials)',
    );
    expect(server.apiRequests()).toHaveLength(0);
  });

  it.each([
    ['no access_token', { token_type: 'bearer', expires_in: 3600 }],
    ['token_type is not bearer', { access_token: 'x', token_type: 'mac', expires_in: 3600 }],
    ['expires_in is not a positive number of seconds', { access_token: 'x', token_type: 'bearer', expires_in: 0 }],
  ])('an identity answer with %s is an InvalidResponseError', async (problem, body) => {
    const server = await startServer(created, () => json(body));
    await expect(restApiFor(server).syncLeads(oneLeadByEmail)).rejects.toMatchObject({
      name: 'InvalidResponseError',
      message: `The identity answer to GET /identity/oauth/token is unusable: ${problem}`,
    });
  });

  it("one caller's abort while the token is fetched ends only that call", async () => {
    const held = heldReply(tokenReply('token-shared'));
    const server = await startServer(created, () => held.promise);
    const api = restApiFor(server);
    const controller = new AbortController();
    const aborted = api.syncLeads(oneLeadByEmail, { signal: controller.signal });
    const other = api.syncLeads(oneLeadByEmail);
    await server.waitForRequests(1);
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    held.release();
    expect(await other).toEqual([{ status: 'CREATED', leadId: 1 }]);
    expect(server.identityRequests()).toHaveLength(1);
    expect(server.apiRequests()).toHaveLength(1);
  });
});
