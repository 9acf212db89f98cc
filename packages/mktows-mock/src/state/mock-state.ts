// The JSON shape of a Marketo instance: what `startMockServer({ state })`, `reset(state)` and the
// `--state FILE` option take, and what `server.state()` and `--save-state FILE` give back (the same shape,
// with every default filled in, plus what calls produced: activities, import jobs, campaign runs, ids).
// Every part and every property not marked otherwise is optional. Date-times are W3C strings with a zone
// (`2026-08-01T10:00:00Z`, `2026-08-01T12:00:00+02:00`); `state()` writes UTC with milliseconds.
import type {
  ForeignSysType,
  ImportToListModeEnum,
  ImportToListStatusEnum,
  ReqCampSourceType,
} from '@org/mktows-types';

/** A lead. Without `id` it gets the next Id; without `partition` it is placed as syncLead places a new lead. */
export interface MockStateLead {
  id?: number;
  email?: string;
  /** Requires `foreignSysType`; unique per type. */
  foreignSysPersonId?: string;
  foreignSysType?: ForeignSysType;
  /** A Munchkin cookie; unique. A lead with only a cookie is anonymous. */
  cookie?: string;
  /** The workspace of `partition` (or, alone, the workspace whose primary partition the lead goes to). */
  workspace?: string;
  partition?: string;
  /** Field values by API name (fields of the server's `fields` option, other than Email). */
  attributes?: Record<string, string>;
  /** Default: the server's clock at start. */
  createdAt?: string;
  /** When a field last changed or an activity was last logged; default `createdAt`. */
  updatedAt?: string;
}

/** A static list, in the lead database or (with `programName`) in a program. */
export interface MockStateList {
  id?: number;
  /** Required; unique within its program (or the lead database). */
  name: string;
  programName?: string;
  /** Member lead Ids, in the order they joined. */
  leadIds?: number[];
}

/** A tag of a program (`{ type: 'Channel', value: 'Webinar' }`); the type and value must exist in `tags`/`channels`. */
export interface MockStateProgramTag {
  type: string;
  value: string;
}

/** A name and a value: a My Token (`{{my.message}}`), an external key, a per-lead token. */
export interface MockStateNameValue {
  name: string;
  value: string;
}

/** A period cost line of a program. */
export interface MockStateProgramCost {
  id?: number;
  /** `yyyy-MM` or `yyyy-MM-dd` (kept as the month's first day). */
  month: string;
  amount: number;
  note?: string;
}

/** A program. Lists and campaigns naming a program not listed here get one of their own. */
export interface MockStateProgram {
  id?: number;
  /** Required and unique. */
  name: string;
  /** E.g. `Marketing Program`, `Marketing Event`; default `Default`. */
  type?: string;
  /** A configured workspace; default `Default`. */
  workspace?: string;
  /** Default `/Marketing Activities/<workspace>/<name>`. */
  treePath?: string;
  archived?: boolean;
  tags?: MockStateProgramTag[];
  /** My Tokens, named `{{my.name}}`. */
  tokens?: MockStateNameValue[];
  costs?: MockStateProgramCost[];
  createdAt?: string;
  updatedAt?: string;
}

/** Per-lead token values for one lead (from importToList), waiting for a campaign's next run. */
export interface MockStateLeadTokens {
  leadId: number;
  tokens: MockStateNameValue[];
}

/** An accepted requestCampaign (`requested`) or scheduleCampaign (`scheduled`). */
export interface MockStateCampaignRun {
  kind: 'requested' | 'scheduled';
  /** When the call was made. */
  at: string;
  /** When the run is due. */
  runAt: string;
  source?: ReqCampSourceType;
  leadIds?: number[];
  tokens?: MockStateNameValue[];
  leadTokens?: MockStateLeadTokens[];
}

/** A smart campaign; requestCampaign and getCampaignsForSource see it for the sources in `sources`. */
export interface MockStateCampaign {
  id?: number;
  /** Required; unique within its program. */
  name: string;
  description?: string;
  programName?: string;
  /** The sources it can be requested from (`MKTOWS`: the SOAP API; `SALES`: Sales Insight). */
  sources?: ReqCampSourceType[];
  runs?: MockStateCampaignRun[];
  pendingLeadTokens?: MockStateLeadTokens[];
}

