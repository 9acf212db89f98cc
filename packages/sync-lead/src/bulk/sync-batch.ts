// Sends one batch as a syncMultipleLeads call through the client's session (shared limits, retries,
// signing) and gives every lead of it exactly one outcome:
// - retryable failures are retried within the client's retry budget, but a failure after which the
//   server may have applied the batch is retried only when a repeat cannot create duplicates;
// - a fault that one bad lead can cause for the whole call (a bad attribute name, a bad value ...) is
//   answered by splitting the batch in two and sending each half, down to the bad lead alone, so the
//   others sync;
// - anything else fails the batch's leads with the error, as `SyncOutcomeUnknownError` when an attempt
//   may have been applied.
import type { SuccessSyncMultipleLeads } from '@org/mktows-types';
import { AbortError, MarketoError, SyncLeadError } from '../errors.js';
import type { MktowsSession } from '../mktows-session.js';
import type { BulkLead } from './bulk-lead.js';
import { isRepeatSafe, LossAwareRetry } from './duplicate-safety.js';
import type { LeadOutcome } from './lead-outcome.js';
import { readSyncStatuses } from './sync-statuses.js';

/** Marketo's fault for an attribute name the instance does not have; it depends only on the names sent. */
const BAD_ATTRIBUTE_NAME = 20105;

/**
 * Faults that a single lead's content can cause for a whole syncMultipleLeads call: a request the
 * server could not take (20012: too large, or not understood), missing or bad parameters, an unknown
 * lead Id, a lead that cannot be stored, an unknown owner, a bad attribute name.
 */
const LEAD_CONTENT_FAULTS = new Set([20012, 20017, 20103, BAD_ATTRIBUTE_NAME, 20106, 20108, 20109, 20110, 20114]);

/** What every batch of a run shares. */
export interface BatchContext {
  session: MktowsSession;
  dedup: boolean;
  signal: AbortSignal | undefined;
  timeoutMs: number | undefined;
}

/** A lead and its outcome. */
interface BatchOutcome {
  lead: BulkLead;
  outcome: LeadOutcome;
}

/** The attribute names a lead sends, sorted: what Marketo's "bad attribute name" fault depends on. */
export function attributeNamesOf(lead: Pick<BulkLead, 'input'>): string {
  const attributes = lead.input.attributes ?? {};
  return Object.keys(attributes)
    .filter((name) => attributes[name] !== undefined)
    .sort()
    .join(' ');
}

/**
 * The parts a faulted batch is split into, or `undefined` when splitting cannot help. For a bad
 * attribute name the parts are groups of leads sending the same names (they fail together, so a batch
 * of identical shape fails at once instead of lead by lead); for other content faults, single leads.
 */
function splittableParts(error: unknown, batch: readonly BulkLead[]): BulkLead[][] | undefined {
  if (!(error instanceof MarketoError) || !LEAD_CONTENT_FAULTS.has(error.code) || batch.length < 2) return undefined;
  if (error.code !== BAD_ATTRIBUTE_NAME) return batch.map((lead) => [lead]);
  const groups = new Map<string, BulkLead[]>();
  for (const lead of batch) {
    const names = attributeNamesOf(lead);
    const group = groups.get(names);
    if (group) group.push(lead);
    else groups.set(names, [lead]);
  }
  return groups.size > 1 ? [...groups.values()] : undefined;
}

async function splitAndSync(context: BatchContext, parts: BulkLead[][]): Promise<BatchOutcome[]> {
  const middle = Math.ceil(parts.length / 2);
  const halves = [parts.slice(0, middle).flat(), parts.slice(middle).flat()];
  const outcomes = await Promise.all(halves.map((half) => syncBatch(context, half)));
  return outcomes.flat();
}

/**
 * Syncs `batch` (1 to 300 valid leads). Resolves with one outcome per lead; rejects only with an
 * {@link AbortError} when the run's signal fires or the client closes.
 */
export async function syncBatch(context: BatchContext, batch: readonly BulkLead[]): Promise<BatchOutcome[]> {
  const retry = new LossAwareRetry(isRepeatSafe(batch, context.dedup));
  // The records' XML goes in under soap's xml key (see lead-record-xml.ts); the rest is the typed client's.
  const params = { leadRecordList: { $xml: batch.map((lead) => lead.xml).join('') }, dedupEnabled: context.dedup };
  try {
    const outcomes = await context.session.call<SuccessSyncMultipleLeads, LeadOutcome[]>(
      'syncMultipleLeads',
      params,
      (body, httpStatus, serverText) => readSyncStatuses(body, batch.length, httpStatus, serverText),
      {
        signal: context.signal,
        timeoutMs: context.timeoutMs,
        shouldRetry: retry.shouldRetry,
      },
    );
    return batch.map((lead, position) => ({ lead, outcome: outcomes[position]! }));
  } catch (error) {
    if (error instanceof AbortError) throw error;
    const parts = splittableParts(error, batch);
    if (parts) return splitAndSync(context, parts);
    // The session maps every failure to this package's errors; anything else is a bug, not an outcome.
    if (!(error instanceof SyncLeadError)) throw error;
    const reason = retry.failure(error);
    return batch.map((lead) => ({ lead, outcome: { status: 'FAILED', error: reason } }));
  }
}
