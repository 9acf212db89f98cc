// Converts between the ergonomic attribute object of this package and mktows' ArrayOfAttribute:
// values go out as text; values come back converted by the attrType Marketo reports.
import type { LeadAttributes, LeadAttributeValue } from './sync-lead-input.js';

/** One attribute as it travels in a request (`attrType` is only ever sent by Marketo). */
interface WireAttribute {
  attrName: string;
  attrValue: string;
}

/** One attribute as it comes back from Marketo. */
interface ReceivedAttribute {
  attrName: string;
  attrType?: string | null | undefined;
  attrValue?: string | number | boolean | null | undefined;
}

function toAttrValue(value: Exclude<LeadAttributeValue, undefined>): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * The attributes of a syncLead input as mktows `attribute` elements, in the object's key order;
 * `undefined` values are skipped. Returns `undefined` when nothing is left to send.
 */
export function toWireAttributes(attributes: LeadAttributes | undefined): WireAttribute[] | undefined {
  if (!attributes) return undefined;
  const list: WireAttribute[] = [];
  for (const attrName of Object.keys(attributes)) {
    const value = attributes[attrName];
    if (value === undefined) continue;
    list.push({ attrName, attrValue: toAttrValue(value) });
  }
  return list.length > 0 ? list : undefined;
}

const INTEGER_TYPES = new Set(['integer', 'int', 'long', 'score']);
const DECIMAL_TYPES = new Set(['float', 'double', 'decimal', 'currency', 'percent']);
const INTEGER_TEXT = /^[+-]?\d+$/;
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Converts one received value by its `attrType`: integer and score to a number, float, currency and
 * percent to a number, boolean to a boolean, datetime to a Date; everything else (string, text, email,
 * url, phone, date, reference, ...) stays a string. An empty value of a non-text type becomes `null`,
 * and a value that does not parse as its type is kept as the text Marketo sent rather than guessed.
 */
export function convertReceivedValue(
  attrType: string | null | undefined,
  attrValue: string | number | boolean | null | undefined,
): LeadAttributeValue {
  const text = attrValue === null || attrValue === undefined ? '' : String(attrValue);
  const type = (attrType ?? 'string').toLowerCase();
  if (type === 'string' || type === 'text') return text;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (INTEGER_TYPES.has(type)) return INTEGER_TEXT.test(trimmed) ? Number(trimmed) : text;
  if (DECIMAL_TYPES.has(type)) return DECIMAL_TEXT.test(trimmed) ? Number(trimmed) : text;
  if (type === 'boolean') {
    if (trimmed === 'true' || trimmed === '1') return true;
    if (trimmed === 'false' || trimmed === '0') return false;
    return text;
  }
  if (type === 'datetime') {
    const date = new Date(trimmed);
    return Number.isNaN(date.getTime()) ? text : date;
  }
  return text;
}

function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Received attributes as `{ name: value }` and `{ name: attrType }`. */
export function fromReceivedAttributes(list: readonly ReceivedAttribute[] | null | undefined): {
  attributes: Record<string, LeadAttributeValue>;
  attributeTypes: Record<string, string>;
} {
  const attributes: Record<string, LeadAttributeValue> = {};
  const attributeTypes: Record<string, string> = {};
  for (const attribute of list ?? []) {
    // defineProperty, not assignment: a field named "__proto__" must stay data, not replace the prototype.
    setOwn(attributes, attribute.attrName, convertReceivedValue(attribute.attrType, attribute.attrValue));
    setOwn(attributeTypes, attribute.attrName, attribute.attrType ?? 'string');
  }
  return { attributes, attributeTypes };
}
