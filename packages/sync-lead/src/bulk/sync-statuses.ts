// Reads syncMultipleLeads' answer: one SyncStatus per record sent, in request order.
import type { SuccessSyncMultipleLeads, SyncStatus } from '@org/mktows-types';
import { InvalidResponseError, SyncFailedError } from '../errors.js';
import { readLeadId } from '../lead-id.js';
import type { LeadOutcome } from './lead-outcome.js';

function toOutcome(
  status: Partial<SyncStatus> | null | undefined,
  position: number,
  httpStatus: number | undefined,
  serverText: (text: string) => string,
): LeadOutcome {
  const leadId = readLeadId(status?.leadId, `The leadId of syncStatus ${position + 1}`, httpStatus);
  if (status?.status === 'FAILED') {
    const reason = (typeof status.error === 'string' ? serverText(status.error) : '') || 'no reason given';
    return { status: 'FAILED', leadId: leadId || undefined, error: new SyncFailedError({ leadId: leadId || undefined, reason }) };
  }
  if ((status?.status === 'CREATED' || status?.status === 'UPDATED') && leadId !== undefined && leadId > 0) {
    return { status: status.status, leadId };
  }
  throw new InvalidResponseError(`syncStatus ${position + 1} of the successSyncMultipleLeads result lacks a leadId or a status`, httpStatus);
}

/**
 * The outcome of each record of a syncMultipleLeads call.
 *
 * @param expected - the number of records sent
 * @param serverText - makes Marketo's reasons fit for an error (redacted, one line, cut short)
 * @throws {@link InvalidResponseError} when the answer lacks a status list of exactly `expected` statuses,
 *   or a status has a lead id that is not a safe integer
 */
export function readSyncStatuses(
  response: SuccessSyncMultipleLeads | null | undefined,
  expected: number,
  httpStatus: number | undefined,
  serverText: (text: string) => string,
): LeadOutcome[] {
  const list = (response as Partial<SuccessSyncMultipleLeads> | null | undefined)?.result?.syncStatusList?.syncStatus;
  if (!Array.isArray(list) || list.length !== expected) {
    const got = Array.isArray(list) ? `${list.length} statuses` : 'no status list';
    throw new InvalidResponseError(`syncMultipleLeads sent ${expected} leads and got ${got} back`, httpStatus);
  }
  return list.map((status, position) => toOutcome(status, position, httpStatus, serverText));
}
