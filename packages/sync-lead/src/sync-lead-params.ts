// Builds the mktows `paramsSyncLead` body from a validated input, in the schema's element order
// (soap serialises keys in insertion order): leadRecord (Id, Email, ForeignSysPersonId,
// ForeignSysType, leadAttributeList), returnLead, marketoCookie. Text goes out as given: the
// typed client (@org/mktows-types) escapes what soap 1.13 would write raw.
import type { LeadRecord, ParamsSyncLead } from '@org/mktows-types';
import { toWireAttributes } from './lead-attributes.js';
import type { ValidSyncLeadInput } from './sync-lead-input.js';

/** The `leadRecord` of a validated input (syncLead's, and each of syncMultipleLeads' records). */
export function toLeadRecord(input: ValidSyncLeadInput): LeadRecord {
  const leadRecord: LeadRecord = {};
  if (input.id !== undefined) leadRecord.Id = input.id;
  if (input.email !== undefined) leadRecord.Email = input.email;
  if (input.foreignSysPersonId !== undefined) leadRecord.ForeignSysPersonId = input.foreignSysPersonId;
  if (input.foreignSysType !== undefined) leadRecord.ForeignSysType = input.foreignSysType;
  const attribute = toWireAttributes(input.attributes);
  if (attribute) leadRecord.leadAttributeList = { attribute };
  return leadRecord;
}

/** The request body of syncLead for a validated input. */
export function toParamsSyncLead(input: ValidSyncLeadInput): ParamsSyncLead {
  const params: ParamsSyncLead = { leadRecord: toLeadRecord(input), returnLead: input.returnLead ?? false };
  if (input.marketoCookie !== undefined) params.marketoCookie = input.marketoCookie;
  return params;
}
