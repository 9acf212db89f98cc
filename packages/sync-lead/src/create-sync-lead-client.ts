// createSyncLeadClient: validates the options once, then each syncLead validates its input and goes
// through the client's mktows session (limits, retries, signing, tracing, error mapping).
import { createContextHeader, createCredentials, type MktowsContextHeaderInfo } from '@org/mktows-auth';
import type { SuccessSyncLead } from '@org/mktows-types';
import {
  byteLimit,
  type CallOptions,
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type SyncLeadClientOptions,
  requireTimeoutMs,
  validateCallOptions,
} from './client-options.js';
import type { LeadSource } from './bulk/lead-chunks.js';
import type { SyncLeadsResult, SyncLeadsStreamItem } from './bulk/lead-outcome.js';
import type { SyncLeadsOptions } from './bulk/sync-leads-options.js';
import { soapBulkSender } from './bulk/bulk-sender.js';
import { syncLeads, syncLeadsStream } from './bulk/sync-leads.js';
import { checkEndpoint } from './endpoint.js';
import { ValidationError } from './errors.js';
import { createMktowsSession } from './mktows-session.js';
import type { RestSyncLeadClientOptions } from './rest/rest-client-options.js';
import { createRestSyncLeadClient } from './rest/rest-client.js';
import { createRedactor } from './redact.js';
import { resolveRetryOptions } from './retry-policy.js';
import { type SyncLeadInput, validateSyncLeadInput } from './sync-lead-input.js';
import { toParamsSyncLead } from './sync-lead-params.js';
import { type SyncLeadResult, toSyncLeadResult } from './sync-lead-result.js';

/** A client for one Marketo instance and user, over SOAP or REST (the same calls, inputs, results and errors). */
export interface SyncLeadClient {
  /**
   * Creates or updates one lead (mktows `syncLead`; over REST, a one-record Sync Leads).
   *
   * @throws {@link ValidationError} for bad input, before any request
   * @throws {@link MarketoError} for a SOAP fault (after retries, when retryable)
   * @throws {@link SyncFailedError} when Marketo reports the sync as FAILED
   * @throws {@link TransportError} / {@link TimeoutError} for HTTP and socket failures (cause kept)
   * @throws {@link InvalidResponseError} for an empty or unusable response
   * @throws {@link AbortError} when `options.signal` fires or the client is closed
   * @throws {@link DailyQuotaExceededError} when the client's daily quota is used up (nothing is sent)
   * @throws {@link LimitStoreUnavailableError} when the client's `limitStore` cannot be reached (nothing is sent)
   */
  syncLead(input: SyncLeadInput, options?: CallOptions): Promise<SyncLeadResult>;
  /**
   * Creates or updates many leads through mktows `syncMultipleLeads`, in batches of up to 300, as fast
   * as the client's limits allow. `results[i]` is the outcome of input `i`; an input that fails
   * (invalid, rejected by Marketo, or with an unknown outcome) fails alone, with its reason, and the
   * others still sync. Retryable failures are retried within the client's retry budget; a batch
   * refused for one lead's content is split until that lead fails alone.
   *
   * @param leads - an array, an iterable or an async iterable of the inputs `syncLead` takes
   *   (without `marketoCookie` and `returnLead`, which syncMultipleLeads cannot carry)
   * @throws {@link ValidationError} for bad options or leads that are not iterable, before any request
   * @throws {@link AbortError} when `options.signal` fires or the client is closed
   *
   * @example
   * ```ts
   * const { results, created, updated, failed } = await client.syncLeads(
   *   [{ email: 'a@example.com', attributes: { FirstName: 'Ada' } }, { email: 'b@example.com' }],
   *   { onProgress: ({ processed, total }) => console.log(`${processed}/${total}`) },
   * );
   * ```
   */
  syncLeads(leads: LeadSource, options?: SyncLeadsOptions): Promise<SyncLeadsResult>;
  /**
   * Like {@link SyncLeadClient.syncLeads}, but yields each input's outcome (with its `index` and
   * `input`) as its batch finishes, and keeps nothing: memory stays bounded for any number of leads.
   * Leads are read from `leads` only as batches are sent; stopping the iteration early aborts the
   * batches in flight.
   *
   * @throws {@link ValidationError} at once for bad options or leads that are not iterable
   *
   * @example
   * ```ts
   * for await (const item of client.syncLeadsStream(readLeadsFromFile())) {
   *   if (item.status === 'FAILED') console.error(item.index, item.error.message);
   * }
   * ```
   */
  syncLeadsStream(leads: LeadSource, options?: SyncLeadsOptions): AsyncGenerator<SyncLeadsStreamItem, void, undefined>;
  /** Releases the client's connections and timers; pending calls end with an `AbortError`, later calls fail. */
  close(): void;
}

