// The OAuth access token of one REST client (client credentials grant): fetched lazily on the first
// call, shared by concurrent calls (ten first calls make one identity request), reused until shortly
// before `expires_in` runs out, and dropped when Marketo refuses it (601/602) so the next call fetches a
// new one. The identity call is not a Lead Database call: Marketo does not count it against the limits.
import type { operations, ResponseOfIdentity } from '@org/marketo-rest-types';
import { REST_OPERATIONS, TOKEN_TYPE_VALUES } from '@org/marketo-rest-types';
import { raceWithSignal } from '../abort.js';
import { AbortError, InvalidResponseError } from '../errors.js';
import { httpStatusError, parseJsonBody } from './rest-envelope.js';
import type { RestHttpReply, RestHttpRequest } from './rest-http.js';
import type { RestSecrets } from './rest-redact.js';
import { restUrl } from './rest-urls.js';

/** A token is refreshed this long before it runs out (at most; a tenth of its life for short-lived ones). */
const TOKEN_REFRESH_MARGIN_MS = 60_000;

/** Options of {@link createRestTokenProvider}. */
interface RestTokenProviderOptions {
  /** The identity endpoint, e.g. `https://123-ABC-456.mktorest.com/identity`. */
  identityEndpoint: URL;
  clientId: string;
  clientSecret: string;
  /** Sends one request (the client's bounded HTTP exchange); `url`, `method`, `headers` and `what` are filled in here. */
  send: (request: Pick<RestHttpRequest, 'url' | 'method' | 'headers' | 'what'>) => Promise<RestHttpReply>;
  secrets: RestSecrets;
  /** The clock, in milliseconds (default `Date.now`). */
  now?: (() => number) | undefined;
}

/** The token of one client. */
interface RestTokenProvider {
  /** A valid token; fetches one when there is none or it is about to run out. Concurrent callers share one fetch. */
  get(signal?: AbortSignal): Promise<string>;
  /** Forgets `token` after Marketo refused it (601/602). A token fetched since is kept. */
  invalidate(token: string): void;
}

interface HeldToken {
  token: string;
  /** When to stop using it and fetch a new one. */
  refreshAt: number;
}

type IdentityQuery = operations['identityUsingGET']['parameters']['query'];

const WHAT = `GET ${REST_OPERATIONS.identityUsingGET.path}`;

function readToken(reply: RestHttpReply, secrets: RestSecrets): ResponseOfIdentity {
  if (reply.status < 200 || reply.status >= 300) throw httpStatusError(reply, WHAT, secrets.serverText);
  const body = parseJsonBody(reply, WHAT, secrets.serverText);
  const { access_token: token, expires_in: expiresIn, token_type: tokenType } = body;
  if (typeof token === 'string' && token !== '') secrets.addToken(token);
  const problem =
    typeof token !== 'string' || token === ''
      ? 'no access_token'
      : typeof tokenType !== 'string' || !(TOKEN_TYPE_VALUES as readonly string[]).includes(tokenType.toLowerCase())
        ? `token_type is not ${TOKEN_TYPE_VALUES.join(' or ')}`
        : typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0
          ? 'expires_in is not a positive number of seconds'
          : undefined;
  if (problem) throw new InvalidResponseError(`The identity answer to ${WHAT} is unusable: ${problem}`, reply.status);
  return body as ResponseOfIdentity;
}

/** Creates the token provider of one client; nothing is fetched until the first `get`. */
export function createRestTokenProvider(options: RestTokenProviderOptions): RestTokenProvider {
  const now = options.now ?? Date.now;
  let held: HeldToken | undefined;
  let pending: Promise<HeldToken> | undefined;

  async function fetchToken(): Promise<HeldToken> {
    const query: IdentityQuery = {
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    };
    const url = restUrl(options.identityEndpoint, REST_OPERATIONS.identityUsingGET.path, Object.entries(query));
    const sentAt = now();
    const reply = await options.send({ url, method: 'GET', headers: { accept: 'application/json' }, what: WHAT });
    const identity = readToken(reply, options.secrets);
    const lifetimeMs = identity.expires_in * 1000;
    // Counted from when the request left: the token's life ran while the answer travelled.
    return { token: identity.access_token, refreshAt: sentAt + lifetimeMs - Math.min(TOKEN_REFRESH_MARGIN_MS, lifetimeMs / 10) };
  }

  return {
    get(signal?: AbortSignal): Promise<string> {
      if (held && now() < held.refreshAt) return Promise.resolve(held.token);
      pending ??= fetchToken()
        .then((fetched) => {
          held = fetched;
          return fetched;
        })
        .finally(() => {
          pending = undefined;
        });
      // One caller's abort ends its wait, not the fetch the others share.
      return raceWithSignal(pending, signal, () => new AbortError(signal?.reason)).then((fetched) => fetched.token);
    },
    invalidate(token: string): void {
      if (held?.token === token) held = undefined;
    },
  };
}
