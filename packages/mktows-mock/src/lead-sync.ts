// syncLead's upsert rules on the store, shared by syncLead and syncMultipleLeads:
// - keys: Id, ForeignSysPersonId (+ ForeignSysType), the Munchkin cookie, Email; all but Email are unique;
// - Id takes precedence over every other key and must exist (fault 20103); an Id match with a foreign id
//   updates the lead's foreign id;
// - otherwise the foreign id, then the cookie, then (when deduplicating) Email (the newest lead holding it)
//   pick the lead; a foreign id with Email and no Id matches by foreign id and updates the lead's Email;
// - an anonymous lead matched through its cookie becomes known when the request gives Email;
// - no match creates a lead, placed by the workspace rules.
// Request-level problems throw a MarketoFault; a record that cannot be stored returns a FAILED result.
import type { LeadFieldTypes } from './lead-fields.js';
import { attributeValueProblem, REFUSED_FIELD_NAMES } from './lead-fields.js';
import type { ForeignSysType, LeadFields, LeadStore, MockLead, StoredLead } from './lead-store.js';
import { FOREIGN_SYS_TYPES, toMockLead } from './lead-store.js';
import { MarketoFault } from './marketo-fault.js';
import type { MatchedBy, TargetWorkspace, Workspaces } from './workspaces.js';

/** One attribute of a request's `leadAttributeList`; `value` undefined or empty clears the field. */
export interface AttributeInput {
  name: string;
  value: string | undefined;
}

/** One lead record of a sync request, already read out of the SOAP body. */
export interface LeadRecordInput {
  id: number | undefined;
  email: string | undefined;
  foreignSysPersonId: string | undefined;
  foreignSysType: string | undefined;
  /** syncLead's `marketoCookie` (syncMultipleLeads has none). */
  cookie: string | undefined;
  attributes: readonly AttributeInput[];
}

/** How one call applies the rules. */
export interface SyncRules {
  /** Match by Email when no unique key matches: always for syncLead, `dedupEnabled` for syncMultipleLeads. */
  dedupByEmail: boolean;
  /**
   * Whether the record's `Email` element updates a lead matched by Id or foreign id. syncLead: yes.
   * syncMultipleLeads: no, Email changes only through an `Email` attribute (as Marketo documents it).
   */
  emailKeyUpdatesMatchedLead: boolean;
  target: TargetWorkspace;
}

/** What syncing one record did. */
type SyncResult =
  | { status: 'CREATED' | 'UPDATED'; lead: MockLead; matchedBy: MatchedBy | undefined }
  | { status: 'FAILED'; failure: MarketoFault };

/** One field a sync changed: its API name (`Email` for the Email), old and new value (`''` when blank). */
export interface FieldChange {
  field: string;
  oldValue: string;
  newValue: string;
}

/** What a sync reports to the instance, which logs the activities (`New Lead`, `Change Data Value`). */
export interface LeadSyncEvents {
  created(lead: StoredLead): void;
  changed(lead: StoredLead, changes: readonly FieldChange[]): void;
}

/** What the sync rules need besides the record. */
export interface SyncEnvironment {
  store: LeadStore;
  fields: LeadFieldTypes;
  workspaces: Workspaces;
  events: LeadSyncEvents;
  now: () => number;
}

/** The fields that differ between two versions of a lead, Email first, then attributes. */
export function fieldChanges(
  before: Pick<LeadFields, 'email' | 'attributes'>,
  after: Pick<LeadFields, 'email' | 'attributes'>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  if ((before.email ?? '') !== (after.email ?? '')) {
    changes.push({ field: 'Email', oldValue: before.email ?? '', newValue: after.email ?? '' });
  }
  for (const name of new Set([...Object.keys(before.attributes), ...Object.keys(after.attributes)])) {
    const oldValue = before.attributes[name] ?? '';
    const newValue = after.attributes[name] ?? '';
    if (oldValue !== newValue) changes.push({ field: name, oldValue, newValue });
  }
  return changes;
}

/**
 * Refuses attribute names the instance does not have, and names that can never be fields (`__proto__`).
 * @throws MarketoFault 20105 naming every unknown attribute
 */
export function checkAttributeNames(attributes: readonly AttributeInput[], fields: LeadFieldTypes): void {
  const unknown = attributes
    .map((attribute) => attribute.name)
    .filter((name) => REFUSED_FIELD_NAMES.has(name) || !Object.hasOwn(fields, name));
  if (unknown.length > 0) {
    throw new MarketoFault(20105, `unknown attribute ${unknown.map((name) => `"${name}"`).join(', ')}`);
  }
}

/** The record's last `Email` attribute (the one that wins), if any. */
function emailAttributeOf(record: LeadRecordInput): AttributeInput | undefined {
  return [...record.attributes].reverse().find((attribute) => attribute.name === 'Email');
}

/** The Email a record identifies its lead by: the `Email` element, else an `Email` attribute. */
function emailKeyOf(record: LeadRecordInput): string | undefined {
  const email = record.email ?? emailAttributeOf(record)?.value;
  return email === '' ? undefined : email;
}

function checkKeys(record: LeadRecordInput): ForeignSysType | undefined {
  if (record.foreignSysPersonId !== undefined) {
    if (record.foreignSysType === undefined) {
      throw new MarketoFault(20109, 'ForeignSysType is required when ForeignSysPersonId is given');
    }
    if (!(FOREIGN_SYS_TYPES as readonly string[]).includes(record.foreignSysType)) {
      throw new MarketoFault(20110, `ForeignSysType must be one of ${FOREIGN_SYS_TYPES.join(', ')}`);
    }
    return record.foreignSysType as ForeignSysType;
  }
  if (record.id === undefined && emailKeyOf(record) === undefined && record.cookie === undefined) {
    throw new MarketoFault(20109, 'leadRecord needs Id, Email, ForeignSysPersonId or a marketoCookie');
  }
  return undefined;
}