function requireObject(options: unknown): asserts options is SyncLeadClientOptions | RestSyncLeadClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError('options', 'must be an object with endpoint, userId and secretKey (SOAP) or rest (REST)');
  }
}

/** The context header for `workspace`, with errors naming this client's option rather than the header field. */
function contextHeaderFor(workspace: string): MktowsContextHeaderInfo {
  try {
    return createContextHeader(workspace);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError('workspace', error.rule);
    throw error;
  }
}

function requireOptionalFunction(field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') throw new ValidationError(field, 'must be a function');
}

/**
 * Creates a syncLead client over Marketo's REST API: `rest: { endpoint, identityEndpoint?, clientId,
 * clientSecret }` (the migration path: the same calls, inputs, results and errors as over SOAP; what REST
 * cannot express fails with a `ValidationError` before any request).
 *
 * @throws {@link ValidationError} for a bad option (endpoint not HTTPS, missing credentials, a SOAP option, ...)
 *
 * @example
 * ```ts
 * const client = createSyncLeadClient({
 *   rest: { endpoint: 'https://123-ABC-456.mktorest.com/rest', clientId, clientSecret },
 * });
 * const { leadId, status } = await client.syncLead({ email: 't@t.com', attributes: { FirstName: 'George' } });
 * ```
 */
export function createSyncLeadClient(options: RestSyncLeadClientOptions): SyncLeadClient;
/**
 * Creates a syncLead client over SOAP (mktows): `endpoint`, `userId` and `secretKey`.
 *
 * @throws {@link ValidationError} for a bad option (endpoint not HTTPS, missing credentials, bad limits, ...)
 *
 * @example
 * ```ts
 * const client = createSyncLeadClient({ endpoint, userId, secretKey });
 * const { leadId, status } = await client.syncLead({
 *   email: 't@t.com',
 *   attributes: { FirstName: 'George', LastName: 'of the Jungle' },
 * });
 * ```
 */
export function createSyncLeadClient(options: SyncLeadClientOptions): SyncLeadClient;
export function createSyncLeadClient(options: SyncLeadClientOptions | RestSyncLeadClientOptions): SyncLeadClient {
  requireObject(options);
  requireOptionalFunction('onTrace', options.onTrace);
  requireOptionalFunction('now', options.now);
  if (options.rest !== undefined) return createRestSyncLeadClient(options);
  const maxRequestBytes = byteLimit('maxRequestBytes', options.maxRequestBytes, DEFAULT_MAX_REQUEST_BYTES);
  const endpoint = checkEndpoint(options.endpoint, options.allowInsecureHttp === true);
  const session = createMktowsSession({
    endpoint,
    credentials: createCredentials({ userId: options.userId, secretKey: options.secretKey }),
    contextHeader: options.workspace === undefined ? undefined : contextHeaderFor(options.workspace),
    timeoutMs: options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : requireTimeoutMs('timeoutMs', options.timeoutMs),
    maxResponseBytes: byteLimit('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    retry: resolveRetryOptions(options.retry),
    limits: {
      rateLimit: options.rateLimit,
      concurrency: options.concurrency,
      dailyQuota: options.dailyQuota,
      limitStore: options.limitStore,
    },
    // Marketo's limits are per instance; per user id is as close as the client can name it.
    limitKey: `${endpoint.host}/${options.userId}`,
    onTrace: options.onTrace,
    now: options.now ?? ((): Date => new Date()),
    redactor: createRedactor([options.secretKey]),
  });
  const bulk = soapBulkSender(session);
  let closed = false;

  return {
    async syncLead(input: SyncLeadInput, callOptions?: CallOptions): Promise<SyncLeadResult> {
      if (closed) throw new ValidationError('client', 'must not be used after close()');
      const call = validateCallOptions(callOptions);
      const params = toParamsSyncLead(validateSyncLeadInput(input));
      return session.call<SuccessSyncLead, SyncLeadResult>('syncLead', params, toSyncLeadResult, call);
    },
    async syncLeads(leads: LeadSource, bulkOptions?: SyncLeadsOptions): Promise<SyncLeadsResult> {
      if (closed) throw new ValidationError('client', 'must not be used after close()');
      return syncLeads(bulk, leads, bulkOptions, maxRequestBytes);
    },
    syncLeadsStream(leads: LeadSource, bulkOptions?: SyncLeadsOptions): AsyncGenerator<SyncLeadsStreamItem, void, undefined> {
      if (closed) throw new ValidationError('client', 'must not be used after close()');
      return syncLeadsStream(bulk, leads, bulkOptions, maxRequestBytes);
    },
    close(): void {
      if (closed) return;
      closed = true;
      session.close();
    },
  };
}
