// Merging leads: the winner keeps its Id and its values; a field the winner has no value for takes the
// loser's (Email, foreign system id and cookie included). The loser's history and links move to the
// winner: activities, static list memberships, opportunity roles, custom object records linked by
// MKTOID (when the winner already has a record with the same keys, the winner's is kept) and per-lead
// tokens waiting for a campaign. The losers are then deleted and one `Merge Leads` activity is logged on
// the winner.
import type { LeadFields, StoredLead } from '../lead-store.js';
import { LEAD_LINK_KEY, recordIdentity } from './custom-objects.js';
import { mergeLeadsActivity } from './lead-activities.js';
import type { MarketoInstance } from './marketo-instance.js';

function survivingFields(winner: StoredLead, loser: StoredLead): LeadFields {
  const keepsForeignId = winner.foreignSysPersonId !== null;
  return {
    email: winner.email ?? loser.email,
    foreignSysPersonId: keepsForeignId ? winner.foreignSysPersonId : loser.foreignSysPersonId,
    foreignSysType: keepsForeignId ? winner.foreignSysType : loser.foreignSysType,
    cookie: winner.cookie ?? loser.cookie,
    workspace: winner.workspace,
    partition: winner.partition,
    attributes: { ...loser.attributes, ...winner.attributes },
  };
}

function moveLinks(instance: MarketoInstance, winnerId: number, loserId: number): void {
  instance.activities.moveLead(loserId, winnerId);
  for (const list of instance.lists.listsOf(loserId)) {
    instance.lists.remove(list, loserId);
    instance.lists.add(list, winnerId);
  }
  for (const role of instance.roles.all()) if (role.personId === loserId) role.personId = winnerId;
  for (const table of instance.customObjects.all()) {
    if (!table.type.keys.includes(LEAD_LINK_KEY)) continue;
    for (const record of instance.customObjects.ordered(table)) {
      if (record.keys[LEAD_LINK_KEY] !== String(loserId)) continue;
      const moved = instance.customObjects.rekey(table, record, { ...record.keys, [LEAD_LINK_KEY]: String(winnerId) });
      if (!moved) table.records.delete(recordIdentity(table.type, record.keys));
    }
  }
  for (const campaign of instance.campaigns.all()) {
    const tokens = campaign.pendingLeadTokens.get(loserId);
    campaign.pendingLeadTokens.delete(loserId);
    if (tokens && !campaign.pendingLeadTokens.has(winnerId)) campaign.pendingLeadTokens.set(winnerId, tokens);
  }
}

/** Merges `losers` into `winner` (none of them may be the winner). */
export function mergeLeads(instance: MarketoInstance, winner: StoredLead, losers: readonly StoredLead[]): void {
  for (const loser of losers) {
    const fields = survivingFields(winner, loser);
    // Deleting first frees the loser's unique keys (foreign id, cookie) for the winner.
    instance.leads.delete(loser);
    instance.leads.update(winner, fields);
    moveLinks(instance, winner.id, loser.id);
  }
  instance.log(
    mergeLeadsActivity(
      winner.id,
      instance.now(),
      losers.map((loser) => loser.id),
    ),
  );
}
