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
 * The leads a key of a known type names, oldest first (none: an empty list).
 */
export function matchLeadsByKey(store: LeadStore, keyType: LeadKeyType, keyValue: string): StoredLead[] {
  switch (keyType) {
    case 'IDNUM':
      return byIdNumber(store, keyValue);
    case 'EMAIL':
      return store.findByEmail(keyValue);
    case 'COOKIE': {
      const lead = store.findByCookie(keyValue);
      return lead ? [lead] : [];
    }
    case 'SFDCLEADID': {
      const bySfdcForeignId = store.findByForeignId('SFDC', keyValue);
      const byField = store.findByAttribute(LEAD_KEY_FIELDS.SFDCLEADID, keyValue);
      return [...new Set([...(bySfdcForeignId ? [bySfdcForeignId] : []), ...byField])].sort((a, b) => a.id - b.id);
    }
    default:
      return store.findByAttribute(LEAD_KEY_FIELDS[keyType], keyValue);
  }
}

/**
 * A LeadKey's type, checked.
 * @throws MarketoFault 20101 when the key is missing, 20102 for a type that is not a LeadKeyRef (or not in `allowed`)
 */
export function leadKeyTypeOf(
  keyType: string | undefined,
  keyValue: string | undefined,
  allowed: readonly LeadKeyType[] = LEAD_KEY_TYPES,
): LeadKeyType {
  if (keyType === undefined && keyValue === undefined) throw new MarketoFault(20101, 'leadKey is required');
  if (keyType === undefined || !isLeadKeyType(keyType) || !allowed.includes(keyType)) {
    throw new MarketoFault(20102, `keyType must be one of ${allowed.join(', ')}`);
  }
  return keyType;
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
  allowed?: readonly LeadKeyType[],
): StoredLead[] {
  const type = leadKeyTypeOf(keyType, keyValue, allowed);
  if (keyValue === undefined || keyValue === '') throw new MarketoFault(20109, 'keyValue is required');
  const leads = matchLeadsByKey(store, type, keyValue);
  if (leads.length === 0) throw new MarketoFault(20103, `no lead with ${type} = ${keyValue}`);
  return leads;
}
