// Sync Leads (`POST /rest/v1/leads.json`) on the instance, with Marketo's REST semantics: every record is
// matched by the request's `lookupField` (default `email`) and handled by its `action` (default
// `createOrUpdate`), in input order (a later record sees what an earlier one did), one result per record:
// `created` / `updated` with the lead's id, or `skipped` with reasons (1003 invalid data, 1004 not found,
// 1005 already exists, 1007 several leads match, 1008 partition). A field the instance does not have fails
// the whole request (1006), checked before anything is written, as SOAP's unknown attribute faults the call.
import type { SyncAction } from '@org/marketo-rest-types';
import { SYNC_ACTION_VALUES } from '@org/marketo-rest-types';

import type { MarketoInstance } from '../instance/marketo-instance.js';
import { attributeValueProblem } from '../lead-fields.js';
import type { LeadFields, StoredLead } from '../lead-store.js';
import { fieldChanges } from '../lead-sync.js';
import type { LeadSyncEvents } from '../lead-sync.js';
import type { Placement } from '../workspaces.js';
import type { RestCodeEntry } from './rest-error.js';
import { RestError } from './rest-error.js';
import type { RestLeadFields, RestWritableField } from './rest-fields.js';

/** Marketo's largest Sync Leads request. */
export const MAX_REST_SYNC_RECORDS = 300;

/** One record's result. */
type RestSyncResult =
  { id: number; status: 'created' | 'updated' } | { status: 'skipped'; reasons: RestCodeEntry[] };

/** What a sync needs from the server. */
interface RestSyncContext {
  instance: MarketoInstance;
  fields: RestLeadFields;
  /** `New Lead` and `Change Data Value` as the REST API logs them. */
  events: LeadSyncEvents;
}

interface SyncRequest {
  action: SyncAction;
  lookupField: string;
  /** Where new leads go and the only partition matched in; undefined: no partitionName given. */
  partition: Placement | undefined;
  records: unknown[];
}

/** One record's values: REST name -> the stored text (`null` clears). */
type RecordValues = Map<string, { field: RestWritableField; text: string | null }>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function skipped(code: number, message: string): RestSyncResult {
  return { status: 'skipped', reasons: [new RestError(code, message).toEntry()] };
}

function readRequest(body: unknown, context: RestSyncContext): SyncRequest {
  if (!isRecord(body)) throw new RestError(1003, 'the body must be a JSON object');
  const action = body.action ?? 'createOrUpdate';
  if (typeof action !== 'string' || !(SYNC_ACTION_VALUES as readonly string[]).includes(action)) {
    throw new RestError(1001, `Invalid value for action: must be one of ${SYNC_ACTION_VALUES.join(', ')}`);
  }
  const lookupField = body.lookupField ?? 'email';
  if (typeof lookupField !== 'string') throw new RestError(1001, 'Invalid value for lookupField: must be a string');
  if (lookupField === 'id' ? action !== 'updateOnly' : context.fields.writable(lookupField) === undefined) {
    throw lookupField === 'id'
      ? new RestError(1003, "lookupField 'id' can only be used with action 'updateOnly'")
      : new RestError(1006, `Field '${lookupField}' not found`);
  }
  if (body.input === undefined) throw new RestError(1002, "Missing value for required parameter 'input'");
  if (!Array.isArray(body.input)) throw new RestError(1003, 'input must be a list of lead records');
  if (body.input.length > MAX_REST_SYNC_RECORDS) {
    throw new RestError(1003, `input holds ${body.input.length} records; at most ${MAX_REST_SYNC_RECORDS} are allowed`);
  }
  return {
    action: action as SyncAction,
    lookupField,
    partition: readPartition(body.partitionName, context),
    records: body.input,
  };
}

function readPartition(name: unknown, context: RestSyncContext): Placement | undefined {
  if (name === undefined) return undefined;
  if (typeof name !== 'string' || name === '') throw new RestError(1001, 'Invalid value for partitionName');
  try {
    return context.instance.settings.workspaces.placementOf(name);
  } catch {
    throw new RestError(1008, `Access denied to partition '${name}'`);
  }
}

/** Refuses the request when any record names a field the instance does not have. */
function checkFieldNames(request: SyncRequest, context: RestSyncContext): void {
  const unknown = new Set<string>();
  for (const record of request.records) {
    if (!isRecord(record)) continue;
    for (const name of Object.keys(record)) {
      if (name !== 'id' && context.fields.writable(name) === undefined) unknown.add(name);
    }
  }
  if (unknown.size > 0)
    throw new RestError(1006, `Field ${[...unknown].map((name) => `'${name}'`).join(', ')} not found`);
}

