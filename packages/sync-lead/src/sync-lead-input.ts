// The ergonomic input of syncLead and its validation. Every rule runs before any network call and
// fails with a ValidationError naming the field and the rule.
import { FOREIGN_SYS_TYPE_VALUES, type ForeignSysType as SchemaForeignSysType } from '@org/mktows-types';
import { ValidationError } from './errors.js';
import { findCharXmlCannotCarry } from './xml-chars.js';

/** The foreign system of `foreignSysPersonId`: `CUSTOM`, `SFDC` or `NETSUITE`. */
export type ForeignSysType = SchemaForeignSysType;

/** Foreign system types Marketo accepts with `foreignSysPersonId` (the WSDL's `ForeignSysType` values). */
export const FOREIGN_SYS_TYPES: readonly ForeignSysType[] = FOREIGN_SYS_TYPE_VALUES;

/**
 * A lead attribute value. Strings go out as they are, numbers and booleans as their text, a Date as a
 * W3C date-time in UTC (`2024-05-01T12:00:00.000Z`), and `null` as an empty value (clears the field).
 */
export type LeadAttributeValue = string | number | boolean | Date | null;

/** Lead attributes by Marketo field name, e.g. `{ FirstName: 'George', LeadScore: 62 }`. */
export type LeadAttributes = Record<string, LeadAttributeValue | undefined>;

/** What to sync: at least one of `id`, `email`, `foreignSysPersonId` identifies the lead. */
export interface SyncLeadInput {
  /** Marketo lead id; takes precedence over every other key. */
  id?: number;
  /** Email address; not a unique key in Marketo. */
  email?: string;
  /** The lead's id in a foreign system; needs `foreignSysType`. */
  foreignSysPersonId?: string;
  /** The foreign system: `CUSTOM`, `SFDC` or `NETSUITE`. */
  foreignSysType?: ForeignSysType;
  /** The Munchkin tracking cookie (`_mkto_trk` value) of an anonymous lead to associate. */
  marketoCookie?: string;
  /** Attributes to set, by Marketo field name. `undefined` values are skipped. */
  attributes?: LeadAttributes;
  /** Ask Marketo to return the whole lead record in the result (`lead`). Default `false`. */
  returnLead?: boolean;
}

/** A validated input, as {@link validateSyncLeadInput} returns it. */
export type ValidSyncLeadInput = SyncLeadInput;

const KNOWN_FIELDS = new Set([
  'id',
  'email',
  'foreignSysPersonId',
  'foreignSysType',
  'marketoCookie',
  'attributes',
  'returnLead',
]);

/** Largest value of xs:int, the type of LeadRecord/Id. */
const MAX_LEAD_ID = 2_147_483_647;

// local@domain with no whitespace: permissive on purpose (Marketo accepts odd but real addresses);
// it catches a name or an id passed as the email.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'Date';
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function requireXmlText(field: string, value: unknown, options: { allowEmpty: boolean }): string {
  if (typeof value !== 'string') throw new ValidationError(field, `must be a string (got ${describeType(value)})`);
  if (!options.allowEmpty && value.trim() === '') throw new ValidationError(field, 'must not be empty or blank');
  const illegal = findCharXmlCannotCarry(value);
  if (illegal) throw new ValidationError(field, `must contain only characters XML 1.0 can carry (found ${illegal})`);
  return value;
}

function validateId(value: unknown): void {
  if (typeof value !== 'number') throw new ValidationError('id', `must be a number (got ${describeType(value)})`);
  if (!Number.isInteger(value)) throw new ValidationError('id', 'must be an integer');
  if (value <= 0) throw new ValidationError('id', 'must be positive');
  if (value > MAX_LEAD_ID) throw new ValidationError('id', `must be at most ${MAX_LEAD_ID} (xs:int)`);
}

function validateEmail(value: unknown): void {
  const email = requireXmlText('email', value, { allowEmpty: false });
  if (!EMAIL_SHAPE.test(email)) {
    throw new ValidationError('email', 'must look like an email address (local@domain, no whitespace)');
  }
}

