/**
 * `@org/mktows-auth`: signs Marketo mktows SOAP requests. HMAC-SHA1 over `requestTimestamp + userId`
 * with the secret key, lowercase hex, in the `AuthenticationHeader`; plus `MktowsContextHeader`.
 *
 * This entry adds the synchronous node:crypto signers (`signRequest`, `createAuthenticationHeader`) to
 * everything in `@org/mktows-auth/webcrypto`. Edge runtimes without node:crypto import that entry instead.
 *
 * @module index
 * @packageDocumentation
 */
export { signRequest, createAuthenticationHeader } from './sign-node.js';
export * from './webcrypto.js';
