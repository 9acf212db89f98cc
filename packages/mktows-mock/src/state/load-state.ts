// A state object (or JSON) into a new instance: every part checked in dependency order (tag types before
// programs, leads before lists, ...), so the first bad value is refused with its path before anything
// is served. The caller swaps the new instance in only when it is complete.
import type { InstanceSettings } from '../instance/marketo-instance.js';
import { MarketoInstance } from '../instance/marketo-instance.js';
import { loadActivities, loadLeads } from './load-leads.js';
import { loadCampaigns, loadImportJobs, loadLists } from './load-lists-campaigns.js';
import { loadCustomObjects, loadOpportunities } from './load-objects.js';
import { loadPrograms, loadTagTypes } from './load-programs.js';
import { At } from './state-reader.js';

const PARTS = [
  'leads',
  'lists',
  'programs',
  'campaigns',
  'customObjectTypes',
  'customObjects',
  'opportunities',
  'opportunityPersonRoles',
  'channels',
  'tags',
  'activities',
  'importJobs',
  'nextIds',
] as const;

const NEXT_IDS = [
  'lead',
  'activity',
  'list',
  'program',
  'campaign',
  'costLine',
  'opportunity',
  'opportunityPersonRole',
] as const;

type NextIdName = (typeof NEXT_IDS)[number];

/** Where a next Id is read and set. */
interface IdSlot {
  next: number;
}

function slot(get: () => number, set: (id: number) => void): IdSlot {
  return {
    get next() {
      return get();
    },
    set next(id: number) {
      set(id);
    },
  };
}

function nextIdSlots(instance: MarketoInstance): Record<NextIdName, IdSlot> {
  return {
    lead: slot(() => instance.leads.nextLeadId, (id) => (instance.leads.nextLeadId = id)),
    activity: slot(() => instance.activities.nextActivityId, (id) => (instance.activities.nextActivityId = id)),
    list: instance.lists.ids,
    program: instance.programs.ids,
    campaign: instance.campaigns.ids,
    costLine: instance.programs.costIds,
    opportunity: instance.opportunities.ids,
    opportunityPersonRole: instance.roles.ids,
  };
}

/** The next Ids of an instance, as `state().nextIds` shows them. */
export function nextIdsOf(instance: MarketoInstance): Record<NextIdName, number> {
  const slots = nextIdSlots(instance);
  return Object.fromEntries(NEXT_IDS.map((name) => [name, slots[name].next])) as Record<NextIdName, number>;
}

function loadNextIds(root: At, instance: MarketoInstance): void {
  const nextIds = root.child('nextIds');
  if (nextIds.absent) return;
  nextIds.object(NEXT_IDS);
  const slots = nextIdSlots(instance);
  for (const name of NEXT_IDS) {
    const id = nextIds.child(name).optionalInteger();
    if (id === undefined) continue;
    if (id < slots[name].next)
      nextIds.child(name).fail(`must be at least ${slots[name].next}, above every ${name} Id in use`);
    slots[name].next = id;
  }
}

/**
 * Builds an instance from a state.
 * @throws ValidationError naming the first bad value (`state.leads[2].email`) and the rule
 */
export function loadState(state: unknown, settings: InstanceSettings): MarketoInstance {
  const root = new At('state', state ?? {}).object(PARTS);
  const instance = new MarketoInstance(settings);
  const startedAt = settings.now();
  loadTagTypes(root, instance);
  loadPrograms(root, instance, startedAt);
  loadLeads(root, instance, startedAt);
  loadLists(root, instance, startedAt);
  loadCampaigns(root, instance, startedAt);
  loadCustomObjects(root, instance);
  loadOpportunities(root, instance, startedAt);
  loadActivities(root, instance);
  loadImportJobs(root, instance);
  loadNextIds(root, instance);
  return instance;
}
