// getLead's lookup: the leads a LeadKey (keyType + keyValue) names. IDNUM, EMAIL and COOKIE use the
// store's keys; the Salesforce and owner key types match the corresponding standard field, and SFDCLEADID
// also matches a lead whose foreign system id is of type SFDC.
import { LEAD_KEY_REF_VALUES } from '@org/mktows-types';
import type { LeadKeyRef } from '@org/mktows-types';
import type { LeadStore, StoredLead } from './lead-store.js';
import { MarketoFault } from './marketo-fault.js';

/** The `LeadKeyRef` values of the WSDL: the generated list of `@org/mktows-types`. */
export const LEAD_KEY_TYPES = LEAD_KEY_REF_VALUES;

/** A `LeadKeyRef` value. */
export type LeadKeyType = LeadKeyRef;

/** The lead field each field-backed key type matches. */
export const LEAD_KEY_FIELDS: Readonly<Record<Exclude<LeadKeyType, 'IDNUM' | 'COOKIE' | 'EMAIL'>, string>> =
  Object.freeze({
    LEADOWNEREMAIL: 'LeadOwnerEmailAddress',
    SFDCACCOUNTID: 'SFDCAccountId',
    SFDCCONTACTID: 'SFDCContactId',
    SFDCLEADID: 'SFDCLeadId',
    SFDCLEADOWNERID: 'SFDCLeadOwnerId',
    SFDCOPPTYID: 'SFDCOpptyId',
  });

function isLeadKeyType(value: string): value is LeadKeyType {
  return (LEAD_KEY_TYPES as readonly string[]).includes(value);
}

function byIdNumber(store: LeadStore, keyValue: string): StoredLead[] {
  if (!/^\d+$/.test(keyValue)) return [];
  const lead = store.get(Number(keyValue));
  return lead ? [lead] : [];
}

/**
 * The leads `keyType`/`keyValue` name, oldest first.
 * @throws MarketoFault 20101 without a key, 20102 for an unknown key type, 20109 for an empty value,
 *   20103 when no lead matches
 */
export function findLeadsByKey(
  store: LeadStore,
  keyType: string | undefined,
  keyValue: string | undefined,
): StoredLead[] {
  if (keyType === undefined && keyValue === undefined) throw new MarketoFault(20101, 'leadKey is required');
  if (keyType === undefined || !isLeadKeyType(keyType)) {
    throw new MarketoFault(20102, `keyType must be one of ${LEAD_KEY_TYPES.join(', ')}`);
  }
  if (keyValue === undefined || keyValue === '') throw new MarketoFault(20109, 'keyValue is required');

  let leads: StoredLead[];
  switch (keyType) {
    case 'IDNUM':
      leads = byIdNumber(store, keyValue);
      break;
    case 'EMAIL':
      leads = store.findByEmail(keyValue);
      break;
    case 'COOKIE': {
      const lead = store.findByCookie(keyValue);
      leads = lead ? [lead] : [];
      break;
    }
    case 'SFDCLEADID': {
      const bySfdcForeignId = store.findByForeignId('SFDC', keyValue);
      const byField = store.findByAttribute(LEAD_KEY_FIELDS.SFDCLEADID, keyValue);
      leads = [...new Set([...(bySfdcForeignId ? [bySfdcForeignId] : []), ...byField])].sort((a, b) => a.id - b.id);
      break;
    }
    default:
      leads = store.findByAttribute(LEAD_KEY_FIELDS[keyType], keyValue);
  }
  if (leads.length === 0) throw new MarketoFault(20103, `no lead with ${keyType} = ${keyValue}`);
  return leads;
}
