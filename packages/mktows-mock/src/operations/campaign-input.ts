// What the campaign operations read alike: the source, program token overrides, a campaign's full name.
import { REQ_CAMP_SOURCE_TYPE_VALUES } from '@org/mktows-types';
import type { ReqCampSourceType } from '@org/mktows-types';

import type { Campaign, TokenValue } from '../instance/campaigns.js';
import { TOKEN_NAME } from '../instance/programs.js';
import { MarketoFault } from '../marketo-fault.js';
import { asRecord, listItems, optionalText, textKeepingEmpty } from '../soap-values.js';

/**
 * A ReqCampSourceType.
 * @throws MarketoFault 20109 when missing, 20110 for another value
 */
export function readSource(value: unknown): ReqCampSourceType {
  const source = optionalText(value);
  if (source === undefined) throw new MarketoFault(20109, 'source is required');
  if (!(REQ_CAMP_SOURCE_TYPE_VALUES as readonly string[]).includes(source)) {
    throw new MarketoFault(20110, `source must be one of ${REQ_CAMP_SOURCE_TYPE_VALUES.join(', ')}`);
  }
  return source as ReqCampSourceType;
}

/**
 * programTokenList's attribs.
 * @throws MarketoFault 20110 for a name not written `{{my.name}}`
 */
export function readProgramTokens(value: unknown): TokenValue[] {
  return listItems(value, 'attrib').map((item) => {
    const attrib = asRecord(item) ?? {};
    const name = optionalText(attrib.name) ?? '';
    if (!TOKEN_NAME.test(name)) throw new MarketoFault(20110, `program token "${name}" must be named {{my.name}}`);
    return { name, value: textKeepingEmpty(attrib.value) ?? '' };
  });
}

/** A campaign's name with its program, `Program.Campaign` (its own name when it has no program). */
export function campaignFullName(campaign: Campaign): string {
  return campaign.programName === undefined ? campaign.name : `${campaign.programName}.${campaign.name}`;
}
