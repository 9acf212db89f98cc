// Smart campaigns: requestable by the sources listed in `sources` (requestCampaign, getCampaignsForSource),
// schedulable by program and name (scheduleCampaign). Every accepted request or schedule is kept as a run,
// with the leads, the token overrides and the per-lead tokens importToList left for the campaign's next run.
import type { ReqCampSourceType } from '@org/mktows-types';
import { IdIndex } from './id-index.js';

/** A token value (`{{my.message}}` = `Hello`). */
export interface TokenValue {
  name: string;
  value: string;
}

/** Per-lead token values (from importToList) for one lead. */
export interface LeadTokens {
  leadId: number;
  tokens: TokenValue[];
}

/** One accepted requestCampaign or scheduleCampaign. */
export interface CampaignRun {
  kind: 'requested' | 'scheduled';
  /** When the call was made (epoch ms). */
  at: number;
  /** When the run is due (epoch ms): now for a request, `campaignRunAt` for a schedule. */
  runAt: number;
  /** The requesting source (requested runs). */
  source: ReqCampSourceType | undefined;
  /** The leads queued (requested runs). */
  leadIds: number[];
  /** Token overrides of the call. */
  tokens: TokenValue[];
  /** Per-lead tokens from importToList the run consumed. */
  leadTokens: LeadTokens[];
}

/** A smart campaign. */
export interface Campaign {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly programName: string | undefined;
  readonly sources: readonly ReqCampSourceType[];
  readonly runs: CampaignRun[];
  /** Per-lead tokens waiting for the next run, by lead Id. */
  readonly pendingLeadTokens: Map<number, TokenValue[]>;
}

/** What a new campaign needs. */
export interface NewCampaign {
  id?: number;
  name: string;
  description?: string;
  programName?: string | undefined;
  sources?: readonly ReqCampSourceType[];
  runs?: CampaignRun[];
  pendingLeadTokens?: readonly LeadTokens[];
}

/** The instance's smart campaigns. */
export class Campaigns extends IdIndex<Campaign> {
  /** Creates a campaign (with the next Id unless one is given). */
  create(campaign: NewCampaign): Campaign {
    return this.store({
      id: campaign.id ?? this.ids.next,
      name: campaign.name,
      description: campaign.description ?? '',
      programName: campaign.programName,
      sources: [...(campaign.sources ?? [])],
      runs: [...(campaign.runs ?? [])],
      pendingLeadTokens: new Map((campaign.pendingLeadTokens ?? []).map((entry) => [entry.leadId, entry.tokens])),
    });
  }

  /** The campaign `campaignName` of program `programName`. */
  inProgram(programName: string, campaignName: string): Campaign | undefined {
    return this.all().find((campaign) => campaign.programName === programName && campaign.name === campaignName);
  }
}
