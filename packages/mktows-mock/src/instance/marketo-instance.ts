// One Marketo instance: every store the operations work on, and the activity log they write to. It knows
// nothing of SOAP: the SOAP handlers (and any other protocol) read and change it through these stores and
// the functions beside them, one call at a time (each call runs synchronously, so a call is atomic).
import type { LeadFieldTypes } from '../lead-fields.js';
import { LeadStore } from '../lead-store.js';
import type { StoredLead } from '../lead-store.js';
import type { LeadSyncEvents, SyncEnvironment } from '../lead-sync.js';
import type { Workspaces } from '../workspaces.js';
import { ActivityLog } from './activity-log.js';
import type { Activity, NewActivity } from './activity-log.js';
import { Campaigns } from './campaigns.js';
import { CustomObjects } from './custom-objects.js';
import { ImportJobs } from './import-jobs.js';
import { runDueImports } from './import-run.js';
import type { LeadSource } from './lead-activities.js';
import { changeDataValueActivity, newLeadActivity, SOAP_API_REASON, WEB_SERVICE_SOURCE } from './lead-activities.js';
import { IdTable } from './id-index.js';
import type { Opportunity, OpportunityPersonRole } from './opportunities.js';
import { Programs } from './programs.js';
import { StaticLists } from './static-lists.js';
import type { Channel, TagType } from './tag-types.js';

/** What an instance is configured with (from the server's options). */
export interface InstanceSettings {
  readonly fields: LeadFieldTypes;
  readonly workspaces: Workspaces;
  /** The server's clock, epoch ms. */
  readonly now: () => number;
  /** How long an importToList job stays PROCESSING (by the clock). */
  readonly importProcessingMs: number;
  /** The Id of the first lead created in an empty instance. */
  readonly firstLeadId: number;
}

/** One Marketo instance. */
export class MarketoInstance {
  readonly leads: LeadStore;
  readonly activities = new ActivityLog();
  readonly lists = new StaticLists();
  readonly programs = new Programs();
  readonly campaigns = new Campaigns();
  readonly imports = new ImportJobs();
  readonly opportunities = new IdTable<Opportunity>();
  readonly roles = new IdTable<OpportunityPersonRole>();
  readonly customObjects = new CustomObjects();
  readonly channels: Channel[] = [];
  readonly tags: TagType[] = [];
  /** What syncLead and syncMultipleLeads upsert with (built once: they run on every call). */
  private readonly apiSyncEnvironment: SyncEnvironment;

  constructor(readonly settings: InstanceSettings) {
    this.leads = new LeadStore(settings.firstLeadId);
    this.apiSyncEnvironment = this.environmentWith(this.syncEvents());
  }

  /** The server's clock. */
  now(): number {
    return this.settings.now();
  }

  /** Appends an activity and marks its lead as updated at the activity's time. */
  log(activity: NewActivity): Activity {
    const logged = this.activities.append(activity);
    const lead = this.leads.get(activity.leadId);
    if (lead) this.leads.touch(lead, activity.at);
    return logged;
  }

  /** The events of a sync: `New Lead` from `source`, `Change Data Value` with `reason`. */
  syncEvents(source: LeadSource = WEB_SERVICE_SOURCE, reason = SOAP_API_REASON): LeadSyncEvents {
    return {
      created: (lead: StoredLead) => {
        this.log(newLeadActivity(lead.id, lead.createdAt, source));
      },
      changed: (lead, changes) => {
        const at = this.now();
        for (const change of changes) this.log(changeDataValueActivity(lead.id, at, change, reason));
      },
    };
  }

  /** What lead-sync needs to upsert into this instance: with `events`, or those of the SOAP API's syncs. */
  syncEnvironment(events?: LeadSyncEvents): SyncEnvironment {
    return events === undefined ? this.apiSyncEnvironment : this.environmentWith(events);
  }

  private environmentWith(events: LeadSyncEvents): SyncEnvironment {
    return {
      store: this.leads,
      fields: this.settings.fields,
      workspaces: this.settings.workspaces,
      events,
      now: () => this.now(),
    };
  }

  /** Runs what is due by the clock (import jobs), so every call and inspection sees a settled instance. */
  settle(): void {
    if (this.imports.hasPending) runDueImports(this);
  }
}
