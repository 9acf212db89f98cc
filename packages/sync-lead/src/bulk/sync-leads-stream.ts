// The bulk run: reads the leads in chunks, keeps up to `concurrency` batches in flight (each synced by
// the client's transport through the client's limits) and yields every lead's outcome as its batch
// finishes. A chunk is read only when a batch slot is free and the consumer has taken the previous
// results, so memory stays bounded by concurrency x batchSize whatever the number of leads.
import { setMaxListeners } from 'node:events';
import { linkSignals, raceWithSignal, throwIfAborted } from '../abort.js';
import { AbortError } from '../errors.js';
import type { InvalidLead } from './bulk-lead.js';
import type { BatchOutcomeOf, BatchRun, BulkSender, IndexedLead } from './bulk-sender.js';
import { type LeadSource, readLeadChunks } from './lead-chunks.js';
import { countOutcome, type LeadOutcome, type OutcomeTally, type SyncLeadsStreamItem } from './lead-outcome.js';
import type { ResolvedSyncLeadsOptions } from './sync-leads-options.js';

interface FinishedBatch<TLead> {
  id: number;
  outcomes: Array<BatchOutcomeOf<TLead>>;
}

function streamItem(lead: IndexedLead | InvalidLead, outcome: LeadOutcome): SyncLeadsStreamItem {
  return { ...outcome, index: lead.index, input: lead.input };
}

/**
 * Runs a bulk sync and yields one item per input, in the order batches finish. Throws an
 * {@link AbortError} when `options.signal` fires or the client closes; returning early (`break`)
 * aborts the batches in flight and reads no further leads.
 */
export async function* runSyncLeads<TLead extends IndexedLead>(
  sender: BulkSender<TLead>,
  leads: LeadSource,
  options: ResolvedSyncLeadsOptions,
  total: number | undefined,
): AsyncGenerator<SyncLeadsStreamItem, void, undefined> {
  // Ends the batches in flight when the consumer stops early or one batch rejects.
  const stopped = new AbortController();
  const linked = linkSignals([options.signal, stopped.signal]);
  // Every batch in flight or queued listens to the run's signal: not a leak.
  setMaxListeners(0, linked.signal);
  const run: BatchRun = { dedup: options.dedup, signal: linked.signal, timeoutMs: options.timeoutMs };
  const chunks = readLeadChunks(leads, options.batchSize, options.maxRequestBytes, sender.prepare);
  const running = new Map<number, Promise<FinishedBatch<TLead>>>();
  const tally: OutcomeTally = { created: 0, updated: 0, failed: 0 };
  let nextBatchId = 0;
  let sourceDone = false;

  const report = (outcomes: readonly LeadOutcome[]): void => {
    for (const outcome of outcomes) countOutcome(tally, outcome);
    options.onProgress?.({ ...tally, processed: tally.created + tally.updated + tally.failed, total });
  };
  const aborted = (): AbortError => new AbortError(linked.signal.reason);

  try {
    for (;;) {
      while (!sourceDone && running.size < options.concurrency) {
        throwIfAborted(linked.signal);
        const next = await raceWithSignal(chunks.next(), linked.signal, aborted);
        if (next.done) {
          sourceDone = true;
          break;
        }
        const { batch, invalid } = next.value;
        if (batch.length > 0) {
          const id = nextBatchId++;
          const finishing = sender.syncBatch(batch, run).then((outcomes) => ({ id, outcomes }));
          // Marked handled now: the generator may be paused at a yield when a batch rejects (abort), and
          // an unhandled rejection would end the process. The race below still sees the rejection.
          finishing.catch(() => undefined);
          running.set(id, finishing);
        }
        if (invalid.length > 0) {
          report(invalid.map(({ error }) => ({ status: 'FAILED', error })));
          for (const lead of invalid) yield streamItem(lead, { status: 'FAILED', error: lead.error });
        }
      }
      if (running.size === 0) return;
      const finished = await Promise.race(running.values());
      running.delete(finished.id);
      report(finished.outcomes.map(({ outcome }) => outcome));
      for (const { lead, outcome } of finished.outcomes) yield streamItem(lead, outcome);
    }
  } finally {
    stopped.abort(new Error('The syncLeads run stopped'));
    linked.dispose();
    await chunks.return(undefined);
  }
}
