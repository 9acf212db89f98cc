// Lead fields as the REST API names them. The instance's fields are keyed by their SOAP API names
// (`FirstName`); each gets a REST name by Marketo's convention, the leading capital(s) in lower case
// (`firstName`, `sfdcLeadId`, `anonymousIP`), and Describe Leads lists both names. Three REST fields are not
// plain attributes: `id` (the lead Id, read-only), `email` (the lead's Email) and `sfdcLeadId`, the lead's
// Salesforce id: SOAP's foreign system id of type SFDC when the lead has one (else the `SFDCLeadId`
// field), so a lead synced over SOAP by `ForeignSysPersonId` + `SFDC` is the lead REST finds by `sfdcLeadId`.
import { ValidationError } from '@org/mktows-auth';

import { leadFieldLabel } from '../lead-field-labels.js';
import type { AttrType, LeadFieldTypes } from '../lead-fields.js';
import { matchLeadsByKey } from '../lead-lookup.js';
import type { LeadStore, StoredLead } from '../lead-store.js';

/** What writing a REST field changes. */
export type RestWritableField =
  { kind: 'email' } | { kind: 'sfdcLeadId' } | { kind: 'attribute'; soapName: string; type: AttrType };

/** A JSON value of a REST lead record. */
export type RestValue = string | number | boolean | null;

/** One field as Describe Leads answers it. */
export interface RestFieldDescription {
  id: number;
  displayName: string;
  dataType: string;
  length?: number;
  rest: { name: string; readOnly: boolean };
  soap?: { name: string; readOnly: boolean };
}

/** The fields Get Lead by Id and Get Leads by Filter return when `fields` is not given (Marketo's default). */
const DEFAULT_REST_FIELDS: readonly string[] = Object.freeze([
  'id',
  'email',
  'updatedAt',
  'createdAt',
  'firstName',
  'lastName',
]);

const READ_ONLY_FIELDS = ['id', 'createdAt', 'updatedAt'] as const;
const SFDC_LEAD_ID_FIELD = 'SFDCLeadId';
const TEXT_LENGTH = 255;

/** Fields Describe Leads lists even when the instance has no SOAP field behind them (SOAP keeps them apart). */
const REST_ONLY_FIELDS: ReadonlyArray<{ name: string; displayName: string; dataType: RestFieldDescription['dataType'] }> = [
  { name: 'email', displayName: 'Email Address', dataType: 'email' },
  { name: 'sfdcLeadId', displayName: 'SFDC Lead ID', dataType: 'string' },
];
const INTEGER_TEXT = /^[+-]?\d+$/;
const DECIMAL_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The REST name of a SOAP field name: `FirstName` -> `firstName`, `SFDCLeadId` -> `sfdcLeadId`. */
export function restFieldName(soapName: string): string {
  const capitals = /^[A-Z]+/.exec(soapName)?.[0] ?? '';
  if (capitals.length === 0) return soapName;
  // A run of capitals followed by a lower-case letter ends with the first letter of the next word.
  const nextIsLower = /[a-z]/.test(soapName.charAt(capitals.length));
  const lowered = capitals.length > 1 && nextIsLower ? capitals.length - 1 : capitals.length;
  return soapName.slice(0, lowered).toLowerCase() + soapName.slice(lowered);
}

function timestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** A stored text as the JSON value of its type (`'62'` of an integer field is `62`). */
function typedValue(type: AttrType, text: string | undefined): RestValue {
  if (text === undefined || text === '') return null;
  if (type === 'integer') return INTEGER_TEXT.test(text) ? Number(text) : text;
  if (type === 'float' || type === 'currency') return DECIMAL_TEXT.test(text) ? Number(text) : text;
  if (type === 'boolean') {
    if (/^(?:true|1)$/i.test(text)) return true;
    if (/^(?:false|0)$/i.test(text)) return false;
  }
  return text;
}

/** The REST view of an instance's lead fields. */
export class RestLeadFields {
  private readonly writableByName = new Map<string, RestWritableField>();
  private readonly soapNameByRest = new Map<string, string>();

