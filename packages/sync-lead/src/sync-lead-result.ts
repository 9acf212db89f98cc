// Turns mktows' `successSyncLead` into the ergonomic result, or into the error it stands for.
import type { LeadRecord, SuccessSyncLead } from '@org/mktows-types';
import { InvalidResponseError, SyncFailedError } from './errors.js';
import { fromReceivedAttributes } from './lead-attributes.js';
import { readLeadId } from './lead-id.js';
import type { ForeignSysType, LeadAttributeValue } from './sync-lead-input.js';

/** A lead record as Marketo returned it, with attributes converted by their `attrType`. */
export interface Lead {
  /** Marketo lead id. */
  id: number;
  /** Email, or `null` when the lead has none. */
  email: string | null;
  /** Id in the foreign system, or `null`. */
  foreignSysPersonId: string | null;
  /** The foreign system, or `null`. */
  foreignSysType: ForeignSysType | null;
  /** Attribute values by name: numbers, booleans and Dates where `attrType` says so, else strings. */
  attributes: Record<string, LeadAttributeValue>;
  /** Marketo's `attrType` of each attribute (`string`, `integer`, `url`, ...). */
  attributeTypes: Record<string, string>;
}

/** What syncLead resolves with. */
export interface SyncLeadResult {
  /** Marketo id of the created or updated lead. */
  leadId: number;
  /** Whether Marketo created a new lead or updated an existing one. */
  status: 'CREATED' | 'UPDATED';
  /** The whole lead record, when `returnLead: true` was asked for and Marketo sent it. */
  lead?: Lead;
}

function toLead(record: LeadRecord, fallbackId: number, httpStatus: number | undefined): Lead {
  const { attributes, attributeTypes } = fromReceivedAttributes(record.leadAttributeList?.attribute);
  return {
    id: readLeadId(record.Id, 'The Id of the returned leadRecord', httpStatus) ?? fallbackId,
    email: record.Email ?? null,
    foreignSysPersonId: record.ForeignSysPersonId ?? null,
    foreignSysType: record.ForeignSysType ?? null,
    attributes,
    attributeTypes,
  };
}

/**
 * Reads the result of a syncLead call.
 *
 * @param response - what the typed client resolved with
 * @param httpStatus - the response's HTTP status, for error messages
 * @param serverText - makes Marketo's reason fit for an error (redacted, one line, cut short)
 * @throws {@link InvalidResponseError} when the response lacks a result (soap resolves an empty body to `{}`)
 *   or carries a lead id that is not a safe integer
 * @throws {@link SyncFailedError} when Marketo reports the sync as FAILED
 */
export function toSyncLeadResult(
  response: SuccessSyncLead | null | undefined,
  httpStatus: number | undefined,
  serverText: (text: string) => string,
): SyncLeadResult {
  const result = (response as Partial<SuccessSyncLead> | null | undefined)?.result;
  if (typeof result !== 'object' || result === null) {
    throw new InvalidResponseError('The server answered without a successSyncLead result (empty or foreign body)', httpStatus);
  }
  const syncStatus = result.syncStatus as Partial<SuccessSyncLead['result']['syncStatus']> | undefined;
  const leadId = readLeadId(result.leadId, 'The leadId of the result', httpStatus) ?? readLeadId(syncStatus?.leadId, 'The leadId of the syncStatus', httpStatus);
  const status = syncStatus?.status;
  if (status === 'FAILED') {
    const reason = (typeof syncStatus?.error === 'string' ? serverText(syncStatus.error) : '') || 'no reason given';
    throw new SyncFailedError({ leadId: leadId || undefined, reason });
  }
  if ((status !== 'CREATED' && status !== 'UPDATED') || leadId === undefined) {
    throw new InvalidResponseError('The successSyncLead result lacks a leadId or a CREATED/UPDATED status', httpStatus);
  }
  const record = result.leadRecord;
  return record ? { leadId, status, lead: toLead(record, leadId, httpStatus) } : { leadId, status };
}
