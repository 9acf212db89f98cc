// An instance as JSON (`server.state()`, `--save-state`): the shape `loadState` reads, every default filled
// in and every list in a fixed order (Ids ascending, activities by Id, import jobs oldest first), so
// loading the result and saving again gives the same JSON.
import type { MarketoInstance } from '../instance/marketo-instance.js';
import { formatStateDateTime as time } from '../time-format.js';
import { nextIdsOf } from './load-state.js';
import type { MockState, MockStateCampaign, MockStateLead, MockStateProgram } from './mock-state.js';

/** Copies `value` without its undefined properties (JSON leaves them out anyway; deep equality does not). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

function leads(instance: MarketoInstance): MockStateLead[] {
  return instance.leads.all().map((lead) =>
    defined({
      id: lead.id,
      email: lead.email ?? undefined,
      foreignSysPersonId: lead.foreignSysPersonId ?? undefined,
      foreignSysType: lead.foreignSysType ?? undefined,
      cookie: lead.cookie ?? undefined,
      workspace: lead.workspace,
      partition: lead.partition,
      attributes: { ...lead.attributes },
      createdAt: time(lead.createdAt),
      updatedAt: time(lead.updatedAt),
    }),
  );
}

function programs(instance: MarketoInstance): MockStateProgram[] {
  return instance.programs.all().map((program) => ({
    id: program.id,
    name: program.name,
    type: program.type,
    workspace: program.workspace,
    treePath: program.treePath,
    archived: program.archived,
    tags: program.tags.map((tag) => ({ ...tag })),
    tokens: program.tokens.map((token) => ({ ...token })),
    costs: program.costs.map((cost) =>
      defined({ id: cost.id, month: cost.month, amount: cost.amount, note: cost.note }),
    ),
    createdAt: time(program.createdAt),
    updatedAt: time(program.updatedAt),
  }));
}

function campaigns(instance: MarketoInstance): MockStateCampaign[] {
  return instance.campaigns.all().map((campaign) =>
    defined({
      id: campaign.id,
      name: campaign.name,
      description: campaign.description,
      programName: campaign.programName,
      sources: [...campaign.sources],
      runs: campaign.runs.map((run) =>
        defined({
          kind: run.kind,
          at: time(run.at),
          runAt: time(run.runAt),
          source: run.source,
          leadIds: [...run.leadIds],
          tokens: run.tokens.map((token) => ({ ...token })),
          leadTokens: run.leadTokens.map((entry) => ({
            leadId: entry.leadId,
            tokens: entry.tokens.map((t) => ({ ...t })),
          })),
        }),
      ),
      pendingLeadTokens: [...campaign.pendingLeadTokens].map(([leadId, tokens]) => ({
        leadId,
        tokens: tokens.map((token) => ({ ...token })),
      })),
    }),
  );
}

/** The whole instance as a {@link MockState}. */
export function saveState(instance: MarketoInstance): MockState {
  return {
    leads: leads(instance),
    lists: instance.lists
      .all()
      .map((list) =>
        defined({ id: list.id, name: list.name, programName: list.programName, leadIds: [...list.members.keys()] }),
      ),
    programs: programs(instance),
    campaigns: campaigns(instance),
    customObjectTypes: instance.customObjects.all().map(({ type }) => ({
      name: type.name,
      keys: [...type.keys],
      fields: [...type.fields],
    })),
    customObjects: instance.customObjects
      .all()
      .flatMap((table) =>
        instance.customObjects
          .ordered(table)
          .map((record) => ({ type: table.type.name, keys: { ...record.keys }, attributes: { ...record.attributes } })),
      ),
    opportunities: instance.opportunities.all().map((opportunity) =>
      defined({
        id: opportunity.id,
        externalKey: opportunity.externalKey && { ...opportunity.externalKey },
        attributes: { ...opportunity.attributes },
        associations: opportunity.associations.map((association) =>
          defined({
            mObjType: association.mObjType,
            id: association.id,
            externalKey: association.externalKey && { ...association.externalKey },
          }),
        ),
        createdAt: time(opportunity.createdAt),
        updatedAt: time(opportunity.updatedAt),
      }),
    ),
    opportunityPersonRoles: instance.roles.all().map((role) =>
      defined({
        id: role.id,
        opportunityId: role.opportunityId,
        personId: role.personId,
        role: role.role,
        isPrimary: role.isPrimary,
        externalCreatedDate: role.externalCreatedDate,
        createdAt: time(role.createdAt),
        updatedAt: time(role.updatedAt),
      }),
    ),
    channels: instance.channels.map((channel) => ({
      name: channel.name,
      statuses: channel.statuses.map((status) =>
        defined({
          name: status.name,
          step: status.step,
          success: status.success,
          attribute: status.attribute && { ...status.attribute },
        }),
      ),
    })),
    tags: instance.tags.map((tag) => ({ type: tag.type, values: [...tag.values] })),
    activities: instance.activities.all().map((activity) =>
      defined({
        id: activity.id,
        leadId: activity.leadId,
        activityType: activity.type,
        activityDateTime: time(activity.at),
        mktgAssetName: activity.asset,
        campaign: activity.campaign,
        attributes: activity.attributes.map((attribute) => ({ ...attribute })),
      }),
    ),
    importJobs: instance.imports.all().map((job) =>
      defined({
        programName: job.programName,
        listName: job.listName,
        status: job.status,
        startedAt: time(job.startedAt),
        endedAt: job.endedAt === undefined ? undefined : time(job.endedAt),
        estimatedRows: job.estimatedRows,
        rowsImported: job.rowsImported,
        rowsFailed: job.rowsFailed,
        rowsIgnored: job.rowsIgnored,
        importSummary: job.importSummary,
        pending: job.pending && defined({ ...job.pending, importFileRows: [...job.pending.importFileRows] }),
      }),
    ),
    nextIds: nextIdsOf(instance),
  };
}
