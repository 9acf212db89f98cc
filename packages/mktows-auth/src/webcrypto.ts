/**
 * `@org/mktows-auth/webcrypto`: everything in this package except the node:crypto signers. Nothing
 * reachable from this entry imports a `node:` module, so it loads in edge runtimes that only have
 * `globalThis.crypto.subtle` (Cloudflare Workers, Vercel Edge, Deno, browsers).
 *
 * @packageDocumentation
 */
export { signRequestAsync, createAuthenticationHeaderAsync } from './sign-webcrypto.js';
export { formatTimestamp, parseTimestamp, MAX_OFFSET_MINUTES } from './timestamp.js';
export { computeClockOffsetMs } from './clock.js';
export type { ClockOptions } from './clock.js';
export { createContextHeader } from './context-header.js';
export type { MktowsContextHeaderInfo } from './context-header.js';
export { createCredentials, Credentials } from './credentials.js';
export type { CredentialsSource, UserIdAndSecretKey, CredentialsHolder, RedactedCredentials } from './credentials.js';
export type {
  AuthenticationHeaderInfo,
  AuthenticationHeaderOptions,
  AuthenticationHeaderClockOptions,
} from './authentication-header.js';
export type { SignRequestInput } from './signed-message.js';
export { ValidationError } from './validation-error.js';
