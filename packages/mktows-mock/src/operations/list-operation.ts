// listOperation: ADDTOLIST, REMOVEFROMLIST or ISMEMBEROFLIST for up to 1000 leads (IDNUM keys, as Marketo
// documents) on a static list named by MKTOLISTNAME (its name, or Program.List). One status per key, in
// request order: for ISMEMBEROFLIST whether the lead is a member, for ADD/REMOVE whether it could be done
// (false only for a lead that does not exist; adding a member or removing a non-member is a no-op that
// succeeds). `success` is true when every status is. With strict=true an unknown lead fails the whole call
// (20103) and nothing changes. Membership changes log `Add to List` / `Remove from List` unless
// skipActivityLog is true.
import { LIST_OPERATION_TYPE_VALUES } from '@org/mktows-types';
import type { LeadStatus, ListOperationType, SuccessListOperation } from '@org/mktows-types';

import { listMembershipActivity } from '../instance/lead-activities.js';
import { qualifiedListName } from '../instance/static-lists.js';
import { MarketoFault } from '../marketo-fault.js';
import { asRecord, listItems, optionalBoolean, optionalText } from '../soap-values.js';
import { findList } from './list-lookup.js';
import type { HandlerFactory } from './operation-context.js';

/** The most leads one listOperation may name. */
const LIST_OPERATION_MAX_LEADS = 1000;

interface MemberKey {
  keyType: string;
  keyValue: string;
  leadId: number | undefined;
}

function readMembers(listMemberList: unknown, exists: (id: number) => boolean): MemberKey[] {
  const keys = listItems(listMemberList, 'leadKey').map((item) => asRecord(item) ?? {});
  if (keys.length > LIST_OPERATION_MAX_LEADS) {
    throw new MarketoFault(
      20110,
      `listMemberList holds ${keys.length} leads; at most ${LIST_OPERATION_MAX_LEADS} are allowed`,
    );
  }
  return keys.map((key) => {
    const keyType = optionalText(key.keyType);
    const keyValue = optionalText(key.keyValue) ?? '';
    if (keyType !== 'IDNUM') throw new MarketoFault(20102, 'listOperation accepts leadKeys of keyType IDNUM only');
    const id = /^\d+$/.test(keyValue) ? Number(keyValue) : undefined;
    return { keyType, keyValue, leadId: id !== undefined && exists(id) ? id : undefined };
  });
}

/**
 * The listOperation handler.
 * @throws MarketoFault 20110 for an unknown operation or key type or over 1000 leads, 20111 for an unknown
 *   list, 20102 for a key type other than IDNUM, 20103 (strict) for a lead that does not exist
 */
export const listOperationHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const operation = optionalText(args.listOperation);
  if (!(LIST_OPERATION_TYPE_VALUES as readonly (string | undefined)[]).includes(operation)) {
    throw new MarketoFault(20110, `listOperation must be one of ${LIST_OPERATION_TYPE_VALUES.join(', ')}`);
  }
  const listKey = asRecord(args.listKey);
  if (optionalText(listKey?.keyType) !== 'MKTOLISTNAME') {
    throw new MarketoFault(20110, 'listKey.keyType must be MKTOLISTNAME (the list name, or Program.List)');
  }
  const list = findList(instance, undefined, optionalText(listKey?.keyValue) ?? '');
  const members = readMembers(args.listMemberList, (id) => instance.leads.get(id) !== undefined);
  const unknown = members.filter((member) => member.leadId === undefined);
  if (optionalBoolean(args.strict) === true && unknown.length > 0) {
    throw new MarketoFault(
      20103,
      `no lead with IDNUM ${unknown.map((member) => member.keyValue).join(', ')}; nothing was changed`,
    );
  }
  const logActivity = optionalBoolean(args.skipActivityLog) !== true;
  const at = instance.now();
  const listRef = { id: list.id, qualifiedName: qualifiedListName(list) };
  const leadStatus = members.map(({ keyType, keyValue, leadId }): LeadStatus => {
    const leadKey = { keyType: keyType as LeadStatus['leadKey']['keyType'], keyValue };
    if (leadId === undefined) return { leadKey, status: false };
    switch (operation as ListOperationType) {
      case 'ISMEMBEROFLIST':
        return { leadKey, status: list.members.has(leadId) };
      case 'ADDTOLIST':
        if (instance.lists.add(list, leadId) && logActivity) {
          instance.log(listMembershipActivity('add', leadId, at, listRef));
        }
        return { leadKey, status: true };
      case 'REMOVEFROMLIST':
        if (instance.lists.remove(list, leadId) && logActivity) {
          instance.log(listMembershipActivity('remove', leadId, at, listRef));
        }
        return { leadKey, status: true };
    }
  });
  const response: SuccessListOperation = {
    result: { success: leadStatus.every((status) => status.status), statusList: { leadStatus } },
  };
  return response;
};
