// The `lists`, `campaigns` and `importJobs` parts of a state (after programs and leads). A program a list
// or a campaign names that `programs` does not have is created, so the instance stays consistent.
import {
  IMPORT_TO_LIST_MODE_ENUM_VALUES,
  IMPORT_TO_LIST_STATUS_ENUM_VALUES,
  REQ_CAMP_SOURCE_TYPE_VALUES,
} from '@org/mktows-types';

import type { CampaignRun, LeadTokens, NewCampaign } from '../instance/campaigns.js';
import type { ImportJob } from '../instance/import-jobs.js';
import { importColumns } from '../instance/import-run.js';
import type { MarketoInstance } from '../instance/marketo-instance.js';
import type { NewStaticList } from '../instance/static-lists.js';
import { MarketoFault } from '../marketo-fault.js';
import type { At } from './state-reader.js';
import { readEntriesWithIds, Unique } from './state-reader.js';

function programNameAt(at: At, instance: MarketoInstance, startedAt: number): string | undefined {
  const name = at.optionalString();
  if (name !== undefined && !instance.programs.byName(name)) instance.programs.create({ name, createdAt: startedAt });
  return name;
}

function leadIdAt(at: At, instance: MarketoInstance): number {
  const id = at.integer();
  if (!instance.leads.get(id)) at.fail('must be the Id of a lead in state.leads');
  return id;
}

/** Loads `state.lists`. */
export function loadLists(root: At, instance: MarketoInstance, startedAt: number): void {
  const names = new Unique<string>();
  const properties = ['id', 'name', 'programName', 'leadIds'];
  const lists = readEntriesWithIds(
    root,
    'lists',
    properties,
    'list',
    (list, id): NewStaticList & { leadIds: number[] } => {
      const name = list.child('name').string();
      const programName = programNameAt(list.child('programName'), instance, startedAt);
      names.check(list.child('name'), `${programName ?? ''}\u0000${name}`, 'list of the same program');
      const members = new Unique<number>();
      const leadIds = list
        .child('leadIds')
        .items()
        .map((item) => {
          const leadId = leadIdAt(item, instance);
          members.check(item, leadId, 'member');
          return leadId;
        });
      return { id, name, programName, leadIds };
    },
  );
  for (const { leadIds, ...list } of lists) {
    const created = instance.lists.create(list);
    for (const leadId of leadIds) instance.lists.add(created, leadId);
  }
}

function readLeadTokens(at: At, instance: MarketoInstance): LeadTokens[] {
  return at.items().map((entry) => {
    entry.object(['leadId', 'tokens']);
    return { leadId: leadIdAt(entry.child('leadId'), instance), tokens: entry.child('tokens').nameValues() };
  });
}

function readRuns(at: At): CampaignRun[] {
  return at.items().map((run) => {
    run.object(['kind', 'at', 'runAt', 'source', 'leadIds', 'tokens', 'leadTokens']);
    return {
      kind: run.child('kind').oneOf(['requested', 'scheduled'] as const),
      at: run.child('at').dateTime(),
      runAt: run.child('runAt').dateTime(),
      source: run.child('source').absent ? undefined : run.child('source').oneOf(REQ_CAMP_SOURCE_TYPE_VALUES),
      leadIds: run
        .child('leadIds')
        .items()
        .map((item) => item.integer()),
      tokens: run.child('tokens').nameValues(),
      leadTokens: run
        .child('leadTokens')
        .items()
        .map((entry) => {
          entry.object(['leadId', 'tokens']);
          return { leadId: entry.child('leadId').integer(), tokens: entry.child('tokens').nameValues() };
        }),
    };
  });
}

/** Loads `state.campaigns`. */
export function loadCampaigns(root: At, instance: MarketoInstance, startedAt: number): void {
  const names = new Unique<string>();
  const properties = ['id', 'name', 'description', 'programName', 'sources', 'runs', 'pendingLeadTokens'];
  const campaigns = readEntriesWithIds(root, 'campaigns', properties, 'campaign', (campaign, id): NewCampaign => {
    const name = campaign.child('name').string();
    const programName = programNameAt(campaign.child('programName'), instance, startedAt);
    if (programName !== undefined) {
      names.check(campaign.child('name'), `${programName}\u0000${name}`, 'campaign of the same program');
    }
    const sources = new Unique<string>();
    return {
      id,
      name,
      description: campaign.child('description').optionalString(true),
      programName,
      sources: campaign
        .child('sources')
        .items()
        .map((source) => {
          const value = source.oneOf(REQ_CAMP_SOURCE_TYPE_VALUES);
          sources.check(source, value, 'source');
          return value;
        }),
      runs: readRuns(campaign.child('runs')),
      pendingLeadTokens: readLeadTokens(campaign.child('pendingLeadTokens'), instance),
    };
  });
  for (const campaign of campaigns) instance.campaigns.create(campaign);
}

const JOB_PROPERTIES = [
  'programName',
  'listName',
  'status',
  'startedAt',
  'endedAt',
  'estimatedRows',
  'rowsImported',
  'rowsFailed',
  'rowsIgnored',
  'importSummary',
  'pending',
] as const;

function readPending(pending: At, instance: MarketoInstance): ImportJob['pending'] {
  if (pending.absent) return undefined;
  pending.object(['importFileHeader', 'importFileRows', 'importListMode', 'clearList', 'campaignName']);
  const importFileHeader = pending.child('importFileHeader').string();
  try {
    importColumns(importFileHeader, Object.keys(instance.settings.fields));
  } catch (error) {
    if (error instanceof MarketoFault) pending.child('importFileHeader').fail(error.detail ?? error.message);
    throw error;
  }
  const clearList =
    pending.child('clearList').optionalBoolean() ?? pending.child('clearList').fail('must be true or false');
  return {
    importFileHeader,
    importFileRows: pending
      .child('importFileRows')
      .items()
      .map((row) => row.string(true)),
    importListMode: pending.child('importListMode').oneOf(IMPORT_TO_LIST_MODE_ENUM_VALUES),
    clearList,
    campaignName: pending.child('campaignName').optionalString(),
  };
}

/** Loads `state.importJobs` (after the lists they import to), oldest first. */
export function loadImportJobs(root: At, instance: MarketoInstance): void {
  for (const job of root.child('importJobs').items()) {
    job.object(JOB_PROPERTIES);
    const programName = job.child('programName').string();
    const listName = job.child('listName').string();
    if (!instance.lists.inProgram(programName, listName)) {
      job.child('listName').fail(`must be a list of program "${programName}" in state.lists`);
    }
    const status = job.child('status').oneOf(IMPORT_TO_LIST_STATUS_ENUM_VALUES);
    const pending = readPending(job.child('pending'), instance);
    if ((pending !== undefined) !== (status === 'PROCESSING')) {
      job.child('pending').fail('must be given exactly when status is PROCESSING');
    }
    const startedAt = job.child('startedAt').dateTime();
    instance.imports.add({
      programName,
      listName,
      status,
      startedAt,
      endedAt: job.child('endedAt').absent ? undefined : job.child('endedAt').dateTime(),
      estimatedRows: job.child('estimatedRows').integer(0),
      rowsImported: job.child('rowsImported').optionalInteger(0) ?? 0,
      rowsFailed: job.child('rowsFailed').optionalInteger(0) ?? 0,
      rowsIgnored: job.child('rowsIgnored').optionalInteger(0) ?? 0,
      importSummary: job.child('importSummary').optionalString(true),
      pending,
    });
  }
}
