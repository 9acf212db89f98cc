// The Web Crypto signers: they use only globalThis.crypto.subtle and TextEncoder, so they run in
// edge runtimes (Cloudflare Workers, Vercel Edge, Deno, browsers) as well as in Node.
// This module must never import node:* (a test walks the import graph of the webcrypto entry).
import type { AuthenticationHeaderInfo, AuthenticationHeaderOptions } from './authentication-header.js';
import { prepareAuthenticationHeader } from './authentication-header.js';
import type { SignRequestInput } from './signed-message.js';
import { signingMaterial, toLowerHex } from './signed-message.js';

// The slice of SubtleCrypto used here, declared locally so the published types need neither the DOM
// lib nor @types/node.
interface HmacSubtleCrypto {
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: { name: 'HMAC'; hash: 'SHA-1' },
    extractable: false,
    keyUsages: ['sign'],
  ): Promise<unknown>;
  sign(algorithm: 'HMAC', key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

function subtleCrypto(): HmacSubtleCrypto {
  const subtle = (globalThis as { crypto?: { subtle?: HmacSubtleCrypto } }).crypto?.subtle;
  if (!subtle) {
    throw new Error(
      'Web Crypto is not available: globalThis.crypto.subtle is undefined in this runtime. ' +
        'Use signRequest from @org/mktows-auth (node:crypto) instead.',
    );
  }
  return subtle;
}

/**
 * The same signature as `signRequest` (HMAC-SHA1 over `timestamp + userId`, lowercase hex), computed with
 * Web Crypto (`globalThis.crypto.subtle`). Use it where node:crypto does not exist; import it from
 * `@org/mktows-auth/webcrypto` there so that node:crypto is not loaded at all.
 *
 * @throws {@link ValidationError} (as a rejection) for a blank or non-string userId/secretKey or a
 *   malformed timestamp; an `Error` when the runtime has no Web Crypto
 *
 * @example
 * ```ts
 * import { signRequestAsync } from '@org/mktows-auth/webcrypto';
 * await signRequestAsync({
 *   userId: 'bigcorp1_461839624B16E06BA2D663',
 *   secretKey: '899756834129871744AAEE88DDCC77CDEEDEC1AAAD66',
 *   timestamp: '2013-07-31T12:38:47-07:00',
 * }); // '1d2760575a5f6ce1b44d7298cccc8d09c35705d7'
 * ```
 */
export async function signRequestAsync(input: SignRequestInput): Promise<string> {
  const { secretKey, message } = signingMaterial(input);
  const subtle = subtleCrypto();
  const encoder = new TextEncoder();
  const key = await subtle.importKey('raw', encoder.encode(secretKey), { name: 'HMAC', hash: 'SHA-1' }, false, [
    'sign',
  ]);
  const digest = await subtle.sign('HMAC', key, encoder.encode(message));
  return toLowerHex(new Uint8Array(digest));
}

/**
 * `createAuthenticationHeader` for runtimes with only Web Crypto: same options, same output, as a Promise.
 * The clock is read synchronously when called, so the timestamp is the call's time, not the time the
 * Promise settles.
 *
 * Note: soap's `addSoapHeader` needs a header synchronously; compute this before the call there.
 *
 * @throws {@link ValidationError} (as a rejection) for bad credentials, clock or offset input
 *
 * @example
 * ```ts
 * import { createAuthenticationHeaderAsync } from '@org/mktows-auth/webcrypto';
 * const header = await createAuthenticationHeaderAsync({ userId, secretKey });
 * ```
 */
export async function createAuthenticationHeaderAsync(
  options: AuthenticationHeaderOptions,
): Promise<AuthenticationHeaderInfo> {
  const { userId, secretKey, requestTimestamp } = prepareAuthenticationHeader(options);
  return {
    mktowsUserId: userId,
    requestSignature: await signRequestAsync({ userId, secretKey, timestamp: requestTimestamp }),
    requestTimestamp,
  };
}
