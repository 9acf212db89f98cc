// The REST transport's client, once its module is loaded (rest-client.ts loads it on the first call):
// the same calls as the SOAP client over Marketo's REST API. The calls are Sync Leads (syncLead,
// syncLeads, syncLeadsStream), Get Lead by Id (syncLead's `returnLead`) and Describe Leads (once, for
// field names), all through the client's limits and retries; the access token is fetched lazily and
// shared (rest-token-provider.ts).
import type { CallOptions } from '../client-options.js';
import type { SyncLeadClient } from '../create-sync-lead-client.js';
import { syncLeads, syncLeadsStream } from '../bulk/sync-leads.js';
import { restBulkSender } from './rest-bulk.js';
import { createRestSession, type RestSessionOptions } from './rest-session.js';
import { syncLeadOverRest } from './rest-sync-lead.js';

/** A REST client's settings, every one checked already. */
export interface RestClientSettings extends RestSessionOptions {
  /** The largest Sync Leads request `syncLeads` sends. */
  maxRequestBytes: number;
}

/** The REST client's calls, without the checks of the public client (done before this module loads). */
export type RestClientCore = Omit<SyncLeadClient, 'syncLead'> & {
  syncLead(input: unknown, call: CallOptions): ReturnType<SyncLeadClient['syncLead']>;
};

/** Creates the REST client's calls (no I/O until the first). */
export function createRestClientCore(settings: RestClientSettings): RestClientCore {
  const session = createRestSession(settings);
  const bulk = restBulkSender(session);
  return {
    syncLead: (input, call) => syncLeadOverRest(session, input, call),
    syncLeads: (leads, bulkOptions) => syncLeads(bulk, leads, bulkOptions, settings.maxRequestBytes),
    syncLeadsStream: (leads, bulkOptions) => syncLeadsStream(bulk, leads, bulkOptions, settings.maxRequestBytes),
    close: () => session.close(),
  };
}
