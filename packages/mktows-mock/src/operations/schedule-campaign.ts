// scheduleCampaign: schedules a campaign of a program to run now (no campaignRunAt) or at a future time,
// with optional program token overrides. The run is recorded on the campaign and takes the per-lead tokens
// importToList left for it. A time in the past is refused (20110) rather than silently run now.
import type { SuccessScheduleCampaign } from '@org/mktows-types';

import { MarketoFault } from '../marketo-fault.js';
import { optionalDateTime } from '../soap-values.js';
import { readProgramTokens } from './campaign-input.js';
import type { HandlerFactory } from './operation-context.js';
import { requiredTexts } from './required-params.js';

/**
 * The scheduleCampaign handler.
 * @throws MarketoFault 20109 without programName or campaignName, 20113 for an unknown campaign, 20110 for
 *   a campaignRunAt that is not a date-time or is in the past, or a bad token name
 */
export const scheduleCampaignHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const { programName, campaignName } = requiredTexts(args, ['programName', 'campaignName']);
  const campaign = instance.campaigns.inProgram(programName, campaignName);
  if (!campaign) throw new MarketoFault(20113, `program "${programName}" has no campaign "${campaignName}"`);
  const now = instance.now();
  const runAt = optionalDateTime(args.campaignRunAt);
  if (runAt !== undefined && Number.isNaN(runAt))
    throw new MarketoFault(20110, 'campaignRunAt must be a W3C date-time');
  if (runAt !== undefined && runAt < now) throw new MarketoFault(20110, 'campaignRunAt is in the past');
  const tokens = readProgramTokens(args.programTokenList);
  const leadTokens = [...campaign.pendingLeadTokens].map(([leadId, values]) => ({ leadId, tokens: values }));
  campaign.pendingLeadTokens.clear();
  campaign.runs.push({
    kind: 'scheduled',
    at: now,
    runAt: runAt ?? now,
    source: undefined,
    leadIds: [],
    tokens,
    leadTokens,
  });
  const response: SuccessScheduleCampaign = { result: { success: true } };
  return response;
};
