// syncMObjects for Opportunity and OpportunityPersonRole. An opportunity is found by id, else by external
// key (the most recent holder); a role by id, else by its opportunity + lead (a lead has one role on an
// opportunity). INSERT skips existing objects (SKIPPED), UPDATE skips missing ones (SKIPPED), UPSERT does
// both; an update that changes nothing is UNCHANGED. Attributes must be fields describeMObject lists, with
// values of their type; an empty value clears a field. A role names its opportunity and lead by the
// OpportunityId / PersonId attributes or by associations (Opportunity by id or external key, Lead by id).
import type { MObjStatus, SyncOperationEnum } from '@org/mktows-types';

import { attributeValueProblem } from '../lead-fields.js';
import type { MarketoInstance } from '../instance/marketo-instance.js';
import type { MObjectField } from '../instance/mobject-fields.js';
import { OPPORTUNITY_FIELDS, OPPORTUNITY_PERSON_ROLE_FIELDS } from '../instance/mobject-fields.js';
import type { OpportunityPersonRole } from '../instance/opportunities.js';
import { opportunityByExternalKey } from '../instance/opportunities.js';
import type { MObjectInput } from './mobject-input.js';
import { ObjectFailure } from './mobject-input.js';

function checkedAttributes(input: MObjectInput, fields: readonly MObjectField[], type: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const { name, value } of input.attributes) {
    const field = fields.find((candidate) => candidate.name === name);
    if (!field) throw new ObjectFailure(`${type} has no field "${name}"`);
    const problem = value === '' ? undefined : attributeValueProblem(field.dataType, value);
    if (problem) throw new ObjectFailure(`${name} ${problem}`);
    attributes[name] = value;
  }
  return attributes;
}

function merged(
  current: Readonly<Record<string, string>>,
  changes: Readonly<Record<string, string>>,
): Record<string, string> {
  const next = { ...current };
  for (const [name, value] of Object.entries(changes)) {
    if (value === '') delete next[name];
    else next[name] = value;
  }
  return next;
}

