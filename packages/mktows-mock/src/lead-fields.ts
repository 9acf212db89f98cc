// The lead fields an instance has, with the attrType Marketo reports for each (as in the documentation's
// getLead response). syncLead refuses an attribute name that is not in this list with fault 20105.

/** The `attrType` values Marketo reports for lead fields. */
export type AttrType =
  | 'string'
  | 'text'
  | 'email'
  | 'phone'
  | 'url'
  | 'integer'
  | 'float'
  | 'currency'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'reference';

/** Every {@link AttrType}, for validating configuration. */
export const ATTR_TYPES: readonly AttrType[] = Object.freeze([
  'string',
  'text',
  'email',
  'phone',
  'url',
  'integer',
  'float',
  'currency',
  'boolean',
  'date',
  'datetime',
  'reference',
]);

/**
 * Names that can never be fields: as keys of the objects that hold a lead's values they would change the
 * object instead of naming a value (`__proto__` was silently dropped, and the call answered CREATED).
 */
export const REFUSED_FIELD_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A field list: API name to attrType, e.g. `{ FirstName: 'string', LeadScore: 'integer' }`. */
export type LeadFieldTypes = Readonly<Record<string, AttrType>>;

/**
 * Marketo's common standard lead fields (API names) with their types: the default field list of the mock.
 * Extend it for custom fields: `fields: { ...defaultLeadFields, Favourite_Colour__c: 'string' }`.
 * `Email` is accepted as an attribute name too: it sets the lead's Email (which getLead returns as the
 * record's `Email` element, not as an attribute).
 */
export const defaultLeadFields: LeadFieldTypes = Object.freeze({
  Email: 'email',
  Salutation: 'string',
  FirstName: 'string',
  MiddleName: 'string',
  LastName: 'string',
  Company: 'string',
  Title: 'string',
  Department: 'string',
  Phone: 'phone',
  MobilePhone: 'phone',
  Fax: 'phone',
  Address: 'text',
  City: 'string',
  State: 'string',
  PostalCode: 'string',
  Country: 'string',
  Website: 'url',
  AnnualRevenue: 'float',
  NumberOfEmployees: 'integer',
  Industry: 'string',
  Rating: 'string',
  LeadSource: 'string',
  LeadStatus: 'string',
  LeadScore: 'integer',
  Unsubscribed: 'boolean',
  UnsubscribedReason: 'text',
  DoNotCall: 'boolean',
  DoNotCallReason: 'string',
  DateOfBirth: 'date',
  AnonymousIP: 'string',
  InferredCompany: 'string',
  InferredCountry: 'string',
  LeadOwnerEmailAddress: 'email',
  SFDCLeadId: 'string',
  SFDCContactId: 'string',
  SFDCAccountId: 'string',
  SFDCLeadOwnerId: 'string',
  SFDCOpptyId: 'string',
});

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(?:true|false|1|0)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;
const INT32_MAX = 2 ** 31 - 1;

/**
 * Why `value` cannot be stored in a field of type `type`, or `undefined` when it can.
 * Only the typed kinds are checked (numbers, booleans, dates); text kinds take any string, as Marketo does.
 */
export function attributeValueProblem(type: AttrType, value: string): string | undefined {
  switch (type) {
    case 'integer':
      return INTEGER.test(value) && Math.abs(Number(value)) <= INT32_MAX ? undefined : 'must be a 32-bit integer';
    case 'float':
    case 'currency':
      return DECIMAL.test(value) && Number.isFinite(Number(value)) ? undefined : 'must be a decimal number';
    case 'boolean':
      return BOOLEAN.test(value) ? undefined : 'must be true, false, 1 or 0';
    case 'date':
      return DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'must be a date (YYYY-MM-DD)';
    case 'datetime':
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'must be a W3C date-time such as 2013-07-31T12:38:47-07:00';
    default:
      return undefined;
  }
}
