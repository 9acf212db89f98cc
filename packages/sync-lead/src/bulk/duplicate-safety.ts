// When may a failed batch be sent again without creating duplicate leads?
//
// A repeat is harmless when the first attempt certainly did nothing (a SOAP fault refusing the call, an
// HTTP 503, a connection that was never made), or when applying the batch twice ends the same as once:
// with dedup on, a lead known only by email matches the lead the first attempt created; a lead with an
// Id or a foreign id always matches it. Without dedup a lead known only by email would be created again.
import {
  InvalidResponseError,
  MarketoError,
  SyncOutcomeUnknownError,
  TimeoutError,
  TransportError,
} from '../errors.js';
import type { RetryDecision } from '../session-settings.js';
import type { BulkLead } from './bulk-lead.js';

/**
 * Marketo's internal errors: the call may have been partly applied before it failed. SOAP: 10001, 20011;
 * REST: 604 (the request timed out at Marketo) and 611 (system error). The two sets of codes never overlap.
 */
const INTERNAL_ERROR_CODES = new Set([10001, 20011, 604, 611]);

/** Socket failures after which the request may have reached the server and been applied. */
const LOST_AFTER_SEND_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);

/** Whether syncing `batch` twice leaves the same leads as syncing it once. */
export function isRepeatSafe(batch: readonly BulkLead[], dedup: boolean): boolean {
  return dedup || batch.every((lead) => lead.hasUniqueKey);
}

/**
 * Whether the server may have applied the attempt that failed with `error`: its response was lost,
 * cut short, unreadable, timed out, or the server failed internally after it started.
 */
export function mayHaveBeenApplied(error: unknown): boolean {
  if (error instanceof TimeoutError || error instanceof InvalidResponseError) return true;
  if (error instanceof MarketoError) return INTERNAL_ERROR_CODES.has(error.code);
  if (error instanceof TransportError) {
    // 503: the service refused the call; 4xx: the request was refused. Other 5xx: a gateway or the
    // server failed somewhere after accepting it.
    if (error.httpStatus !== undefined) return error.httpStatus >= 500 && error.httpStatus !== 503;
    return error.errorCode === undefined || LOST_AFTER_SEND_CODES.has(error.errorCode);
  }
  return false;
}

/**
 * The retry decision of one batch request, and what it saw: after an attempt that may have been applied,
 * the request is repeated only when a repeat is harmless (`repeatSafe`), and then after an unreadable
 * answer too; a batch that fails in the end reports an unknown outcome when any attempt may have been applied.
 */
export class LossAwareRetry {
  private lostAttempt = false;
  private repeatedAfterLoss = false;

  constructor(private readonly repeatSafe: boolean) {}

  /** The session's `shouldRetry` for the request. */
  readonly shouldRetry: RetryDecision = (error, attempt, clientPredicate) => {
    if (!mayHaveBeenApplied(error)) return clientPredicate(error, attempt);
    this.lostAttempt = true;
    // An unreadable answer is worth repeating only when the repeat is harmless.
    const again = this.repeatSafe && (clientPredicate(error, attempt) || error instanceof InvalidResponseError);
    this.repeatedAfterLoss ||= again;
    return again;
  };

  /** What the leads of the failed request report: `error`, or an unknown outcome when it may have been applied. */
  failure<E extends Error>(error: E): E | SyncOutcomeUnknownError {
    return this.lostAttempt || mayHaveBeenApplied(error)
      ? new SyncOutcomeUnknownError(error, this.repeatedAfterLoss)
      : error;
  }
}
