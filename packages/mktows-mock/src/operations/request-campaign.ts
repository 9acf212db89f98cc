// requestCampaign: queues leads into a campaign that can be requested from the call's source. The campaign
// is named by campaignId alone, or by programName + campaignName (the only form that may carry program
// tokens); any other combination is 20110, as Marketo documents. Up to 100 lead keys (more are dropped, as
// Marketo documents); a key that names no lead fails the call (20103) and nothing is queued. The run is
// recorded on the campaign (leads, tokens, the leads' per-lead tokens from importToList) and each lead gets
// a `Request Campaign` activity.
import type { SuccessRequestCampaign } from '@org/mktows-types';

import type { Campaign } from '../instance/campaigns.js';
import { requestCampaignActivity } from '../instance/lead-activities.js';
import type { MarketoInstance } from '../instance/marketo-instance.js';
import { findLeadsByKey } from '../lead-lookup.js';
import { MarketoFault } from '../marketo-fault.js';
import { asRecord, listItems, optionalInteger, optionalText } from '../soap-values.js';
import { readProgramTokens, readSource } from './campaign-input.js';
import { MERGE_KEY_TYPES } from './merge-leads.js';
import type { HandlerFactory } from './operation-context.js';

/** The most lead keys requestCampaign takes; more are ignored. */
const REQUEST_CAMPAIGN_MAX_LEADS = 100;

const SOURCE_NAMES = { MKTOWS: 'Web Service API', SALES: 'Sales Insight' } as const;

function findCampaign(instance: MarketoInstance, args: Record<string, unknown>, hasTokens: boolean): Campaign {
  const campaignId = optionalInteger(args.campaignId);
  const programName = optionalText(args.programName);
  const campaignName = optionalText(args.campaignName);
  if (campaignId !== undefined) {
    if (programName !== undefined || campaignName !== undefined || hasTokens) {
      throw new MarketoFault(20110, 'campaignId goes alone: without programName, campaignName or programTokenList');
    }
    const campaign = instance.campaigns.get(campaignId);
    if (!campaign) throw new MarketoFault(20113, `no campaign with Id ${campaignId}`);
    return campaign;
  }
  if (programName === undefined || campaignName === undefined) {
    throw new MarketoFault(20110, 'name the campaign by campaignId, or by programName and campaignName');
  }
  const campaign = instance.campaigns.inProgram(programName, campaignName);
  if (!campaign) throw new MarketoFault(20113, `program "${programName}" has no campaign "${campaignName}"`);
  return campaign;
}

/**
 * The requestCampaign handler.
 * @throws MarketoFault 20110 for a bad parameter combination, 20113 for an unknown campaign or one that
 *   cannot be requested from the source, 20109 without leads, 20102/20103 for lead keys
 */
export const requestCampaignHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const source = readSource(args.source);
  const tokens = readProgramTokens(args.programTokenList);
  const campaign = findCampaign(instance, args, tokens.length > 0 || asRecord(args.programTokenList) !== undefined);
  if (!campaign.sources.includes(source)) {
    throw new MarketoFault(20113, `campaign ${campaign.id} ("${campaign.name}") cannot be requested from ${source}`);
  }
  const keys = listItems(args.leadList, 'leadKey').slice(0, REQUEST_CAMPAIGN_MAX_LEADS);
  if (keys.length === 0) throw new MarketoFault(20109, 'leadList needs at least one leadKey');
  const leadIds = new Set<number>();
  for (const item of keys) {
    const key = asRecord(item) ?? {};
    const leads = findLeadsByKey(
      instance.leads,
      optionalText(key.keyType),
      optionalText(key.keyValue),
      MERGE_KEY_TYPES,
    );
    for (const lead of leads) leadIds.add(lead.id);
  }
  const at = instance.now();
  const leadTokens = [...leadIds].flatMap((leadId) => {
    const pending = campaign.pendingLeadTokens.get(leadId);
    campaign.pendingLeadTokens.delete(leadId);
    return pending ? [{ leadId, tokens: pending }] : [];
  });
  campaign.runs.push({ kind: 'requested', at, runAt: at, source, leadIds: [...leadIds], tokens, leadTokens });
  for (const leadId of leadIds) {
    instance.log(requestCampaignActivity(leadId, at, campaign.name, SOURCE_NAMES[source]));
  }
  const response: SuccessRequestCampaign = { result: { success: true } };
  return response;
};
