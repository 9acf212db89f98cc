// The generated typed client (createMktowsClient of @org/mktows-types) pointed at a mock server, signed
// with the test credentials, and a helper that reads the Marketo code out of a rejected call.
import { createAuthenticationHeader } from '@org/mktows-auth';
import { createMktowsClient } from '@org/mktows-types';
import type { MktowsSoapClient } from '@org/mktows-types';

import type { MockServer } from '../../src/index.js';
import { TEST_SECRET, TEST_USER } from './soap-http.js';

/** A typed client for `server`; `now` is the signing clock (for servers with a `clock` option). */
export function typedClient(server: MockServer, now?: () => Date): Promise<MktowsSoapClient> {
  return createMktowsClient({
    endpoint: server.url,
    headers: () => ({
      AuthenticationHeader: createAuthenticationHeader({ userId: TEST_USER, secretKey: TEST_SECRET, now }),
    }),
  });
}

/** The Marketo fault code of a call that must fail (the test fails if it succeeds or fails otherwise). */
export async function faultCode(call: Promise<unknown>): Promise<number> {
  const error: unknown = await call.then(
    (value) => {
      throw new Error(`expected a Marketo fault, got ${JSON.stringify(value)}`);
    },
    (rejection: unknown) => rejection,
  );
  const code = (
    error as { root?: { Envelope?: { Body?: { Fault?: { detail?: { serviceException?: { code?: unknown } } } } } } }
  ).root?.Envelope?.Body?.Fault?.detail?.serviceException?.code;
  if (code === undefined) throw error instanceof Error ? error : new Error(String(error));
  return Number(code);
}