function sameRecord(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

/** Syncs one Opportunity. @throws ObjectFailure for a problem of this object */
export function syncOpportunity(
  instance: MarketoInstance,
  input: MObjectInput,
  operation: SyncOperationEnum,
): MObjStatus {
  const externalKey = input.externalKey;
  const existing =
    input.id !== undefined
      ? instance.opportunities.get(input.id)
      : externalKey && opportunityByExternalKey(instance.opportunities, externalKey);
  const attributes = checkedAttributes(input, OPPORTUNITY_FIELDS, 'Opportunity');
  for (const link of input.associations) {
    if (link.mObjType !== 'Company')
      throw new ObjectFailure(`an Opportunity links to a Company, not a ${link.mObjType}`);
  }
  const echo = externalKey ? { externalKey } : {};
  if (existing) {
    if (operation === 'INSERT') return { id: existing.id, ...echo, status: 'SKIPPED' };
    const next = merged(existing.attributes, attributes);
    if (!next.Name) throw new ObjectFailure('Name is required');
    const associations = input.associations.length > 0 ? input.associations : existing.associations;
    const nextKey = externalKey ?? existing.externalKey;
    const unchanged =
      sameRecord(next, existing.attributes) &&
      JSON.stringify(associations) === JSON.stringify(existing.associations) &&
      JSON.stringify(nextKey) === JSON.stringify(existing.externalKey);
    if (unchanged) return { id: existing.id, ...echo, status: 'UNCHANGED' };
    Object.assign(existing, { attributes: next, associations, externalKey: nextKey, updatedAt: instance.now() });
    return { id: existing.id, ...echo, status: 'UPDATED' };
  }
  if (operation === 'UPDATE') return { id: input.id ?? 0, ...echo, status: 'SKIPPED' };
  if (input.id !== undefined)
    throw new ObjectFailure(`no Opportunity with id ${input.id} (leave id out to create one)`);
  if (!attributes.Name) throw new ObjectFailure('Name is required');
  const now = instance.now();
  const created = instance.opportunities.create((id) => ({
    id,
    externalKey,
    attributes: merged({}, attributes),
    associations: input.associations,
    createdAt: now,
    updatedAt: now,
  }));
  return { id: created.id, ...echo, status: 'CREATED' };
}

function roleLinks(instance: MarketoInstance, input: MObjectInput, attributes: Record<string, string>) {
  let opportunityId = attributes.OpportunityId === undefined ? undefined : Number(attributes.OpportunityId);
  let personId = attributes.PersonId === undefined ? undefined : Number(attributes.PersonId);
  for (const link of input.associations) {
    if (link.mObjType === 'Lead') {
      if (link.id === undefined) throw new ObjectFailure('a Lead association needs the lead id');
      personId = link.id;
    } else if (link.mObjType === 'Opportunity') {
      const opportunity =
        link.id !== undefined
          ? instance.opportunities.get(link.id)
          : link.externalKey && opportunityByExternalKey(instance.opportunities, link.externalKey);
      if (!opportunity) throw new ObjectFailure('the associated Opportunity does not exist');
      opportunityId = opportunity.id;
    } else
      throw new ObjectFailure(`an OpportunityPersonRole links to a Lead and an Opportunity, not a ${link.mObjType}`);
  }
  return { opportunityId, personId };
}

/** Syncs one OpportunityPersonRole. @throws ObjectFailure for a problem of this object */
export function syncRole(instance: MarketoInstance, input: MObjectInput, operation: SyncOperationEnum): MObjStatus {
  if (input.externalKey) throw new ObjectFailure('an OpportunityPersonRole has no external key: use its id');
  const attributes = checkedAttributes(input, OPPORTUNITY_PERSON_ROLE_FIELDS, 'OpportunityPersonRole');
  const links = roleLinks(instance, input, attributes);
  const existing =
    input.id !== undefined
      ? instance.roles.get(input.id)
      : instance.roles
          .all()
          .find((role) => role.opportunityId === links.opportunityId && role.personId === links.personId);
  if (existing && operation === 'INSERT') return { id: existing.id, status: 'SKIPPED' };
  if (!existing && operation === 'UPDATE') return { id: input.id ?? 0, status: 'SKIPPED' };
  if (!existing && input.id !== undefined) throw new ObjectFailure(`no OpportunityPersonRole with id ${input.id}`);
  const opportunityId = links.opportunityId ?? existing?.opportunityId;
  const personId = links.personId ?? existing?.personId;
  if (opportunityId === undefined || !instance.opportunities.get(opportunityId)) {
    throw new ObjectFailure('OpportunityId must name an existing Opportunity');
  }
  if (personId === undefined || !instance.leads.get(personId))
    throw new ObjectFailure('PersonId must name an existing lead');
  const optional = (name: string, current: string | undefined): string | undefined =>
    name in attributes ? attributes[name] || undefined : current;
  const isPrimary = optional('IsPrimary', existing?.isPrimary === undefined ? undefined : String(existing.isPrimary));
  const values: Omit<OpportunityPersonRole, 'id' | 'createdAt' | 'updatedAt'> = {
    opportunityId,
    personId,
    role: optional('Role', existing?.role),
    isPrimary: isPrimary === undefined ? undefined : /^(true|1)$/i.test(isPrimary),
    externalCreatedDate: optional('ExternalCreatedDate', existing?.externalCreatedDate),
  };
  const now = instance.now();
  if (existing) {
    const { id: _id, createdAt: _created, updatedAt: _updated, ...current } = existing;
    if (sameRecord(current, values)) return { id: existing.id, status: 'UNCHANGED' };
    Object.assign(existing, values, { updatedAt: now });
    return { id: existing.id, status: 'UPDATED' };
  }
  const created = instance.roles.create((id) => ({ id, ...values, createdAt: now, updatedAt: now }));
  return { id: created.id, status: 'CREATED' };
}
