// The `customObjectTypes`, `customObjects`, `opportunities` and `opportunityPersonRoles` parts of a state
// (after the leads they link to).
import { attributeValueProblem } from '../lead-fields.js';
import { LEAD_LINK_KEY, recordIdentity } from '../instance/custom-objects.js';
import type { MarketoInstance } from '../instance/marketo-instance.js';
import type { MObjectField } from '../instance/mobject-fields.js';
import { OPPORTUNITY_FIELDS } from '../instance/mobject-fields.js';
import type { Association, ExternalKey, Opportunity, OpportunityPersonRole } from '../instance/opportunities.js';
import type { At } from './state-reader.js';
import { explicitIdsFirst, Unique } from './state-reader.js';

function names(at: At, what: string, seen = new Unique<string>()): string[] {
  return at.items().map((item) => {
    const name = item.string();
    seen.check(item, name, what);
    return name;
  });
}

/** Loads `state.customObjectTypes` and `state.customObjects`. */
export function loadCustomObjects(root: At, instance: MarketoInstance): void {
  const typeNames = new Unique<string>();
  for (const type of root.child('customObjectTypes').items()) {
    type.object(['name', 'keys', 'fields']);
    const name = type.child('name').string();
    typeNames.check(type.child('name'), name.toLowerCase(), 'custom object type (names are case-insensitive)');
    const attributeNames = new Unique<string>();
    const keys = names(type.child('keys'), 'key or field', attributeNames);
    if (keys.length === 0) type.child('keys').fail('must name at least one key attribute');
    const fields = names(type.child('fields'), 'key or field', attributeNames);
    instance.customObjects.defineType({ name, keys, fields });
  }
  const identities = new Unique<string>();
  for (const record of root.child('customObjects').items()) {
    record.object(['type', 'keys', 'attributes']);
    const table = instance.customObjects.table(record.child('type').string());
    if (!table) return record.child('type').fail('must be the name of one of state.customObjectTypes');
    const keys = record.child('keys').stringRecord();
    for (const key of table.type.keys) {
      if ((keys[key] ?? '') === '')
        record.child('keys').child(key).fail('must be given: every key identifies the record');
    }
    for (const key of Object.keys(keys)) {
      if (!table.type.keys.includes(key)) record.child('keys').child(key).fail(`is not a key of ${table.type.name}`);
    }
    const leadLink = keys[LEAD_LINK_KEY];
    if (leadLink !== undefined && !(/^\d+$/.test(leadLink) && instance.leads.get(Number(leadLink)))) {
      record.child('keys').child(LEAD_LINK_KEY).fail('must be the Id of a lead in state.leads');
    }
    const attributes = record.child('attributes').stringRecord();
    for (const field of Object.keys(attributes)) {
      if (!table.type.fields.includes(field))
        record.child('attributes').child(field).fail(`is not a field of ${table.type.name}`);
    }
    identities.check(record.child('keys'), `${table.type.name}\u0000${recordIdentity(table.type, keys)}`, 'record');
    instance.customObjects.insert(table, keys, attributes);
  }
}

function readExternalKey(at: At): ExternalKey | undefined {
  if (at.absent) return undefined;
  at.object(['name', 'value']);
  return { name: at.child('name').string(), value: at.child('value').string() };
}

/** Checks MObject attributes against a field list. */
function readMObjectAttributes(at: At, fields: readonly MObjectField[]): Record<string, string> {
  const attributes = at.stringRecord();
  for (const [name, value] of Object.entries(attributes)) {
    const field = fields.find((candidate) => candidate.name === name);
    if (!field) return at.child(name).fail(`is not a field (${fields.map((candidate) => candidate.name).join(', ')})`);
    const problem = attributeValueProblem(field.dataType, value);
    if (problem) at.child(name).fail(problem);
  }
  for (const field of fields) if (field.required && !attributes[field.name]) at.child(field.name).fail('is required');
  return attributes;
}

function readAssociations(at: At): Association[] {
  return at.items().map((association) => {
    association.object(['mObjType', 'id', 'externalKey']);
    return {
      mObjType: association.child('mObjType').string(),
      id: association.child('id').optionalInteger(),
      externalKey: readExternalKey(association.child('externalKey')),
    };
  });
}

const OPPORTUNITY_PROPERTIES = ['id', 'externalKey', 'attributes', 'associations', 'createdAt', 'updatedAt'] as const;
const ROLE_PROPERTIES = [
  'id',
  'opportunityId',
  'personId',
  'role',
  'isPrimary',
  'externalCreatedDate',
  'createdAt',
  'updatedAt',
] as const;

/** Loads `state.opportunities` and `state.opportunityPersonRoles`. */
export function loadOpportunities(root: At, instance: MarketoInstance, startedAt: number): void {
  const ids = new Unique<number>();
  const opportunities = root
    .child('opportunities')
    .items()
    .map((opportunity): Opportunity | (Omit<Opportunity, 'id'> & { id?: number }) => {
      opportunity.object(OPPORTUNITY_PROPERTIES);
      const id = opportunity.child('id').optionalInteger();
      if (id !== undefined) ids.check(opportunity.child('id'), id, 'opportunity');
      const createdAt = opportunity.child('createdAt').dateTime(startedAt);
      return {
        id,
        externalKey: readExternalKey(opportunity.child('externalKey')),
        attributes: readMObjectAttributes(opportunity.child('attributes'), OPPORTUNITY_FIELDS),
        associations: readAssociations(opportunity.child('associations')),
        createdAt,
        updatedAt: opportunity.child('updatedAt').dateTime(createdAt),
      };
    });
  for (const { id, ...opportunity } of explicitIdsFirst(opportunities)) {
    instance.opportunities.create((next) => ({ ...opportunity, id: next }), id);
  }
  const roleIds = new Unique<number>();
  const roles = root
    .child('opportunityPersonRoles')
    .items()
    .map((role): Omit<OpportunityPersonRole, 'id'> & { id?: number } => {
      role.object(ROLE_PROPERTIES);
      const id = role.child('id').optionalInteger();
      if (id !== undefined) roleIds.check(role.child('id'), id, 'opportunity person role');
      const opportunityId = role.child('opportunityId').integer();
      if (!instance.opportunities.get(opportunityId))
        role.child('opportunityId').fail('must be the Id of an opportunity');
      const personId = role.child('personId').integer();
      if (!instance.leads.get(personId)) role.child('personId').fail('must be the Id of a lead in state.leads');
      const externalCreatedDate = role.child('externalCreatedDate').optionalString();
      if (externalCreatedDate !== undefined && attributeValueProblem('datetime', externalCreatedDate)) {
        role.child('externalCreatedDate').fail('must be a W3C date-time');
      }
      const createdAt = role.child('createdAt').dateTime(startedAt);
      return {
        id,
        opportunityId,
        personId,
        role: role.child('role').optionalString(),
        isPrimary: role.child('isPrimary').optionalBoolean(),
        externalCreatedDate,
        createdAt,
        updatedAt: role.child('updatedAt').dateTime(createdAt),
      };
    });
  for (const { id, ...role } of explicitIdsFirst(roles)) instance.roles.create((next) => ({ ...role, id: next }), id);
}
