// Raw REST over HTTP for tests of the mock's REST side: the test client's credentials, a token from the
// identity service, and Lead Database calls with fetch, answers parsed as JSON.
import type { MockServer, MockServerOptions } from '../../src/index.js';
import { startTestServer } from './test-server.js';

/** The REST client every REST test server knows (test-only values). */
export const TEST_CLIENT_ID = 'mock-test-client-0f1e2d3c';
export const TEST_CLIENT_SECRET = 'mock-test-client-secret-4b5a6978';

/** Starts a test server whose REST side knows the test client; `options` override the defaults. */
export function startRestTestServer(options: Partial<MockServerOptions> = {}): Promise<MockServer> {
  return startTestServer({ rest: { clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET }, ...options });
}

/** A `{ code, message }` entry of `errors` or `reasons`. */
export interface RestEntry {
  code: string;
  message: string;
}

/** A record of `result`: a lead, a sync result or a described field (the tests assert which). */
export interface RestRecord {
  [field: string]: unknown;
  id?: number;
  status?: string;
  reasons?: RestEntry[];
  rest?: { name: string; readOnly: boolean };
  soap?: { name: string; readOnly: boolean };
}

/** A JSON answer of the REST side: an envelope or an identity answer. */
export interface RestJson {
  [field: string]: unknown;
  requestId?: string;
  success?: boolean;
  result?: RestRecord[];
  errors?: RestEntry[];
  nextPageToken?: string;
  access_token?: string;
  expires_in?: number;
  error?: string;
}

/** A REST answer. */
export interface RestAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: RestJson | undefined;
}

async function answerOf(response: Response): Promise<RestAnswer> {
  const text = await response.text();
  let json: RestJson | undefined;
  try {
    json = JSON.parse(text) as RestJson;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** `GET /identity/oauth/token` with these query parameters (the test client's by default). */
export async function identity(server: MockServer, query?: Record<string, string>): Promise<RestAnswer> {
  const params = new URLSearchParams(
    query ?? { grant_type: 'client_credentials', client_id: TEST_CLIENT_ID, client_secret: TEST_CLIENT_SECRET },
  );
  return answerOf(await fetch(`${server.identityUrl}/oauth/token?${params.toString()}`));
}

/** A fresh access token of the test client. */
export async function tokenOf(server: MockServer): Promise<string> {
  const answer = await identity(server);
  if (answer.status !== 200 || typeof answer.json?.access_token !== 'string') {
    throw new Error(`no token: ${answer.status} ${answer.text}`);
  }
  return answer.json.access_token;
}

/** Options of one Lead Database call. */
export interface RestCallOptions {
  token?: string | undefined;
  /** A JSON body (sent as application/json unless `contentType` says otherwise), or raw text. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** One call to `path` (e.g. `/v1/leads.json`, under `server.restUrl`). */
export async function restCall(
  server: MockServer,
  method: string,
  path: string,
  options: RestCallOptions = {},
): Promise<RestAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] = options.contentType ?? 'application/json';
  }
  return answerOf(await fetch(`${server.restUrl}${path}`, { method, headers, body }));
}

/** Sync Leads with a fresh token: the envelope of the answer. */
export async function syncLeadsRest(
  server: MockServer,
  request: Record<string, unknown>,
  token?: string,
): Promise<RestJson> {
  const answer = await restCall(server, 'POST', '/v1/leads.json', {
    token: token ?? (await tokenOf(server)),
    body: request,
  });
  if (answer.status !== 200 || answer.json === undefined) throw new Error(`HTTP ${answer.status}: ${answer.text}`);
  return answer.json;
}
