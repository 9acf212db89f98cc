// Activity types: filters name them by the WSDL's ActivityType tokens (`VisitWebpage`), records report
// display names (`Visit Webpage`). The display name is derived from the generated token list: words split
// at capitals, acronyms kept (`SFDC`), small joining words lower-cased (`Add to List`); the few tokens
// whose display name Marketo worded differently are listed below (spec, Appendix A).
import { ACTIVITY_TYPE_VALUES } from '@org/mktows-types';
import type { ActivityType } from '@org/mktows-types';

const DISPLAY_NAME_EXCEPTIONS: Partial<Record<ActivityType, string>> = {
  NewSFDCOpprtnty: 'New SFDC Opportunity',
  PushLeadToSales: 'Sync Lead to SFDC',
  PushLeadUpdatesToSales: 'Sync Lead Updates to SFDC',
  DeleteLeadFromSales: 'Delete Lead from SFDC',
  AssocWithOpprtntyInSales: 'Add to Opportunity',
  DissocFromOpprtntyInSales: 'Remove from Opportunity',
  UpdateOpprtntyInSales: 'Update Opportunity',
  AddtoSFDCCampaign: 'Add to SFDC Campaign',
  ChangeFieldInProgram: 'Change Program Data',
  EnrichWithDatacom: 'Enrich with Data.com',
};

const JOINING_WORDS = new Set(['To', 'From', 'In', 'With', 'Of']);

function wordsOf(token: string): string[] {
  return token.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [token];
}

/** The display name records report for an ActivityType token, e.g. `Add to List` for `AddToList`. */
export function activityDisplayName(token: ActivityType): string {
  const exception = DISPLAY_NAME_EXCEPTIONS[token];
  if (exception !== undefined) return exception;
  return wordsOf(token)
    .map((word, index) => (index > 0 && JOINING_WORDS.has(word) ? word.toLowerCase() : word))
    .join(' ');
}

/** Whether `value` is an ActivityType token of the WSDL. */
export function isActivityType(value: string): value is ActivityType {
  return (ACTIVITY_TYPE_VALUES as readonly string[]).includes(value);
}

/** The display names the instance itself writes. */
export const ACTIVITY = Object.freeze({
  newLead: activityDisplayName('NewLead'),
  changeDataValue: activityDisplayName('ChangeDataValue'),
  addToList: activityDisplayName('AddToList'),
  removeFromList: activityDisplayName('RemoveFromList'),
  mergeLeads: activityDisplayName('MergeLeads'),
  requestCampaign: activityDisplayName('RequestCampaign'),
});
