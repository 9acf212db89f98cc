// createSyncLeadClient({ rest }): the same SyncLeadClient over Marketo's REST API. Every option is checked
// here, at once, as for a SOAP client; the REST transport itself (its HTTP exchange, token, Sync Leads
// mapping) is loaded on the first call, so that a program that never uses REST never loads it (cold
// start: a SOAP client's import costs nothing more). Inputs, results and errors are the SOAP client's.
import { setMaxListeners } from 'node:events';
import { raceWithSignal } from '../abort.js';
import { resolveCallLimits } from '../call-limiter.js';
import {
  byteLimit,
  type CallOptions,
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  requireTimeoutMs,
  validateCallOptions,
} from '../client-options.js';
import type { SyncLeadClient } from '../create-sync-lead-client.js';
import type { LeadSource } from '../bulk/lead-chunks.js';
import { requireLeadSource } from '../bulk/lead-chunks.js';
import type { SyncLeadsResult, SyncLeadsStreamItem } from '../bulk/lead-outcome.js';
import { resolveSyncLeadsOptions, type SyncLeadsOptions } from '../bulk/sync-leads-options.js';
import { AbortError, ValidationError } from '../errors.js';
import { resolveRetryOptions } from '../retry-policy.js';
import type { SyncLeadInput } from '../sync-lead-input.js';
import type { SyncLeadResult } from '../sync-lead-result.js';
import { type RestSyncLeadClientOptions, resolveRestTransport } from './rest-client-options.js';
import type { RestClientCore, RestClientSettings } from './rest-sync-lead-client.js';

/**
 * Creates a syncLead client over REST (what `createSyncLeadClient` does when given `rest`).
 * @throws {@link ValidationError} for a bad option, before any request
 */
export function createRestSyncLeadClient(options: RestSyncLeadClientOptions): SyncLeadClient {
  const transport = resolveRestTransport(options);
  const limits = {
    rateLimit: options.rateLimit,
    concurrency: options.concurrency,
    dailyQuota: options.dailyQuota,
    limitStore: options.limitStore,
  };
  const { concurrency } = resolveCallLimits(limits);
  const settings: RestClientSettings = {
    transport,
    timeoutMs: options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : requireTimeoutMs('timeoutMs', options.timeoutMs),
    maxResponseBytes: byteLimit('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    maxRequestBytes: byteLimit('maxRequestBytes', options.maxRequestBytes, DEFAULT_MAX_REQUEST_BYTES),
    retry: resolveRetryOptions(options.retry),
    limits,
    // As for SOAP: the instance as close as the client can name it. A store given its own `key` shares the
    // limits with SOAP clients of the same instance too.
    limitKey: `${transport.endpoint.host}/${transport.clientId}`,
    onTrace: options.onTrace,
    now: options.now ?? ((): Date => new Date()),
  };
  // Fires on close(): calls still waiting for the transport to load end with an AbortError, like the others.
  const closing = new AbortController();
  setMaxListeners(0, closing.signal);
  let core: Promise<RestClientCore> | undefined;
  let closed = false;

  const requireOpen = (): void => {
    if (closed) throw new ValidationError('client', 'must not be used after close()');
  };
  const loaded = (): Promise<RestClientCore> => {
    core ??= import('./rest-sync-lead-client.js').then(({ createRestClientCore }) => createRestClientCore(settings));
    return raceWithSignal(core, closing.signal, () => new AbortError(closing.signal.reason));
  };

  return {
    async syncLead(input: SyncLeadInput, callOptions?: CallOptions): Promise<SyncLeadResult> {
      requireOpen();
      const call = validateCallOptions(callOptions);
      return (await loaded()).syncLead(input, call);
    },
    async syncLeads(leads: LeadSource, bulkOptions?: SyncLeadsOptions): Promise<SyncLeadsResult> {
      requireOpen();
      requireLeadSource(leads);
      resolveSyncLeadsOptions(bulkOptions, concurrency, settings.maxRequestBytes);
      return (await loaded()).syncLeads(leads, bulkOptions);
    },
    syncLeadsStream(leads: LeadSource, bulkOptions?: SyncLeadsOptions): AsyncGenerator<SyncLeadsStreamItem, void, undefined> {
      requireOpen();
      // Bad leads or options throw at once, as over SOAP; the run starts when the stream is first read.
      requireLeadSource(leads);
      resolveSyncLeadsOptions(bulkOptions, concurrency, settings.maxRequestBytes);
      return (async function* stream(): AsyncGenerator<SyncLeadsStreamItem, void, undefined> {
        yield* (await loaded()).syncLeadsStream(leads, bulkOptions);
      })();
    },
    close(): void {
      if (closed) return;
      closed = true;
      closing.abort(new Error('The client was closed'));
      void core?.then(
        (loadedCore) => loadedCore.close(),
        () => undefined, // a transport that failed to load has nothing to close; its calls saw the error
      );
    },
  };
}