function validateForeignSystem(input: Record<string, unknown>): void {
  const hasPersonId = input.foreignSysPersonId !== undefined;
  const hasType = input.foreignSysType !== undefined;
  if (hasPersonId) requireXmlText('foreignSysPersonId', input.foreignSysPersonId, { allowEmpty: false });
  if (hasPersonId && !hasType) {
    throw new ValidationError('foreignSysType', 'is required when foreignSysPersonId is given');
  }
  if (hasType && !(FOREIGN_SYS_TYPES as readonly unknown[]).includes(input.foreignSysType)) {
    throw new ValidationError('foreignSysType', `must be one of ${FOREIGN_SYS_TYPES.join(', ')}`);
  }
  if (hasType && !hasPersonId) {
    throw new ValidationError('foreignSysType', 'is only allowed together with foreignSysPersonId');
  }
}

function validateAttributeValue(field: string, value: unknown): void {
  if (value === null || value === undefined || typeof value === 'boolean') return;
  if (typeof value === 'string') {
    requireXmlText(field, value, { allowEmpty: true });
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ValidationError(field, 'must be a finite number (not NaN or Infinity)');
    return;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ValidationError(field, 'must be a valid Date (got Invalid Date)');
    const year = value.getUTCFullYear();
    if (year < 1 || year > 9999) throw new ValidationError(field, 'must be a Date within the years 0001 to 9999');
    return;
  }
  throw new ValidationError(
    field,
    `must be a string, number, boolean, Date or null (got ${describeType(value)})`,
  );
}

function validateAttributes(value: unknown): void {
  if (!isPlainObject(value)) {
    throw new ValidationError('attributes', `must be a plain object of name to value (got ${describeType(value)})`);
  }
  // Object.keys, not entries: one array per input instead of one per attribute (syncLeads validates
  // every lead of a bulk run).
  for (const name of Object.keys(value)) {
    const attributeValue = value[name];
    if (name.trim() === '') throw new ValidationError('attributes', 'attribute names must not be empty');
    const illegal = findCharXmlCannotCarry(name);
    if (illegal) {
      throw new ValidationError('attributes', `attribute names must contain only characters XML 1.0 can carry (found ${illegal})`);
    }
    if (/\s/.test(name)) {
      throw new ValidationError('attributes', `attribute names must not contain whitespace (got ${JSON.stringify(name)})`);
    }
    validateAttributeValue(`attributes.${name}`, attributeValue);
  }
}

/**
 * Checks a syncLead input against every rule that can be decided locally.
 *
 * @param input - what the caller passed to `syncLead`
 * @returns the same input, typed as valid
 * @throws {@link ValidationError} naming the first field that breaks a rule
 */
export function validateSyncLeadInput(input: unknown): ValidSyncLeadInput {
  if (!isPlainObject(input)) throw new ValidationError('input', `must be an object (got ${describeType(input)})`);
  for (const field of Object.keys(input)) {
    if (!KNOWN_FIELDS.has(field)) {
      throw new ValidationError(field, `is not a syncLead field (known: ${[...KNOWN_FIELDS].join(', ')}); put Marketo fields in attributes`);
    }
  }
  const hasKey = input.id !== undefined || input.email !== undefined || input.foreignSysPersonId !== undefined;
  if (!hasKey) {
    throw new ValidationError('input', 'must include one of id, email or foreignSysPersonId to identify the lead');
  }
  if (input.id !== undefined) validateId(input.id);
  if (input.email !== undefined) validateEmail(input.email);
  validateForeignSystem(input);
  if (input.marketoCookie !== undefined) requireXmlText('marketoCookie', input.marketoCookie, { allowEmpty: false });
  if (input.attributes !== undefined) validateAttributes(input.attributes);
  if (input.returnLead !== undefined && typeof input.returnLead !== 'boolean') {
    throw new ValidationError('returnLead', `must be a boolean (got ${describeType(input.returnLead)})`);
  }
  return input;
}
