// syncLeads and syncLeadsStream as the client exposes them: options and leads checked before anything
// is read or sent, then the bulk run.
import type { BulkSender, IndexedLead } from './bulk-sender.js';
import { type LeadSource, requireLeadSource } from './lead-chunks.js';
import { countOutcome, type LeadOutcome, type SyncLeadsResult, type SyncLeadsStreamItem } from './lead-outcome.js';
import { resolveSyncLeadsOptions, type SyncLeadsOptions } from './sync-leads-options.js';
import { runSyncLeads } from './sync-leads-stream.js';

/**
 * Starts a streamed bulk sync (see `SyncLeadClient.syncLeadsStream`).
 *
 * @throws {@link ValidationError} at once for bad options or leads that cannot be iterated
 */
export function syncLeadsStream<TLead extends IndexedLead>(
  sender: BulkSender<TLead>,
  leads: LeadSource,
  options: SyncLeadsOptions | undefined,
  maxRequestBytes: number,
): AsyncGenerator<SyncLeadsStreamItem, void, undefined> {
  requireLeadSource(leads);
  const resolved = resolveSyncLeadsOptions(options, sender.concurrency, maxRequestBytes);
  return runSyncLeads(sender, leads, resolved, Array.isArray(leads) ? leads.length : undefined);
}

/** Runs a bulk sync to the end and collects every outcome by input position (see `SyncLeadClient.syncLeads`). */
export async function syncLeads<TLead extends IndexedLead>(
  sender: BulkSender<TLead>,
  leads: LeadSource,
  options: SyncLeadsOptions | undefined,
  maxRequestBytes: number,
): Promise<SyncLeadsResult> {
  const results: LeadOutcome[] = [];
  const summary: SyncLeadsResult = { results, created: 0, updated: 0, failed: 0 };
  for await (const { index, input: _input, ...rest } of syncLeadsStream(sender, leads, options, maxRequestBytes)) {
    const outcome: LeadOutcome = rest;
    results[index] = outcome;
    countOutcome(summary, outcome);
  }
  return summary;
}
