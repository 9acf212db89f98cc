// Narrowing helpers for the untyped objects soap parses out of a request body.
import { parseW3CDateTime } from './time-format.js';

/** `value` as a plain object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `value` as a list: soap gives one element as an object and several as an array. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as unknown[]) : [value];
}

/** A string element's text; empty, nil or missing elements become undefined. */
export function optionalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A string element's text, keeping the empty string (attribute values: empty clears the field). */
export function textKeepingEmpty(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** An xs:int element soap parsed (a number; text that is not a number arrives as null). */
export function optionalInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** An xs:boolean element soap parsed. */
export function optionalBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/**
 * An xs:dateTime element: soap hands the server a Date (or the text when it could not convert it).
 * Returns epoch milliseconds, undefined when absent or empty, NaN when present but not a date-time.
 */
export function optionalDateTime(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return parseW3CDateTime(value) ?? Number.NaN;
  return Number.NaN;
}

/** A list element's items (`<keyValues><stringItem>a</stringItem>...`): soap gives an object per list. */
export function listItems(list: unknown, item: string): unknown[] {
  return asList(asRecord(list)?.[item]);
}
