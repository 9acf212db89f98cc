// syncLead over REST: the same input, validated the same way before any request, sent as a one-record
// Sync Leads request keyed as SOAP's precedence says (rest-sync-request.ts), answered with the same
// result or error. `returnLead` reads the lead back with Get Lead by Id (Sync Leads returns no record) and
// gives it in SOAP's shape: SOAP field names, values converted by the field's data type, the Email and
// the Salesforce id (`sfdcLeadId`, SOAP's foreign id of type SFDC) as their own properties.
import type { CallOptions } from '../client-options.js';
import { convertReceivedValue } from '../lead-attributes.js';
import type { LeadAttributeValue, ValidSyncLeadInput } from '../sync-lead-input.js';
import { validateSyncLeadInput } from '../sync-lead-input.js';
import type { Lead, SyncLeadResult } from '../sync-lead-result.js';
import type { RestFieldNames } from './rest-field-names.js';
import type { RestSession } from './rest-session.js';
import { toRestSyncPlan } from './rest-sync-request.js';
import { toRestSyncLeadResult } from './rest-sync-result.js';

/** REST fields that are not attributes of SOAP's lead record. */
const NOT_ATTRIBUTES = new Set(['id', 'email', 'sfdcLeadId', 'createdAt', 'updatedAt']);

/** Whether the input names any attribute, so the REST names of fields are needed. */
function hasAttributes(input: ValidSyncLeadInput): boolean {
  return Object.values(input.attributes ?? {}).some((value) => value !== undefined);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A lead read over REST, in the shape syncLead's `lead` has over SOAP. */
function toLeadOfRest(record: Record<string, unknown>, names: RestFieldNames, leadId: number): Lead {
  const attributes: Record<string, LeadAttributeValue> = {};
  const attributeTypes: Record<string, string> = {};
  for (const [restName, value] of Object.entries(record)) {
    if (NOT_ATTRIBUTES.has(restName) || value === null || value === undefined) continue;
    const type = names.dataType(restName) ?? 'string';
    const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
    setOwn(attributes, names.soapName(restName), convertReceivedValue(type, text));
    setOwn(attributeTypes, names.soapName(restName), type);
  }
  const sfdcLeadId = typeof record.sfdcLeadId === 'string' && record.sfdcLeadId !== '' ? record.sfdcLeadId : null;
  return {
    id: typeof record.id === 'number' ? record.id : leadId,
    email: typeof record.email === 'string' ? record.email : null,
    foreignSysPersonId: sfdcLeadId,
    foreignSysType: sfdcLeadId === null ? null : 'SFDC',
    attributes,
    attributeTypes,
  };
}

/**
 * Creates or updates one lead over REST.
 *
 * @throws {@link ValidationError} for bad input or what REST cannot express (`marketoCookie`, a foreign
 *   system without a REST field), before any request
 * @throws {@link SyncFailedError} when Marketo skips the record (its 1xxx reasons in the message)
 * @throws {@link MarketoError} for a request Marketo refuses (6xx, 1006 ...), after retries when retryable
 */
export async function syncLeadOverRest(session: RestSession, input: unknown, call: CallOptions): Promise<SyncLeadResult> {
  const valid = validateSyncLeadInput(input);
  const { foreignIdFields, partitionName } = session.transport;
  // Planned once without field names first, so what REST cannot express is refused before any request.
  const [refused] = toRestSyncPlan([valid], { foreignIdFields }).refused;
  if (refused) throw refused.error;
  const names = hasAttributes(valid) || valid.returnLead === true ? await session.fieldNames(call) : undefined;
  const [group] = toRestSyncPlan([valid], { foreignIdFields, partitionName, fieldName: names?.restName }).groups;
  const [outcome] = await session.syncLeads(group!.request, call);
  const result = toRestSyncLeadResult(outcome!);
  if (valid.returnLead !== true || names === undefined) return result;
  const fields = names.restNames.filter((name) => name !== 'createdAt' && name !== 'updatedAt');
  const record = await session.getLead(result.leadId, fields, call);
  return record ? { ...result, lead: toLeadOfRest(record, names, result.leadId) } : result;
}