interface Match {
  lead: StoredLead;
  matchedBy: MatchedBy;
}

function findMatch(
  env: SyncEnvironment,
  record: LeadRecordInput,
  type: ForeignSysType | undefined,
  rules: SyncRules,
): Match | undefined {
  const { store } = env;
  if (record.id !== undefined) {
    const lead = store.get(record.id);
    if (!lead) throw new MarketoFault(20103, `no lead with Id ${record.id}`);
    return { lead, matchedBy: 'id' };
  }
  if (record.foreignSysPersonId !== undefined && type !== undefined) {
    const lead = store.findByForeignId(type, record.foreignSysPersonId);
    if (lead) return { lead, matchedBy: 'foreignId' };
  }
  if (record.cookie !== undefined) {
    const lead = store.findByCookie(record.cookie);
    if (lead) return { lead, matchedBy: 'cookie' };
  }
  const email = emailKeyOf(record);
  if (rules.dedupByEmail && email !== undefined) {
    // Email is not unique: Marketo uses the most recently added lead with the address (spec §4.3, "for
    // non-unique keys ... the most recently added record is the one used"). A lead holding a different
    // foreign id is another person who happens to share the address.
    const lead = store
      .findByEmail(email)
      .reverse()
      .find((candidate) => record.foreignSysPersonId === undefined || candidate.foreignSysPersonId === null);
    if (lead) return { lead, matchedBy: 'email' };
  }
  return undefined;
}

function valueProblem(record: LeadRecordInput, fields: LeadFieldTypes): MarketoFault | undefined {
  for (const { name, value } of record.attributes) {
    const type = fields[name];
    if (type === undefined || value === undefined || value === '') continue;
    const problem = attributeValueProblem(type, value);
    if (problem) return new MarketoFault(20110, `attribute ${name} ${problem}`);
  }
  return undefined;
}

function nextEmail(record: LeadRecordInput, match: Match | undefined, rules: SyncRules): string | null | undefined {
  const fromAttribute = emailAttributeOf(record);
  if (fromAttribute)
    return fromAttribute.value === undefined || fromAttribute.value === '' ? null : fromAttribute.value;
  if (record.email === undefined) return undefined;
  if (!match || rules.emailKeyUpdatesMatchedLead) return record.email === '' ? null : record.email;
  return undefined;
}

function nextFields(
  record: LeadRecordInput,
  type: ForeignSysType | undefined,
  match: Match | undefined,
  rules: SyncRules,
): Omit<LeadFields, 'workspace' | 'partition'> {
  const current = match?.lead;
  const attributes = { ...(current?.attributes ?? {}) };
  for (const { name, value } of record.attributes) {
    if (name === 'Email') continue;
    if (value === undefined || value === '') delete attributes[name];
    else attributes[name] = value;
  }
  const email = nextEmail(record, match, rules);
  return {
    email: email === undefined ? (current?.email ?? null) : email,
    foreignSysPersonId: record.foreignSysPersonId ?? current?.foreignSysPersonId ?? null,
    foreignSysType: type ?? current?.foreignSysType ?? null,
    cookie: record.cookie ?? current?.cookie ?? null,
    attributes,
  };
}

/**
 * Upserts one record under syncLead's key-precedence and workspace rules.
 *
 * @throws MarketoFault for request-level problems: 20105 unknown attribute, 20109/20110 bad keys,
 *   20103 an Id that matches nothing, 20106 a matched lead outside the target workspace
 * @returns CREATED/UPDATED with the stored lead, or FAILED (20110 bad value, 20106 foreign id taken)
 */
export function syncLeadRecord(env: SyncEnvironment, record: LeadRecordInput, rules: SyncRules): SyncResult {
  checkAttributeNames(record.attributes, env.fields);
  const type = checkKeys(record);
  const match = findMatch(env, record, type, rules);
  if (match) env.workspaces.checkMatchedLead(match.lead, match.matchedBy, rules.target);

  const badValue = valueProblem(record, env.fields);
  if (badValue) return { status: 'FAILED', failure: badValue };
  if (record.foreignSysPersonId !== undefined && type !== undefined) {
    const holder = env.store.foreignIdHolder(type, record.foreignSysPersonId, match?.lead);
    if (holder !== undefined) {
      return {
        status: 'FAILED',
        failure: new MarketoFault(
          20106,
          `ForeignSysPersonId ${record.foreignSysPersonId} (${type}) belongs to lead ${holder}`,
        ),
      };
    }
  }

  const fields = nextFields(record, type, match, rules);
  if (match) {
    const { workspace, partition, email, attributes } = match.lead;
    const lead = env.store.update(match.lead, { ...fields, workspace, partition });
    const changes = fieldChanges({ email, attributes }, lead);
    if (changes.length > 0) env.events.changed(lead, changes);
    return { status: 'UPDATED', lead: toMockLead(lead), matchedBy: match.matchedBy };
  }
  const placement = env.workspaces.placeNewLead(fields, rules.target);
  const lead = env.store.create({ ...fields, ...placement }, { createdAt: env.now() });
  env.events.created(lead);
  return { status: 'CREATED', lead: toMockLead(lead), matchedBy: undefined };
}
