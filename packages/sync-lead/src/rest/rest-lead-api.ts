// The REST core of one client: Lead Database calls with the client's bearer token, each bounded by the
// HTTP limits, with Marketo's 601/602 handled as Marketo says: the token is dropped, a new one fetched
// (one identity request however many calls saw the refusal) and the call repeated once. A second
// 601/602 ends the call with that MarketoError, marked not retryable: a token storm must not turn into a
// loop of identity and API requests. Every exchange (the identity request included) can be traced,
// with the client secret and every token redacted.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { LeadAttribute, SyncLeadRequest } from '@org/marketo-rest-types';
import { REST_OPERATIONS } from '@org/marketo-rest-types';
import type { LeadOutcome } from '../bulk/lead-outcome.js';
import { MarketoError } from '../errors.js';
import { findRestCode } from './rest-error-codes.js';
import { readRestEnvelope, type RestEnvelope } from './rest-envelope.js';
import { DEFAULT_MAX_RESPONSE_BYTES, sendRestRequest, type RestHttpLimits, type RestHttpReply, type RestHttpRequest } from './rest-http.js';
import { createRestSecrets } from './rest-redact.js';
import { readRestSyncOutcomes } from './rest-sync-result.js';
import { createRestTokenProvider } from './rest-token-provider.js';
import { restUrl } from './rest-urls.js';

/** Default bound of one REST exchange (the same as a SOAP attempt's `timeoutMs`). */
const DEFAULT_REST_TIMEOUT_MS = 30_000;

/** Options of {@link createRestLeadApi}. */
export interface RestLeadApiOptions {
  /** The REST endpoint: `https://<munchkin>.mktorest.com` or `.../rest`. */
  endpoint: URL;
  /** The identity endpoint (default: `endpoint`'s origin): `https://<munchkin>.mktorest.com/identity`. */
  identityEndpoint?: URL | undefined;
  clientId: string;
  /** Never logged: blanked in every message, trace and error. */
  clientSecret: string;
  /** Bounds of each exchange (defaults: {@link DEFAULT_REST_TIMEOUT_MS}, {@link DEFAULT_MAX_RESPONSE_BYTES}). */
  limits?: Partial<RestHttpLimits> | undefined;
  /** The client's keep-alive agent (default: Node's global agent). */
  agent?: http.Agent | undefined;
  /** The clock of token lifetimes, in milliseconds (default `Date.now`). */
  now?: (() => number) | undefined;
  /** Sees every exchange, already redacted (for the client's `onTrace`); called only when given. */
  onExchange?: RestExchangeListener | undefined;
}

/** One traced exchange: the request as sent, then (when one arrived) the response. Everything redacted. */
export interface RestExchangeListener {
  request(exchange: RestExchangeInfo, sent: { method: string; url: string; headers: Record<string, string>; body: string }): void;
  response(exchange: RestExchangeInfo, received: { httpStatus: number; durationMs: number; body: string }): void;
}

/** Which attempt of which operation an exchange belongs to. */
export interface RestExchangeInfo {
  /** The operationId of openapi/marketo-rest.yaml (`identityUsingGET` for a token request). */
  operation: string;
  exchangeId: string;
  attempt: number;
}

/** Per-call options. */
export interface RestCallOptions {
  signal?: AbortSignal | undefined;
  /** The attempt of the caller's retry layer this call is (default 1), for tracing. */
  attempt?: number | undefined;
  /** Overrides the bound of each exchange of this call. */
  timeoutMs?: number | undefined;
}

/** The Lead Database calls of one client. */
export interface RestLeadApi {
  /** Sync Leads: one outcome per record of `request.input`, in order. */
  syncLeads(request: SyncLeadRequest, options?: RestCallOptions): Promise<LeadOutcome[]>;
  /** Get Lead by Id: the lead's fields by REST name, or `undefined` when there is no such lead. */
  getLeadById(leadId: number, fields?: readonly string[], options?: RestCallOptions): Promise<Record<string, unknown> | undefined>;
  /** Describe Leads: every lead field with its REST and SOAP names. */
  describeLeads(options?: RestCallOptions): Promise<LeadAttribute[]>;
  /** Blanks the client secret, every token and anything credential-shaped in `text`. */
  readonly redact: (text: string) => string;
}

interface AuthorizedRequest {
  operation: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Array<[string, string]>;
  body?: unknown;
}

