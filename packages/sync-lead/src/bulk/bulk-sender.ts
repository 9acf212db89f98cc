// What a bulk run needs from the client's transport: how an input becomes a lead of a batch (validated,
// encoded), and how a batch is synced so that every lead of it ends with exactly one outcome. The SOAP
// transport sends a batch as one syncMultipleLeads call (sync-batch.ts); the REST transport as Sync
// Leads requests (rest/rest-bulk.ts). Reading, concurrency, progress and the stream are shared.
import type { MktowsSession } from '../mktows-session.js';
import type { SyncLeadInput } from '../sync-lead-input.js';
import { type BulkLead, toBulkLead } from './bulk-lead.js';
import type { PrepareLead } from './lead-chunks.js';
import type { LeadOutcome } from './lead-outcome.js';
import { syncBatch } from './sync-batch.js';

/** A valid input of a batch: where it came from, and the size of its record in a request. */
export interface IndexedLead {
  /** Position of the input in the caller's leads. */
  index: number;
  /** The caller's input (the same object). */
  input: SyncLeadInput;
  /** Size of its record in a request, in UTF-8 bytes (batches are cut to fit `maxRequestBytes`). */
  bytes: number;
}

/** What every batch of a run shares. */
export interface BatchRun {
  dedup: boolean;
  signal: AbortSignal | undefined;
  timeoutMs: number | undefined;
}

/** A lead of a batch and its outcome. */
export interface BatchOutcomeOf<TLead> {
  lead: TLead;
  outcome: LeadOutcome;
}

/** One transport's side of a bulk run. */
export interface BulkSender<TLead extends IndexedLead> {
  /** Batches in flight by default: the client's concurrency. */
  readonly concurrency: number;
  /** Validates and encodes input `index`; a lead whose record alone is too large is invalid. */
  readonly prepare: PrepareLead<TLead>;
  /** Syncs a batch; one outcome per lead; rejects only with an `AbortError`. */
  syncBatch(batch: readonly TLead[], run: BatchRun): Promise<Array<BatchOutcomeOf<TLead>>>;
}

/** The SOAP transport's side: syncMultipleLeads through the client's mktows session. */
export function soapBulkSender(session: MktowsSession): BulkSender<BulkLead> {
  return {
    concurrency: session.limits.concurrency,
    prepare: toBulkLead,
    syncBatch: (batch, run) => syncBatch({ session, ...run }, batch),
  };
}
