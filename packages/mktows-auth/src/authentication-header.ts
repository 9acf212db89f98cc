import type { ClockOptions } from './clock.js';
import { readClock } from './clock.js';
import type { Credentials, CredentialsSource } from './credentials.js';
import { resolveCredentials } from './credentials.js';
import { formatTimestamp } from './timestamp.js';

/**
 * The SOAP header `AuthenticationHeader` (XML Schema type `AuthenticationHeaderInfo`) that every mktows
 * request carries. Structurally the same as `AuthenticationHeaderInfo` in `@org/mktows-types`.
 */
export interface AuthenticationHeaderInfo {
  /** The Marketo SOAP user id. */
  mktowsUserId: string;
  /** HMAC-SHA1 of `requestTimestamp + mktowsUserId` with the secret key: 40 lowercase hex characters. */
  requestSignature: string;
  /** When the request was signed: `YYYY-MM-DDThh:mm:ss+hh:mm`. */
  requestTimestamp: string;
}

/** Options of {@link createAuthenticationHeader} besides the credentials. */
export interface AuthenticationHeaderClockOptions extends ClockOptions {
  /**
   * Zone offset of `requestTimestamp`, in minutes east of UTC (`-420` for `-07:00`). Defaults to the
   * machine zone at the signing instant. The offset does not change the instant, only how it is written.
   */
  offsetMinutes?: number;
}

/**
 * What {@link createAuthenticationHeader} accepts: credentials (a `{ userId, secretKey }` pair or
 * `{ credentials }`) plus clock options, or a {@link Credentials} object alone.
 */
export type AuthenticationHeaderOptions = (CredentialsSource & AuthenticationHeaderClockOptions) | Credentials;

/** The validated inputs of one header: who signs, with which key, at which formatted time. */
interface UnsignedAuthenticationHeader {
  readonly userId: string;
  readonly secretKey: string;
  readonly requestTimestamp: string;
}

/** Validates the options, reads the clock once and formats the timestamp; signing is left to the caller. */
export function prepareAuthenticationHeader(options: AuthenticationHeaderOptions): UnsignedAuthenticationHeader {
  const { userId, secretKey } = resolveCredentials(options);
  const clock = options as AuthenticationHeaderClockOptions;
  const signedAt = readClock({ now: clock.now, clockOffsetMs: clock.clockOffsetMs });
  return { userId, secretKey, requestTimestamp: formatTimestamp(signedAt, clock.offsetMinutes) };
}
