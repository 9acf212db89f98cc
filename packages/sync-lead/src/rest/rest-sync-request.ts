// Maps syncLead inputs to REST Sync Leads requests (`POST /rest/v1/leads.json`), following the key
// precedence of the SOAP call (mktows-mock's lead-sync.ts and Marketo's SOAP documentation: Id first,
// then the foreign system id, then the Munchkin cookie, then Email). One REST request has one
// `lookupField` and one `action` for all its records, so a batch is split where the key kind changes.
//
// | SOAP input (highest key given)   | REST request                                            | where REST differs |
// | -------------------------------- | ------------------------------------------------------- | ------------------ |
// | `id` (+ anything)                | `lookupField: 'id'`, `action: 'updateOnly'`, `{ id }`   | an unknown Id is a skipped record (1004 -> FAILED), where SOAP faults the call (20103) |
// | `foreignSysPersonId` + type      | `lookupField: <REST field of that type>`, `createOrUpdate` | SOAP falls back to the cookie, then Email, when the foreign id matches no lead; REST creates a new lead. The type itself has no REST field: it picks the field (`SFDC` -> `sfdcLeadId` by default; `CUSTOM`, `NETSUITE` only when configured) |
// | `email`                          | `lookupField: 'email'`, `action: 'createOrUpdate'`      | several leads with the address: SOAP updates the newest, REST skips the record (1007 -> FAILED) |
// | `marketoCookie`                  | (refused before any request)                            | Sync Leads has no cookie: REST associates a cookie through Associate Lead, not part of this subset |
//
// Attributes become fields of the record by REST name (`fieldName` maps SOAP names such as `FirstName`
// to REST names such as `firstName`; Describe Leads lists both), with JSON values: strings as given,
// numbers and booleans as JSON numbers and booleans, a Date as its ISO 8601 UTC text, `null` as `null`
// (clears the field). `returnLead` has no Sync Leads equivalent: syncLead reads the lead back (Get Lead
// by Id). In syncLeads, `dedup: false` makes email-keyed records `createDuplicate`, and an Id-keyed record
// carries no `email`, because syncMultipleLeads does not change the Email of a lead matched by Id.
import type { Lead, LeadAttribute, SyncAction, SyncLeadRequest } from '@org/marketo-rest-types';
import { ValidationError } from '../errors.js';
import type { ForeignSysType, LeadAttributeValue, ValidSyncLeadInput } from '../sync-lead-input.js';

/** The REST fields that hold a foreign system's person id, by SOAP `ForeignSysType`, unless configured otherwise. */
const DEFAULT_FOREIGN_ID_FIELDS: Readonly<Partial<Record<ForeignSysType, string>>> = Object.freeze({ SFDC: 'sfdcLeadId' });

/** Largest number of records in one Sync Leads request (Marketo's limit). */
export const MAX_REST_SYNC_RECORDS = 300;

/** How SOAP-shaped inputs become REST records. */
export interface RestMappingOptions {
  /** The REST field of each foreign system's id (default {@link DEFAULT_FOREIGN_ID_FIELDS}). */
  foreignIdFields?: Readonly<Partial<Record<ForeignSysType, string>>> | undefined;
  /** The REST name of an attribute given by its SOAP name (default: names are sent as given). */
  fieldName?: ((soapName: string) => string) | undefined;
}

/** The key kind of one record: which SOAP key decides, and how REST looks it up. */
interface RestKey {
  lookupField: string;
  action: SyncAction;
  /** The REST field the input's `foreignSysPersonId` goes to, when it has one. */
  foreignIdField?: string | undefined;
}

/** How inputs are planned into requests, on top of how each becomes a record. */
interface RestPlanOptions extends RestMappingOptions {
  /** Marketo's `dedupEnabled` (default true); false syncs email-keyed inputs with `createDuplicate`, as syncMultipleLeads creates them. */
  dedup?: boolean | undefined;
  /**
   * As syncMultipleLeads (default false, syncLead's way): an Id-keyed record carries no `email`, so the
   * lead matched by Id keeps its Email unless an `Email` attribute changes it.
   */
  keepEmailOfIdMatch?: boolean | undefined;
  /** Sync Leads' `partitionName` of every request. */
  partitionName?: string | undefined;
}

/** One Sync Leads request and the inputs (by position in the batch) its records stand for, in order. */
interface RestSyncGroup {
  request: SyncLeadRequest;
  inputIndexes: number[];
}

/** A batch as REST requests, and the inputs REST cannot express (each ends FAILED with its error). */
interface RestSyncPlan {
  groups: RestSyncGroup[];
  refused: Array<{ index: number; error: ValidationError }>;
}

function jsonValue(value: Exclude<LeadAttributeValue, undefined>): string | number | boolean | null {
  return value instanceof Date ? value.toISOString() : value;
}

