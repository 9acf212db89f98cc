// The `leads` and `activities` parts of a state: checked, then stored. Leads with an Id are stored in
// ascending Id order first, then the others get the next Ids in the order given.
import { FOREIGN_SYS_TYPE_VALUES } from '@org/mktows-types';

import { attributeValueProblem } from '../lead-fields.js';
import type { LeadFields } from '../lead-store.js';
import type { MarketoInstance } from '../instance/marketo-instance.js';
import type { Placement } from '../workspaces.js';
import type { At } from './state-reader.js';
import { Unique } from './state-reader.js';

const LEAD_PROPERTIES = [
  'id',
  'email',
  'foreignSysPersonId',
  'foreignSysType',
  'cookie',
  'workspace',
  'partition',
  'attributes',
  'createdAt',
  'updatedAt',
] as const;

interface LeadToStore {
  at: At;
  id: number | undefined;
  fields: LeadFields;
  createdAt: number;
  updatedAt: number;
}

function readAttributes(at: At, instance: MarketoInstance): Record<string, string> {
  const attributes = at.stringRecord();
  for (const [name, value] of Object.entries(attributes)) {
    const type = Object.hasOwn(instance.settings.fields, name) ? instance.settings.fields[name] : undefined;
    if (type === undefined || name === 'Email') {
      return at.child(name).fail("must be a field of the instance (other than Email, which is the lead's email)");
    }
    const problem = value === '' ? 'must not be empty (leave the field out)' : attributeValueProblem(type, value);
    if (problem) at.child(name).fail(problem);
  }
  return attributes;
}

function readPlacement(
  lead: At,
  instance: MarketoInstance,
  candidate: Omit<LeadFields, 'workspace' | 'partition'>,
): Placement {
  const workspaces = instance.settings.workspaces;
  const workspace = lead.child('workspace').optionalString();
  const partition = lead.child('partition').optionalString();
  if (partition !== undefined) {
    let placement: Placement;
    try {
      placement = workspaces.placementOf(partition);
    } catch {
      return lead.child('partition').fail('must be a partition of a configured workspace');
    }
    if (workspace !== undefined && workspace !== placement.workspace) {
      lead.child('workspace').fail(`must be "${placement.workspace}", the workspace of partition "${partition}"`);
    }
    return placement;
  }
  if (workspace !== undefined) {
    return workspaces.primaryPlacement(workspace) ?? lead.child('workspace').fail('must be a configured workspace');
  }
  return workspaces.placeNewLead(candidate, { named: undefined });
}

function readLead(lead: At, instance: MarketoInstance, startedAt: number): LeadToStore {
  lead.object(LEAD_PROPERTIES);
  const foreignSysPersonId = lead.child('foreignSysPersonId').optionalString() ?? null;
  const foreignSysType = lead.child('foreignSysType').absent
    ? null
    : lead.child('foreignSysType').oneOf(FOREIGN_SYS_TYPE_VALUES);
  if ((foreignSysPersonId === null) !== (foreignSysType === null)) {
    lead
      .child(foreignSysType === null ? 'foreignSysType' : 'foreignSysPersonId')
      .fail('must be given together with foreignSysPersonId / foreignSysType');
  }
  const candidate = {
    email: lead.child('email').optionalString() ?? null,
    foreignSysPersonId,
    foreignSysType,
    cookie: lead.child('cookie').optionalString() ?? null,
    attributes: readAttributes(lead.child('attributes'), instance),
  };
  const createdAt = lead.child('createdAt').dateTime(startedAt);
  const updatedAt = lead.child('updatedAt').dateTime(createdAt);
  if (updatedAt < createdAt) lead.child('updatedAt').fail('must not be before createdAt');
  return {
    at: lead,
    id: lead.child('id').optionalInteger(),
    fields: { ...candidate, ...readPlacement(lead, instance, candidate) },
    createdAt,
    updatedAt,
  };
}

/** Loads `state.leads`. */
export function loadLeads(root: At, instance: MarketoInstance, startedAt: number): void {
  const leads = root
    .child('leads')
    .items()
    .map((lead) => readLead(lead, instance, startedAt));
  const ids = new Unique<number>();
  const foreignIds = new Unique<string>();
  const cookies = new Unique<string>();
  for (const lead of leads) {
    if (lead.id !== undefined) ids.check(lead.at.child('id'), lead.id, 'lead');
    const { foreignSysType, foreignSysPersonId, cookie } = lead.fields;
    if (foreignSysPersonId !== null) {
      foreignIds.check(lead.at.child('foreignSysPersonId'), `${foreignSysType}:${foreignSysPersonId}`, 'lead');
    }
    if (cookie !== null) cookies.check(lead.at.child('cookie'), cookie, 'lead');
  }
  const withId = leads.filter((lead) => lead.id !== undefined).sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  for (const lead of [...withId, ...leads.filter((lead) => lead.id === undefined)]) {
    instance.leads.create(lead.fields, { id: lead.id, createdAt: lead.createdAt, updatedAt: lead.updatedAt });
  }
}

const ACTIVITY_PROPERTIES = [
  'id',
  'leadId',
  'activityType',
  'activityDateTime',
  'mktgAssetName',
  'campaign',
  'attributes',
] as const;

/** Loads `state.activities` (after the leads they belong to). */
export function loadActivities(root: At, instance: MarketoInstance): void {
  const ids = new Unique<number>();
  const activities = root
    .child('activities')
    .items()
    .map((activity) => {
      activity.object(ACTIVITY_PROPERTIES);
      const id = activity.child('id').integer();
      ids.check(activity.child('id'), id, 'activity');
      const leadId = activity.child('leadId').integer();
      if (!instance.leads.get(leadId)) activity.child('leadId').fail('must be the Id of a lead in state.leads');
      return {
        id,
        leadId,
        type: activity.child('activityType').string(),
        at: activity.child('activityDateTime').dateTime(),
        asset: activity.child('mktgAssetName').optionalString(true) ?? '',
        campaign: activity.child('campaign').optionalString(),
        attributes: activity.child('attributes').nameValues(),
      };
    });
  for (const activity of activities.sort((a, b) => a.id - b.id)) instance.activities.restore(activity);
}
