// mergeLeads: the winner named by winningLeadKeyList, each keyList of losingLeadKeyLists naming losers
// (every attribute of a keyList names one losing lead: attrName a key type other than COOKIE, attrValue
// its value). Each key must name exactly one lead. The merge itself is instance/merge-leads.ts.
import type { SuccessMergeLeads } from '@org/mktows-types';

import { mergeLeads } from '../instance/merge-leads.js';
import type { MarketoInstance } from '../instance/marketo-instance.js';
import type { LeadKeyType } from '../lead-lookup.js';
import { findLeadsByKey, LEAD_KEY_TYPES } from '../lead-lookup.js';
import type { StoredLead } from '../lead-store.js';
import { MarketoFault } from '../marketo-fault.js';
import { asRecord, listItems, optionalText } from '../soap-values.js';
import type { HandlerFactory } from './operation-context.js';

/** The key types mergeLeads accepts (Marketo documents every LeadKeyRef but COOKIE). */
export const MERGE_KEY_TYPES: readonly LeadKeyType[] = LEAD_KEY_TYPES.filter((type) => type !== 'COOKIE');

function leadsOfKeyList(instance: MarketoInstance, keyList: unknown, what: string): StoredLead[] {
  const attributes = listItems(keyList, 'attribute').map((item) => asRecord(item) ?? {});
  if (attributes.length === 0)
    throw new MarketoFault(20101, `${what} needs a key (attrName = key type, attrValue = value)`);
  return attributes.map((attribute) => {
    const keyType = optionalText(attribute.attrName);
    const keyValue = optionalText(attribute.attrValue);
    const leads = findLeadsByKey(instance.leads, keyType, keyValue, MERGE_KEY_TYPES);
    if (leads.length > 1) {
      throw new MarketoFault(20110, `${what}: ${keyType} = ${keyValue} names ${leads.length} leads; use IDNUM`);
    }
    return leads[0] as StoredLead;
  });
}

/**
 * The mergeLeads handler.
 * @throws MarketoFault 20101/20102/20103 for keys, 20110 for a key naming several leads or the winner
 *   among the losers, 20109 without losers
 */
export const mergeLeadsHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const winners = leadsOfKeyList(instance, args.winningLeadKeyList, 'winningLeadKeyList');
  const winner = winners[0] as StoredLead;
  if (winners.some((lead) => lead !== winner)) {
    throw new MarketoFault(20110, 'the keys of winningLeadKeyList name different leads');
  }
  const losers = new Map<number, StoredLead>();
  const keyLists = listItems(args.losingLeadKeyLists, 'keyList');
  if (keyLists.length === 0) throw new MarketoFault(20109, 'losingLeadKeyLists needs at least one keyList');
  for (const keyList of keyLists) {
    for (const loser of leadsOfKeyList(instance, keyList, 'losingLeadKeyLists')) losers.set(loser.id, loser);
  }
  if (losers.has(winner.id)) throw new MarketoFault(20110, `lead ${winner.id} cannot be both the winner and a loser`);
  mergeLeads(instance, winner, [...losers.values()]);
  const response: SuccessMergeLeads = {
    result: {
      mergeStatus: {
        winningLeadId: winner.id,
        losingLeadIdList: { integerItem: [...losers.keys()] },
        status: 'MERGED',
      },
    },
  };
  return response;
};
