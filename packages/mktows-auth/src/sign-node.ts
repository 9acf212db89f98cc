// The node:crypto signers. Only the main entry (`@org/mktows-auth`) imports this module; the
// `@org/mktows-auth/webcrypto` entry does not, so runtimes without node:crypto can load that one.
import { createHmac } from 'node:crypto';

import type { AuthenticationHeaderInfo, AuthenticationHeaderOptions } from './authentication-header.js';
import { prepareAuthenticationHeader } from './authentication-header.js';
import type { SignRequestInput } from './signed-message.js';
import { signingMaterial } from './signed-message.js';

/**
 * Marketo's `requestSignature`: HMAC-SHA1 keyed with the secret key's UTF-8 bytes over the UTF-8 bytes
 * of `timestamp + userId`, as 40 lowercase hex characters. Uses node:crypto; see {@link signRequestAsync}
 * for runtimes with only Web Crypto.
 *
 * @throws {@link ValidationError} for a blank or non-string userId/secretKey or a malformed timestamp
 *
 * @example
 * ```ts
 * signRequest({
 *   userId: 'bigcorp1_461839624B16E06BA2D663',
 *   secretKey: '899756834129871744AAEE88DDCC77CDEEDEC1AAAD66',
 *   timestamp: '2013-07-31T12:38:47-07:00',
 * }); // '1d2760575a5f6ce1b44d7298cccc8d09c35705d7'
 * ```
 */
export function signRequest(input: SignRequestInput): string {
  const { secretKey, message } = signingMaterial(input);
  return createHmac('sha1', Buffer.from(secretKey, 'utf8')).update(message, 'utf8').digest('hex');
}

/**
 * A fresh `AuthenticationHeader` for one request: the clock is read once (plus `clockOffsetMs`), formatted
 * with `offsetMinutes` (default: machine zone) and signed with node:crypto. Call it once per request;
 * Marketo refuses a stale timestamp with fault 20016.
 *
 * @throws {@link ValidationError} for bad credentials, clock or offset input
 *
 * @example
 * ```ts
 * const header = createAuthenticationHeader({ userId, secretKey });
 * // { mktowsUserId, requestSignature: '3f1c…', requestTimestamp: '2026-05-01T09:30:00+02:00' }
 * ```
 */
export function createAuthenticationHeader(options: AuthenticationHeaderOptions): AuthenticationHeaderInfo {
  const { userId, secretKey, requestTimestamp } = prepareAuthenticationHeader(options);
  return {
    mktowsUserId: userId,
    requestSignature: signRequest({ userId, secretKey, timestamp: requestTimestamp }),
    requestTimestamp,
  };
}