function setField(record: Lead, name: string, value: unknown): void {
  // defineProperty, not assignment: a field named "__proto__" must stay data.
  Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The REST key of a validated input, by SOAP's precedence.
 *
 * @throws {@link ValidationError} for a `marketoCookie` (no Sync Leads equivalent) or a foreign system
 *   type without a configured REST field
 */
export function restKeyOf(input: ValidSyncLeadInput, options: RestMappingOptions = {}): RestKey {
  if (input.marketoCookie !== undefined) {
    throw new ValidationError(
      'marketoCookie',
      'has no REST equivalent: Sync Leads cannot match or associate a Munchkin cookie (leave it out over REST)',
    );
  }
  const foreignIdField = input.foreignSysPersonId === undefined ? undefined : foreignIdFieldOf(input.foreignSysType!, options);
  if (input.id !== undefined) return { lookupField: 'id', action: 'updateOnly', foreignIdField };
  if (foreignIdField !== undefined) return { lookupField: foreignIdField, action: 'createOrUpdate', foreignIdField };
  return { lookupField: 'email', action: 'createOrUpdate' };
}

function foreignIdFieldOf(type: ForeignSysType, options: RestMappingOptions): string {
  const field = (options.foreignIdFields ?? DEFAULT_FOREIGN_ID_FIELDS)[type];
  if (field === undefined) {
    throw new ValidationError(
      'foreignSysType',
      `${type} has no REST field configured: set rest.foreignIdFields.${type} to the lead field that holds it (Describe Leads lists them)`,
    );
  }
  return field;
}

/** The REST record of a validated input: its keys and attributes as fields. */
export function toRestLead(input: ValidSyncLeadInput, key: RestKey, options: RestMappingOptions = {}): Lead {
  const record: Lead = {};
  const rename = options.fieldName ?? ((name: string) => name);
  for (const [name, value] of Object.entries(input.attributes ?? {})) {
    if (value !== undefined) setField(record, rename(name), jsonValue(value));
  }
  // Keys last, so an attribute of the same REST name never replaces the key the record is matched by.
  if (input.email !== undefined) setField(record, 'email', input.email);
  if (input.foreignSysPersonId !== undefined && key.foreignIdField !== undefined) {
    setField(record, key.foreignIdField, input.foreignSysPersonId);
  }
  if (input.id !== undefined) setField(record, 'id', input.id);
  return record;
}

/**
 * Groups validated inputs into Sync Leads requests: one per run of consecutive inputs of the same key kind
 * (the requests are sent in order, so every record is processed after the inputs before it, as the
 * records of one SOAP call are: a lead created by one input is found by the next), each of at most
 * {@link MAX_REST_SYNC_RECORDS} records. An input REST cannot
 * express is not sent: it is listed in `refused` with the {@link ValidationError} of {@link restKeyOf},
 * so that every input of a bulk run still ends with a result. syncLead plans its one input with the
 * defaults; syncLeads with `dedup` and `keepEmailOfIdMatch`, as syncMultipleLeads behaves.
 */
export function toRestSyncPlan(inputs: readonly ValidSyncLeadInput[], options: RestPlanOptions = {}): RestSyncPlan {
  const groups: RestSyncGroup[] = [];
  const refused: RestSyncPlan['refused'] = [];
  let current: { kind: string; group: RestSyncGroup } | undefined;
  inputs.forEach((input, index) => {
    let key: RestKey;
    try {
      key = restKeyOf(input, options);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      refused.push({ index, error });
      return;
    }
    if (options.dedup === false && key.lookupField === 'email') key = { ...key, action: 'createDuplicate' };
    const kind = `${key.action}\u0000${key.lookupField}`;
    if (current?.kind !== kind || current.group.inputIndexes.length >= MAX_REST_SYNC_RECORDS) {
      const { partitionName } = options;
      const request = { action: key.action, lookupField: key.lookupField, ...(partitionName === undefined ? {} : { partitionName }), input: [] };
      current = { kind, group: { request, inputIndexes: [] } };
      groups.push(current.group);
    }
    const recordInput = options.keepEmailOfIdMatch === true && key.lookupField === 'id' ? { ...input, email: undefined } : input;
    current.group.request.input.push(toRestLead(recordInput, key, options));
    current.group.inputIndexes.push(index);
  });
  return { groups, refused };
}

/**
 * SOAP name -> REST name of every lead field Describe Leads lists with both, for
 * {@link RestMappingOptions.fieldName} (e.g. `FirstName` -> `firstName`).
 */
export function restFieldNamesFromDescribe(fields: readonly LeadAttribute[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const field of fields) {
    if (field.soap?.name && field.rest?.name) names.set(field.soap.name, field.rest.name);
  }
  return names;
}