/** A custom object type: `keys` identify a record (e.g. `['MKTOID', 'rid']`; `MKTOID` links it to a lead Id). */
export interface MockStateCustomObjectType {
  /** Required and unique (case-insensitively). */
  name: string;
  keys: string[];
  fields: string[];
}

/** A custom object record. */
export interface MockStateCustomObject {
  /** The name of one of `customObjectTypes`. */
  type: string;
  /** A value for every key of the type. */
  keys: Record<string, string>;
  /** Values of the type's fields. */
  attributes?: Record<string, string>;
}

/** A link from an opportunity to another object (a `Company`), by Id or external key. */
export interface MockStateAssociation {
  mObjType: string;
  id?: number;
  externalKey?: MockStateNameValue;
}

/** An opportunity. */
export interface MockStateOpportunity {
  id?: number;
  externalKey?: MockStateNameValue;
  /** Standard opportunity fields (`Name` required, `Amount`, `Stage`, ...), as describeMObject lists them. */
  attributes: Record<string, string>;
  associations?: MockStateAssociation[];
  createdAt?: string;
  updatedAt?: string;
}

/** A lead's role on an opportunity. */
export interface MockStateOpportunityPersonRole {
  id?: number;
  opportunityId: number;
  /** The lead's Id. */
  personId: number;
  role?: string;
  isPrimary?: boolean;
  externalCreatedDate?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** A progression status of a channel. */
export interface MockStateProgressionStatus {
  name: string;
  step: number;
  success?: boolean;
  /** A channel-specific attribute, e.g. `{ name: 'Webinar Behavior', value: 'Attended' }`. */
  attribute?: MockStateNameValue;
}

/** A channel (a value of the tag type `Channel`) and its progression statuses. */
export interface MockStateChannel {
  name: string;
  statuses?: MockStateProgressionStatus[];
}

/** A tag type other than `Channel`, and its values. */
export interface MockStateTagType {
  type: string;
  values: string[];
}

/** An activity of a lead. */
export interface MockStateActivity {
  /** Required; unique. */
  id: number;
  leadId: number;
  /** The display name (`New Lead`, `Visit Webpage`, ...). */
  activityType: string;
  activityDateTime: string;
  mktgAssetName?: string;
  campaign?: string;
  attributes?: MockStateNameValue[];
}

/** What a pending import job will run. */
export interface MockStateImportRequest {
  importFileHeader: string;
  importFileRows: string[];
  importListMode: ImportToListModeEnum;
  clearList: boolean;
  campaignName?: string;
}

/** An importToList job. */
export interface MockStateImportJob {
  programName: string;
  listName: string;
  status: ImportToListStatusEnum;
  startedAt: string;
  endedAt?: string;
  estimatedRows: number;
  rowsImported?: number;
  rowsFailed?: number;
  rowsIgnored?: number;
  importSummary?: string;
  /** The request, while the job is PROCESSING. */
  pending?: MockStateImportRequest;
}

/** The Ids the next created objects get (each above every Id in use). */
export interface MockStateNextIds {
  lead?: number;
  activity?: number;
  list?: number;
  program?: number;
  campaign?: number;
  costLine?: number;
  opportunity?: number;
  opportunityPersonRole?: number;
}

/** One Marketo instance as JSON. Every part is optional. */
export interface MockState {
  leads?: MockStateLead[];
  lists?: MockStateList[];
  programs?: MockStateProgram[];
  campaigns?: MockStateCampaign[];
  customObjectTypes?: MockStateCustomObjectType[];
  customObjects?: MockStateCustomObject[];
  opportunities?: MockStateOpportunity[];
  opportunityPersonRoles?: MockStateOpportunityPersonRole[];
  channels?: MockStateChannel[];
  tags?: MockStateTagType[];
  activities?: MockStateActivity[];
  importJobs?: MockStateImportJob[];
  nextIds?: MockStateNextIds;
}
