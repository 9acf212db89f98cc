// Marketo's request authentication, implemented independently of @org/mktows-auth so the mock checks the
// client's signing rather than agreeing with it by construction:
// requestSignature = lowercase hex HMAC-SHA1(secretKey, requestTimestamp + mktowsUserId).
// Unknown user or wrong signature: 20014. A timestamp more than 15 minutes from the server's clock: 20016.
import { createHmac, timingSafeEqual } from 'node:crypto';

import { MarketoFault } from './marketo-fault.js';

/** The `AuthenticationHeader` of a request, as soap parsed it (any part may be missing). */
interface AuthenticationHeaderInput {
  mktowsUserId?: unknown;
  requestSignature?: unknown;
  requestTimestamp?: unknown;
}

/** The one API user the mock knows. */
interface MockCredentials {
  userId: string;
  secretKey: string;
}

/** How far a request timestamp may be from the server's clock before Marketo answers 20016. */
export const DEFAULT_TIMESTAMP_TOLERANCE_MS = 15 * 60_000;

// W3C dateTime with a zone, as Marketo requires: 2013-07-31T12:38:47-07:00 (Z accepted, fraction allowed).
const W3C_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function expectedSignature(credentials: MockCredentials, timestamp: string): Buffer {
  const hex = createHmac('sha1', Buffer.from(credentials.secretKey, 'utf8'))
    .update(timestamp + credentials.userId, 'utf8')
    .digest('hex');
  return Buffer.from(hex, 'utf8');
}

/**
 * Verifies a request's AuthenticationHeader against the mock's one user.
 *
 * @param nowMs - the server's clock, epoch milliseconds
 * @throws MarketoFault 20014 (no header, unknown user, bad timestamp format, wrong signature; the fault
 *   never says which) or 20016 (timestamp more than `toleranceMs` away from `nowMs`)
 */
export function verifyAuthentication(
  header: AuthenticationHeaderInput | undefined,
  credentials: MockCredentials,
  nowMs: number,
  toleranceMs = DEFAULT_TIMESTAMP_TOLERANCE_MS,
): void {
  const userId = header?.mktowsUserId;
  const signature = header?.requestSignature;
  const timestamp = header?.requestTimestamp;
  if (typeof userId !== 'string' || typeof signature !== 'string' || typeof timestamp !== 'string') {
    throw new MarketoFault(20014);
  }
  if (userId !== credentials.userId || !W3C_DATE_TIME.test(timestamp)) throw new MarketoFault(20014);
  const sentAt = Date.parse(timestamp);
  if (Number.isNaN(sentAt)) throw new MarketoFault(20014);
  if (Math.abs(nowMs - sentAt) > toleranceMs) throw new MarketoFault(20016);

  const expected = expectedSignature(credentials, timestamp);
  const given = Buffer.from(signature, 'utf8');
  // timingSafeEqual needs equal lengths; the length of a signature is not a secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new MarketoFault(20014);
}
