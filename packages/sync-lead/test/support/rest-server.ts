// Scripted REST servers on loopback for the REST core's tests: Marketo-shaped JSON answers over the raw
// server (which records method, path, headers and body of every request), and the core pointed at one.
import { createRestLeadApi, type RestLeadApi, type RestLeadApiOptions } from '../../src/rest/rest-lead-api.js';
import { type RawReply, type RawServer, type RecordedRequest, startRawServer, useClosers } from '@org/test-support';

/** Credentials of the test clients (the secret is what leak tests look for). */
export const CLIENT_ID = 'b417d98f-9289-47d1-a61f-db141bf0267f';
export const CLIENT_SECRET = 'q0xYhtN1Sd9ZwR7fKc3sP2vLm8JtUa5Q';

/** A JSON answer. */
export function json(body: unknown, status = 200): RawReply {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json;charset=UTF-8' } };
}

/** The identity service's answer with `token`. */
export function tokenReply(token: string, expiresIn = 3599): RawReply {
  return json({ access_token: token, token_type: 'bearer', expires_in: expiresIn, scope: 'apiuser@example.com' });
}

/** A Lead Database answer with `result`. */
export function resultReply(result: unknown[]): RawReply {
  return json({ requestId: 'e42b#14272d07d78', success: true, result });
}

/** A failed Lead Database request with Marketo's `code` (sent as a string, as Marketo does). */
export function errorReply(code: number, message: string): RawReply {
  return json({ requestId: 'e42b#14272d07d79', success: false, errors: [{ code: String(code), message }] });
}

/** Whether a recorded request went to the identity service. */
export const isIdentity = (request: RecordedRequest): boolean => request.url.startsWith('/identity/');

/** A scripted server whose identity and Lead Database requests are answered by separate scripts. */
export interface RestTestServer extends RawServer {
  /** `http://127.0.0.1:PORT`, the REST endpoint. */
  origin: string;
  identityRequests(): RecordedRequest[];
  apiRequests(): RecordedRequest[];
}

/**
 * Starts a server: identity requests get `identity(n)` (n counts identity requests from 0), the others
 * `api(n, request)` (n counts Lead Database requests from 0).
 */
export async function startRestServer(
  api: (index: number, request: RecordedRequest) => RawReply | Promise<RawReply>,
  identity: (index: number) => RawReply | Promise<RawReply> = (index) => tokenReply(`token-${index + 1}`),
): Promise<RestTestServer> {
  let identityCount = 0;
  let apiCount = 0;
  const server = await startRawServer((_index, request) => (isIdentity(request) ? identity(identityCount++) : api(apiCount++, request)));
  return {
    ...server,
    origin: new URL(server.url).origin,
    identityRequests: () => server.requests.filter(isIdentity),
    apiRequests: () => server.requests.filter((request) => !isIdentity(request)),
  };
}

/** startRestServer for the tests of a file: every server a test starts is closed after it. */
export function useRestServers(): typeof startRestServer {
  const closeAfterTest = useClosers<RestTestServer>();
  return async (api, identity) => closeAfterTest(await startRestServer(api, identity));
}

/** The REST core pointed at `server`. */
export function restApiFor(server: RestTestServer, options: Partial<RestLeadApiOptions> = {}): RestLeadApi {
  return createRestLeadApi({
    endpoint: new URL(server.origin),
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    limits: { timeoutMs: 5_000 },
    ...options,
  });
}

/** A Sync Leads body of one lead by email. */
export const oneLeadByEmail = { action: 'createOrUpdate' as const, lookupField: 'email', input: [{ email: 'george@jungle.example' }] };
