// What the paged operations share: page sizes (a cap each operation documents, a default where Marketo
// documents none) and opaque stream positions that say where the last page ended. A position a client
// edited, or one issued for another query, is refused with 20122 (Bad Stream Position).
import { createHash } from 'node:crypto';

import { MarketoFault } from '../marketo-fault.js';

/** The page size when a call gives no batchSize (Marketo documents none). */
const DEFAULT_PAGE_SIZE = 100;

/**
 * The page size of a call: `batchSize` capped at the operation's maximum, {@link DEFAULT_PAGE_SIZE} when absent.
 * @throws MarketoFault 20110 for a batchSize below 1
 */
export function pageSize(batchSize: unknown, cap: number): number {
  if (batchSize === undefined || batchSize === null) return Math.min(DEFAULT_PAGE_SIZE, cap);
  if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1) {
    throw new MarketoFault(20110, 'batchSize must be a positive integer');
  }
  return Math.min(batchSize, cap);
}

/** A short fingerprint of a query, so a position issued for one query is refused for another. */
export function fingerprint(...parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 12);
}

/** An opaque position: JSON in base64url. */
export function encodePosition(payload: Readonly<Record<string, unknown>>): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/**
 * Reads a position made by {@link encodePosition} for the query with fingerprint `query`.
 * @throws MarketoFault 20122 when it is not one, or belongs to another query
 */
export function decodePosition(text: string, query: string): Record<string, unknown> {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new MarketoFault(20122, 'the stream position is not one this server issued');
  }
  if (typeof payload !== 'object' || payload === null || (payload as { q?: unknown }).q !== query) {
    throw new MarketoFault(
      20122,
      'the stream position was issued for another query: repeat the same query, or start again',
    );
  }
  return payload as Record<string, unknown>;
}

/** A non-negative integer field of a decoded position. */
export function positionNumber(payload: Readonly<Record<string, unknown>>, name: string): number {
  const value = payload[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new MarketoFault(20122, 'the stream position is not one this server issued');
  }
  return value;
}

/** `ID:<n>`, the offset form of getLeadActivity / getLeadChanges positions. */
export function activityOffset(id: number): string {
  return `ID:${id}`;
}

/**
 * The activity Id of an `ID:<n>` offset; undefined for none (absent or empty).
 * @throws MarketoFault 20122 for anything else
 */
export function readActivityOffset(offset: string | undefined): number | undefined {
  if (offset === undefined || offset === '') return undefined;
  const match = /^ID:(\d{1,15})$/.exec(offset);
  if (!match) throw new MarketoFault(20122, `offset "${offset}" is not a position this server issued (ID:<n>)`);
  return Number(match[1]);
}