/** The record's values as stored text, or why the record cannot be stored. */
function readValues(record: Record<string, unknown>, context: RestSyncContext): RecordValues | RestSyncResult {
  const values: RecordValues = new Map();
  for (const [name, value] of Object.entries(record)) {
    if (name === 'id') continue;
    const field = context.fields.writable(name);
    if (!field) continue; // checked for the whole request already
    let text: string | null;
    if (value === null || value === '') text = null;
    else if (typeof value === 'string') text = value;
    else if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') text = String(value);
    else return skipped(1003, `Invalid value for field '${name}': must be a string, number, boolean or null`);
    const problem = field.kind === 'attribute' && text !== null ? attributeValueProblem(field.type, text) : undefined;
    if (problem) return skipped(1003, `Invalid value for field '${name}': ${problem}`);
    values.set(name, { field, text });
  }
  return values;
}

function lookupValue(record: Record<string, unknown>, lookupField: string): string | undefined {
  const value = record[lookupField];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The lead's fields after applying `values` (a new lead when `lead` is undefined). */
function applyValues(
  lead: StoredLead | undefined,
  values: RecordValues,
  context: RestSyncContext,
): Omit<LeadFields, 'workspace' | 'partition'> | RestSyncResult {
  const attributes = { ...(lead?.attributes ?? {}) };
  let email = lead?.email ?? null;
  let foreignSysPersonId = lead?.foreignSysPersonId ?? null;
  let foreignSysType = lead?.foreignSysType ?? null;
  for (const [name, { field, text }] of values) {
    const attributeName =
      field.kind === 'attribute'
        ? field.soapName
        : field.kind === 'sfdcLeadId' && foreignSysType !== null && foreignSysType !== 'SFDC'
          ? 'SFDCLeadId'
          : undefined;
    if (field.kind === 'email') email = text;
    else if (attributeName !== undefined) {
      if (text === null) delete attributes[attributeName];
      else attributes[attributeName] = text;
    } else if (text !== null) {
      // The lead's Salesforce id is SOAP's foreign id of type SFDC; it belongs to one lead.
      const holder = context.instance.leads.foreignIdHolder('SFDC', text, lead);
      if (holder !== undefined) return skipped(1003, `Invalid value for field '${name}': it belongs to lead ${holder}`);
      foreignSysPersonId = text;
      foreignSysType = 'SFDC';
    }
  }
  return { email, foreignSysPersonId, foreignSysType, cookie: lead?.cookie ?? null, attributes };
}

function createLead(values: RecordValues, request: SyncRequest, context: RestSyncContext): RestSyncResult {
  const fields = applyValues(undefined, values, context);
  if ('status' in fields) return fields;
  const { instance } = context;
  const placement = request.partition ?? instance.settings.workspaces.placeNewLead(fields, { named: undefined });
  const lead = instance.leads.create({ ...fields, ...placement }, { createdAt: instance.now() });
  context.events.created(lead);
  return { id: lead.id, status: 'created' };
}

function updateLead(lead: StoredLead, values: RecordValues, context: RestSyncContext): RestSyncResult {
  const fields = applyValues(lead, values, context);
  if ('status' in fields) return fields;
  const before = { email: lead.email, attributes: lead.attributes };
  const updated = context.instance.leads.update(lead, {
    ...fields,
    workspace: lead.workspace,
    partition: lead.partition,
  });
  const changes = fieldChanges(before, updated);
  if (changes.length > 0) context.events.changed(updated, changes);
  return { id: updated.id, status: 'updated' };
}

function syncRecord(record: unknown, request: SyncRequest, context: RestSyncContext): RestSyncResult {
  if (!isRecord(record)) return skipped(1003, 'a lead record must be a JSON object');
  const values = readValues(record, context);
  if (!(values instanceof Map)) return values;
  if (request.action === 'createDuplicate') return createLead(values, request, context);
  const key = lookupValue(record, request.lookupField);
  if (key === undefined) return skipped(1003, `Value for lookup field '${request.lookupField}' not specified`);
  const found = context.fields.findLeads(context.instance.leads, request.lookupField, key) ?? [];
  // With a partitionName, leads of other partitions are not seen (Marketo deduplicates per partition).
  const matches = request.partition ? found.filter((lead) => lead.partition === request.partition?.partition) : found;
  if (request.action === 'createOnly') {
    return matches.length > 0 ? skipped(1005, 'Lead already exists') : createLead(values, request, context);
  }
  if (matches.length > 1) return skipped(1007, 'Multiple leads match the lookup criteria');
  const [match] = matches;
  if (match) return updateLead(match, values, context);
  return request.action === 'updateOnly' ? skipped(1004, 'Lead not found') : createLead(values, request, context);
}

/**
 * Runs one Sync Leads request.
 * @throws RestError for a request refused as a whole (1001, 1002, 1003, 1006, 1008); nothing is written then
 */
export function syncLeadsOverRest(body: unknown, context: RestSyncContext): RestSyncResult[] {
  const request = readRequest(body, context);
  checkFieldNames(request, context);
  return request.records.map((record) => syncRecord(record, request, context));
}
