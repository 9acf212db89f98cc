// getCampaignsForSource: the campaigns that may be requested from a source (their `sources` list it),
// optionally filtered by name: exactName=true matches the whole name, otherwise any part of it (the
// default), both ignoring case; a campaign of a program also matches as `Program.Campaign`. Names are
// returned as the campaigns have them. Sorted by name, then Id; no paging.
import type { CampaignRecord, SuccessGetCampaignsForSource } from '@org/mktows-types';

import { optionalBoolean, optionalText } from '../soap-values.js';
import { campaignFullName, readSource } from './campaign-input.js';
import type { HandlerFactory } from './operation-context.js';

/**
 * The getCampaignsForSource handler.
 * @throws MarketoFault 20109 without source, 20110 for an unknown source
 */
export const getCampaignsForSourceHandler: HandlerFactory = (context) => (args) => {
  const source = readSource(args.source);
  const name = optionalText(args.name)?.toLowerCase();
  const exact = optionalBoolean(args.exactName) ?? false;
  const matchesName = (fullName: string, ownName: string): boolean => {
    if (name === undefined) return true;
    const candidates = [fullName.toLowerCase(), ownName.toLowerCase()];
    return exact ? candidates.includes(name) : candidates.some((candidate) => candidate.includes(name));
  };
  const campaignRecord = context.instance.campaigns
    .all()
    .filter((campaign) => campaign.sources.includes(source) && matchesName(campaignFullName(campaign), campaign.name))
    .map((campaign): CampaignRecord => ({
      id: campaign.id,
      name: campaign.name,
      description: campaign.description,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
  const response: SuccessGetCampaignsForSource = {
    result: { returnCount: campaignRecord.length, campaignRecordList: { campaignRecord } },
  };
  return response;
};
