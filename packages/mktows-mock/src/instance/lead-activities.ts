// The activities the instance writes for leads, with the attributes Marketo's examples show (spec §12.1,
// Appendix A): `New Lead` (Source Type, Source Info, Created Date, Lead ID), `Change Data Value` (Attribute
// Name, Old Value, New Value, Reason, Lead ID; the asset is the field's label), `Add to List` /
// `Remove from List` (the asset is the list), `Merge Leads`, `Request Campaign`.
import { leadFieldLabel } from '../lead-field-labels.js';
import type { FieldChange } from '../lead-sync.js';
import { formatDay } from '../time-format.js';
import type { NewActivity } from './activity-log.js';
import { ACTIVITY } from './activity-types.js';

/** How a lead came to be, as `New Lead` reports it. */
export interface LeadSource {
  type: string;
  info: string;
}

/** A lead created through the SOAP API. */
export const WEB_SERVICE_SOURCE: LeadSource = Object.freeze({ type: 'Web service API', info: 'Web service API' });

/** The `Reason` of a change made through the SOAP API. */
export const SOAP_API_REASON = 'SOAP API';

/** `New Lead` for a lead created at `at`. */
export function newLeadActivity(leadId: number, at: number, source: LeadSource): NewActivity {
  return {
    leadId,
    type: ACTIVITY.newLead,
    at,
    asset: '',
    campaign: undefined,
    attributes: [
      { name: 'Source Type', value: source.type },
      { name: 'Source Info', value: source.info },
      { name: 'Created Date', value: formatDay(at) },
      { name: 'Lead ID', value: String(leadId) },
    ],
  };
}

/** `Change Data Value` for one changed field. */
export function changeDataValueActivity(leadId: number, at: number, change: FieldChange, reason: string): NewActivity {
  const label = leadFieldLabel(change.field);
  return {
    leadId,
    type: ACTIVITY.changeDataValue,
    at,
    asset: label,
    campaign: undefined,
    attributes: [
      { name: 'Attribute Name', value: label },
      { name: 'Old Value', value: change.oldValue },
      { name: 'New Value', value: change.newValue },
      { name: 'Reason', value: reason },
      { name: 'Lead ID', value: String(leadId) },
    ],
  };
}

/** `Add to List` or `Remove from List`. */
export function listMembershipActivity(
  kind: 'add' | 'remove',
  leadId: number,
  at: number,
  list: { id: number; qualifiedName: string },
): NewActivity {
  return {
    leadId,
    type: kind === 'add' ? ACTIVITY.addToList : ACTIVITY.removeFromList,
    at,
    asset: list.qualifiedName,
    campaign: undefined,
    attributes: [
      { name: 'List ID', value: String(list.id) },
      { name: 'Lead ID', value: String(leadId) },
    ],
  };
}

/** `Merge Leads` on the winner, naming the merged (losing) leads. */
export function mergeLeadsActivity(winnerId: number, at: number, loserIds: readonly number[]): NewActivity {
  return {
    leadId: winnerId,
    type: ACTIVITY.mergeLeads,
    at,
    asset: '',
    campaign: undefined,
    attributes: [
      { name: 'Merged Lead IDs', value: loserIds.join(',') },
      { name: 'Lead ID', value: String(winnerId) },
    ],
  };
}

/** `Request Campaign` for a lead queued into a campaign. */
export function requestCampaignActivity(leadId: number, at: number, campaignName: string, source: string): NewActivity {
  return {
    leadId,
    type: ACTIVITY.requestCampaign,
    at,
    asset: campaignName,
    campaign: campaignName,
    attributes: [
      { name: 'Source', value: source },
      { name: 'Lead ID', value: String(leadId) },
    ],
  };
}
