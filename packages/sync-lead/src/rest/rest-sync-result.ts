// Reads Sync Leads' `result`: one record per input, in input order. `created` and `updated` become
// CREATED / UPDATED with the lead id; `skipped` becomes FAILED with Marketo's reasons (1xxx codes) as a
// SyncFailedError, as a FAILED SOAP sync status does. Marketo gives a skipped record no id; when the
// request looked leads up by id, the FAILED outcome reports the id that was sent, as SOAP's syncStatus
// does. Anything else is an InvalidResponseError.
import { InvalidResponseError, SyncFailedError } from '../errors.js';
import type { LeadOutcome } from '../bulk/lead-outcome.js';
import type { SyncLeadResult } from '../sync-lead-result.js';
import { readCodeEntries, type RestCodeEntry } from './rest-envelope.js';
import { findRestCode } from './rest-error-codes.js';

const STATUSES = { created: 'CREATED', updated: 'UPDATED' } as const;

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** `1004 Lead not found; 1006 Field 'x' not found`: every reason with its code, server text redacted. */
function describeReasons(reasons: RestCodeEntry[], redact: (text: string) => string): string {
  if (reasons.length === 0) return 'skipped without a reason';
  return reasons.map(({ code, message }) => `${code} ${redact(message) || findRestCode(code)?.meaning || ''}`.trim()).join('; ');
}

function toOutcome(value: unknown, position: number, httpStatus: number, redact: (text: string) => string, sentId: number | undefined): LeadOutcome {
  const record = asRecord(value);
  const id = record.id;
  const leadId = typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : undefined;
  const status = record.status;
  if (status === 'skipped') {
    const failedId = leadId ?? sentId;
    // Marketo sends `reasons` (a list); its Swagger names a single `reason`: read both.
    const reasons = [...readCodeEntries(record.reasons), ...readCodeEntries(record.reason === undefined ? [] : [record.reason])];
    const reason = describeReasons(reasons, redact);
    return { status: 'FAILED', leadId: failedId, error: new SyncFailedError({ leadId: failedId, reason }) };
  }
  if ((status === 'created' || status === 'updated') && leadId !== undefined) return { status: STATUSES[status], leadId };
  throw new InvalidResponseError(`Sync Leads record ${position + 1} has no lead id with a created, updated or skipped status`, httpStatus);
}

/**
 * The outcome of each record of a Sync Leads request.
 *
 * @param result - the envelope's `result`
 * @param expected - the number of records sent
 * @param redact - blanks secrets in Marketo's reason texts
 * @param sentIds - the `id` of each record sent, when the request looked leads up by id
 * @throws {@link InvalidResponseError} when `result` is not a list of exactly `expected` readable records
 */
export function readRestSyncOutcomes(
  result: unknown[] | undefined,
  expected: number,
  httpStatus: number,
  redact: (text: string) => string,
  sentIds?: ReadonlyArray<number | undefined>,
): LeadOutcome[] {
  if (!Array.isArray(result) || result.length !== expected) {
    const got = Array.isArray(result) ? `${result.length} records` : 'no result';
    throw new InvalidResponseError(`Sync Leads sent ${expected} records and got ${got} back`, httpStatus);
  }
  return result.map((record, position) => toOutcome(record, position, httpStatus, redact, sentIds?.[position]));
}

/**
 * syncLead's result from the outcome of its one record.
 *
 * @throws the outcome's error (a {@link SyncFailedError} for a skipped record)
 */
export function toRestSyncLeadResult(outcome: LeadOutcome): SyncLeadResult {
  if (outcome.status === 'FAILED') throw outcome.error;
  return { leadId: outcome.leadId, status: outcome.status };
}
