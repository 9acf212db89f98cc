// Turns mktows' `successSyncLead` into the ergonomic result, or into the error it stands for.
import type { LeadRecord, SuccessSyncLead } from '@org/mktows-types';
import { InvalidResponseError, SyncFailedError } from './errors.js';
import { fromReceivedAttributes } from './lead-attributes.js';
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

function toLead(record: LeadRecord, fallbackId: number): Lead {
  const { attributes, attributeTypes } = fromReceivedAttributes(record.leadAttributeList?.attribute);
  return {
    id: typeof record.Id === 'number' ? record.Id : fallbackId,
    email: record.Email ?? null,
    foreignSysPersonId: record.ForeignSysPersonId ?? null,
    foreignSysType: record.ForeignSysType ?? null,
    attributes,
    attributeTypes,
  };
}

function asInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

/**
 * Reads the result of a syncLead call.
 *
 * @param response - what the typed client resolved with
 * @param httpStatus - the response's HTTP status, for error messages
 * @throws {@link InvalidResponseError} when the response lacks a result (soap resolves an empty body to `{}`)
 * @throws {@link SyncFailedError} when Marketo reports the sync as FAILED
 */
export function toSyncLeadResult(response: SuccessSyncLead | null | undefined, httpStatus?: number): SyncLeadResult {
  const result = (response as Partial<SuccessSyncLead> | null | undefined)?.result;
  if (typeof result !== 'object' || result === null) {
    throw new InvalidResponseError('The server answered without a successSyncLead result (empty or foreign body)', httpStatus);
  }
  const syncStatus = result.syncStatus as Partial<SuccessSyncLead['result']['syncStatus']> | undefined;
  const leadId = asInteger(result.leadId) ?? asInteger(syncStatus?.leadId);
  const status = syncStatus?.status;
  if (status === 'FAILED') {
    throw new SyncFailedError({ leadId: leadId || undefined, reason: syncStatus?.error ?? 'no reason given' });
  }
  if ((status !== 'CREATED' && status !== 'UPDATED') || leadId === undefined) {
    throw new InvalidResponseError('The successSyncLead result lacks a leadId or a CREATED/UPDATED status', httpStatus);
  }
  const record = result.leadRecord;
  return record ? { leadId, status, lead: toLead(record, leadId) } : { leadId, status };
}
