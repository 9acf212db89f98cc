// What syncLeads reports per input, and the tally of a run.
import type { SyncLeadError, ValidationError } from '../errors.js';
import type { SyncLeadInput } from '../sync-lead-input.js';

/** Marketo created or updated the lead. */
export interface LeadSynced {
  status: 'CREATED' | 'UPDATED';
  /** Marketo id of the lead. */
  leadId: number;
  error?: undefined;
}

/**
 * The lead was not synced, or it is unknown whether it was. `error` says why: a `ValidationError`
 * (bad input, never sent), a `SyncFailedError` (Marketo's per-lead reason), a `MarketoError` (the
 * batch's fault, after retries and bisection), a `SyncOutcomeUnknownError`, a `TransportError` ...
 */
export interface LeadFailed {
  status: 'FAILED';
  /** The lead id Marketo reported with the failure, when it reported one. */
  leadId?: number | undefined;
  /** Why the lead failed. */
  error: SyncLeadError | ValidationError;
}

/** The outcome of one input of `syncLeads`. */
export type LeadOutcome = LeadSynced | LeadFailed;

/** What `syncLeads` resolves with. */
export interface SyncLeadsResult {
  /** `results[i]` is the outcome of input `i`; there is one per input read. */
  results: LeadOutcome[];
  /** Leads created. */
  created: number;
  /** Leads updated. */
  updated: number;
  /** Leads failed. */
  failed: number;
}

/** One result of `syncLeadsStream`: the outcome of input `index`, with that input. */
export type SyncLeadsStreamItem = LeadOutcome & {
  /** Position of the input in `leads`, from 0. */
  index: number;
  /** The input as it was given (the same object). */
  input: SyncLeadInput;
};

/** Counts of outcomes. */
export interface OutcomeTally {
  created: number;
  updated: number;
  failed: number;
}

/** Adds one outcome to `tally`. */
export function countOutcome(tally: OutcomeTally, outcome: LeadOutcome): void {
  if (outcome.status === 'CREATED') tally.created += 1;
  else if (outcome.status === 'UPDATED') tally.updated += 1;
  else tally.failed += 1;
}
