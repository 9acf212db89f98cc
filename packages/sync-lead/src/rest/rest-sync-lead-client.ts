// createSyncLeadClient({ rest }): the same SyncLeadClient over Marketo's REST API. Inputs, results and
// errors are those of the SOAP client; the calls are Sync Leads (syncLead, syncLeads, syncLeadsStream),
// Get Lead by Id (syncLead's `returnLead`) and Describe Leads (once, for field names), all through the
// client's limits and retries; the access token is fetched lazily and shared (rest-token-provider.ts).
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
import { syncLeads, syncLeadsStream } from '../bulk/sync-leads.js';
import { ValidationError } from '../errors.js';
import { resolveRetryOptions } from '../retry-policy.js';
import type { SyncLeadInput } from '../sync-lead-input.js';
import type { SyncLeadResult } from '../sync-lead-result.js';
import { restBulkSender } from './rest-bulk.js';
import { type RestSyncLeadClientOptions, resolveRestTransport } from './rest-client-options.js';
import { createRestSession } from './rest-session.js';
import { syncLeadOverRest } from './rest-sync-lead.js';

/**
 * Creates a syncLead client over REST (what `createSyncLeadClient` does when given `rest`).
 * @throws {@link ValidationError} for a bad option, before any request
 */
export function createRestSyncLeadClient(options: RestSyncLeadClientOptions): SyncLeadClient {
  const transport = resolveRestTransport(options);
  const maxRequestBytes = byteLimit('maxRequestBytes', options.maxRequestBytes, DEFAULT_MAX_REQUEST_BYTES);
  const session = createRestSession({
    transport,
    timeoutMs: options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : requireTimeoutMs('timeoutMs', options.timeoutMs),
    maxResponseBytes: byteLimit('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    retry: resolveRetryOptions(options.retry),
    limits: {
      rateLimit: options.rateLimit,
      concurrency: options.concurrency,
      dailyQuota: options.dailyQuota,
      limitStore: options.limitStore,
    },
    // As for SOAP: the instance as close as the client can name it. A store given its own `key` shares the
    // limits with SOAP clients of the same instance too.
    limitKey: `${transport.endpoint.host}/${transport.clientId}`,
    onTrace: options.onTrace,
    now: options.now ?? ((): Date => new Date()),
  });
  const bulk = restBulkSender(session);
  let closed = false;
  const requireOpen = (): void => {
    if (closed) throw new ValidationError('client', 'must not be used after close()');
  };

  return {
    async syncLead(input: SyncLeadInput, callOptions?: CallOptions): Promise<SyncLeadResult> {
      requireOpen();
      return syncLeadOverRest(session, input, validateCallOptions(callOptions));
    },
    async syncLeads(leads, bulkOptions) {
      requireOpen();
      return syncLeads(bulk, leads, bulkOptions, maxRequestBytes);
    },
    syncLeadsStream(leads, bulkOptions) {
      requireOpen();
      return syncLeadsStream(bulk, leads, bulkOptions, maxRequestBytes);
    },
    close(): void {
      if (closed) return;
      closed = true;
      session.close();
    },
  };
}