  /** @throws ValidationError when two fields would have the same REST name, or one a reserved name */
  constructor(private readonly fields: LeadFieldTypes) {
    this.writableByName.set('email', { kind: 'email' });
    this.writableByName.set('sfdcLeadId', { kind: 'sfdcLeadId' });
    for (const [soapName, type] of Object.entries(fields)) {
      const restName = restFieldName(soapName);
      const taken = this.soapNameByRest.get(restName);
      if (taken !== undefined || (READ_ONLY_FIELDS as readonly string[]).includes(restName)) {
        throw new ValidationError(
          `fields.${soapName}`,
          `has the REST name "${restName}", which ${taken === undefined ? 'is reserved' : `field ${taken} has`}`,
        );
      }
      this.soapNameByRest.set(restName, soapName);
      if (restName === 'email' || restName === 'sfdcLeadId') continue;
      this.writableByName.set(restName, { kind: 'attribute', soapName, type });
    }
  }

  /** What writing `restName` changes; undefined for a field the instance does not have (or a read-only one). */
  writable(restName: string): RestWritableField | undefined {
    return this.writableByName.get(restName);
  }

  /** Whether `restName` can be read (every writable field, plus `id`, `createdAt`, `updatedAt`). */
  isReadable(restName: string): boolean {
    return this.writableByName.has(restName) || (READ_ONLY_FIELDS as readonly string[]).includes(restName);
  }

  /** The value of one readable field of `lead`. */
  value(lead: StoredLead, restName: string): RestValue {
    switch (restName) {
      case 'id':
        return lead.id;
      case 'createdAt':
        return timestamp(lead.createdAt);
      case 'updatedAt':
        return timestamp(lead.updatedAt);
      case 'email':
        return lead.email;
      case 'sfdcLeadId':
        return lead.foreignSysType === 'SFDC'
          ? lead.foreignSysPersonId
          : (lead.attributes[SFDC_LEAD_ID_FIELD] ?? null) || null;
      default: {
        const field = this.writableByName.get(restName);
        return field?.kind === 'attribute' ? typedValue(field.type, lead.attributes[field.soapName]) : null;
      }
    }
  }

  /** `lead` as a REST record of `restNames` (every name readable). */
  read(lead: StoredLead, restNames: readonly string[]): Record<string, RestValue> {
    const record: Record<string, RestValue> = {};
    for (const name of restNames) {
      Object.defineProperty(record, name, { value: this.value(lead, name), enumerable: true, writable: true });
    }
    return record;
  }

  /** The default fields of a read that this instance has. */
  defaultFields(): string[] {
    return DEFAULT_REST_FIELDS.filter((name) => this.isReadable(name));
  }

  /**
   * The leads whose `restName` holds `value`, oldest first; undefined when the field cannot be looked up.
   * `email` ignores case; `sfdcLeadId` matches as getLead's SFDCLEADID does; other fields compare the text.
   */
  findLeads(store: LeadStore, restName: string, value: string): StoredLead[] | undefined {
    switch (restName) {
      case 'id': {
        const lead = INTEGER_TEXT.test(value) ? store.get(Number(value)) : undefined;
        return lead ? [lead] : [];
      }
      case 'email':
        return store.findByEmail(value);
      case 'sfdcLeadId':
        return matchLeadsByKey(store, 'SFDCLEADID', value);
      default: {
        const field = this.writableByName.get(restName);
        return field?.kind === 'attribute' ? store.findByAttribute(field.soapName, value) : undefined;
      }
    }
  }

  /** Every field as Describe Leads lists it: the lead Id, then the instance's fields, then the timestamps. */
  describe(): RestFieldDescription[] {
    const described: Array<Omit<RestFieldDescription, 'id'>> = [
      {
        displayName: 'Id',
        dataType: 'integer',
        rest: { name: 'id', readOnly: true },
        soap: { name: 'Id', readOnly: true },
      },
    ];
    for (const [restName, soapName] of this.soapNameByRest) {
      const type = this.fields[soapName] ?? 'string';
      described.push({
        displayName: leadFieldLabel(soapName),
        dataType: type,
        ...(type === 'string' || type === 'email' || type === 'phone' ? { length: TEXT_LENGTH } : {}),
        rest: { name: restName, readOnly: false },
        soap: { name: soapName, readOnly: false },
      });
    }
    for (const { name, displayName, dataType } of REST_ONLY_FIELDS) {
      if (!this.soapNameByRest.has(name)) {
        described.push({ displayName, dataType, length: TEXT_LENGTH, rest: { name, readOnly: false } });
      }
    }
    described.push(
      { displayName: 'Created At', dataType: 'datetime', rest: { name: 'createdAt', readOnly: true } },
      { displayName: 'Updated At', dataType: 'datetime', rest: { name: 'updatedAt', readOnly: true } },
    );
    return described.map((field, index) => ({ id: index + 1, ...field }));
  }
}