/** The part of a request the core fills in per exchange. */
type ExchangeRequest = Omit<RestHttpRequest, 'limits' | 'agent'>;

function reauthenticates(error: unknown): error is MarketoError {
  return error instanceof MarketoError && findRestCode(error.code)?.reauthenticate === true;
}

/** Creates the REST core of one client; nothing is sent until the first call. */
export function createRestLeadApi(options: RestLeadApiOptions): RestLeadApi {
  const limits: RestHttpLimits = {
    timeoutMs: options.limits?.timeoutMs ?? DEFAULT_REST_TIMEOUT_MS,
    maxResponseBytes: options.limits?.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  };
  const secrets = createRestSecrets(options.clientSecret);
  const { onExchange } = options;

  /** Sends one exchange, traced when someone listens. */
  async function send(request: ExchangeRequest, info: Omit<RestExchangeInfo, 'exchangeId'>, timeoutMs?: number): Promise<RestHttpReply> {
    // The client's keep-alive agent serves its endpoint's protocol (an identity endpoint may differ).
    const agent = request.url.protocol === options.endpoint.protocol ? options.agent : undefined;
    const bounded = { ...request, limits: timeoutMs === undefined ? limits : { ...limits, timeoutMs }, agent };
    if (!onExchange) return sendRestRequest(bounded);
    const exchange: RestExchangeInfo = { ...info, exchangeId: randomUUID() };
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, secrets.redact(value)]));
    onExchange.request(exchange, { method: request.method, url: secrets.redact(request.url.href), headers, body: secrets.redact(request.body ?? '') });
    const startedAt = performance.now();
    const reply = await sendRestRequest(bounded);
    onExchange.response(exchange, { httpStatus: reply.status, durationMs: performance.now() - startedAt, body: secrets.redact(reply.body) });
    return reply;
  }

  const identityEndpoint = options.identityEndpoint ?? new URL(options.endpoint.origin);
  const tokens = createRestTokenProvider({
    identityEndpoint,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    // The token request is traced as attempt 1 of its own: it is not an attempt of any Lead Database call.
    send: (request) => send(request, { operation: 'identityUsingGET', attempt: 1 }),
    secrets,
    now: options.now,
  });

  async function once(request: AuthorizedRequest, token: string, callOptions: RestCallOptions): Promise<RestEnvelope> {
    const what = `${request.method} ${request.path}`;
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const reply = await send(
      {
        url: restUrl(options.endpoint, request.path, request.query),
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: callOptions.signal,
        what,
      },
      { operation: request.operation, attempt: callOptions.attempt ?? 1 },
      callOptions.timeoutMs,
    );
    return readRestEnvelope(reply, what, secrets.serverText);
  }

  async function call(request: AuthorizedRequest, callOptions: RestCallOptions): Promise<RestEnvelope> {
    const token = await tokens.get(callOptions.signal);
    try {
      return await once(request, token, callOptions);
    } catch (error) {
      if (!reauthenticates(error)) throw error;
      tokens.invalidate(token);
      return once(request, await tokens.get(callOptions.signal), callOptions);
    }
  }

  return {
    async syncLeads(request, callOptions = {}) {
      const { path } = REST_OPERATIONS.syncLeadUsingPOST;
      const envelope = await call({ operation: 'syncLeadUsingPOST', method: 'POST', path, body: request }, callOptions);
      const sentIds = request.lookupField === 'id' ? request.input.map((record) => record.id) : undefined;
      return readRestSyncOutcomes(envelope.result, request.input.length, envelope.httpStatus, secrets.serverText, sentIds);
    },
    async getLeadById(leadId, fields, callOptions = {}) {
      const path = REST_OPERATIONS.getLeadByIdUsingGET.path.replace('{leadId}', String(leadId));
      const query: Array<[string, string]> = fields && fields.length > 0 ? [['fields', fields.join(',')]] : [];
      const envelope = await call({ operation: 'getLeadByIdUsingGET', method: 'GET', path, query }, callOptions);
      const [lead] = envelope.result ?? [];
      return typeof lead === 'object' && lead !== null ? (lead as Record<string, unknown>) : undefined;
    },
    async describeLeads(callOptions = {}) {
      const envelope = await call({ operation: 'describeUsingGET_2', method: 'GET', path: REST_OPERATIONS.describeUsingGET_2.path }, callOptions);
      return (envelope.result ?? []) as LeadAttribute[];
    },
    redact: secrets.redact,
  };
}
