// The identity service and the access tokens it issues (client credentials grant), as Marketo documents
// them: a new token lives the configured lifetime (3,600 s); asking again while it is alive gives the same
// token with `expires_in` set to what is left of it; a token past its life is refused with 602, anything
// else that is not a live token with 601. Secrets are compared in constant time and never echoed.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';

import type { ResolvedRestOptions } from './rest-options.js';

/** An identity answer: HTTP status and JSON body. */
interface IdentityAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Issued tokens remembered to tell an expired token (602) from one never issued (601). */
const REMEMBERED_TOKENS = 1000;

/** A token with less than this left is replaced rather than handed out (`expires_in` is whole seconds). */
const LEAST_LIFE_MS = 1000;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function oauthError(status: number, error: string, description: string): IdentityAnswer {
  return { status, body: { error, error_description: description } };
}

/** The tokens of one server. Tokens outlive `reset()`: they are the client's session, not instance data. */
export class AccessTokens {
  /** Token -> when it expires (epoch ms), oldest first. */
  private readonly issued = new Map<string, number>();
  private current: { token: string; expiresAt: number } | undefined;

  /** @param client - the one API client, or undefined (every client refused) */
  constructor(
    private readonly client: ResolvedRestOptions | undefined,
    private readonly now: () => number,
  ) {}

  /** Answers `GET /identity/oauth/token?grant_type=client_credentials&client_id=..&client_secret=..`. */
  issue(query: URLSearchParams): IdentityAnswer {
    const grantType = query.get('grant_type');
    if (grantType === null) return oauthError(400, 'invalid_request', 'Missing grant type');
    if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type');
    const clientId = query.get('client_id') ?? '';
    const clientSecret = query.get('client_secret') ?? '';
    const known = this.client !== undefined && clientId === this.client.clientId;
    // Compared even for an unknown id, so the answer takes as long either way.
    const secretMatches = sameSecret(clientSecret, this.client?.clientSecret ?? '\u0000');
    if (!this.client || !known || !secretMatches) return oauthError(401, 'invalid_client', 'Bad client credentials');
    const now = this.now();
    if (!this.current || this.current.expiresAt - now < LEAST_LIFE_MS) {
      this.current = { token: `${randomUUID()}:mk`, expiresAt: now + this.client.tokenLifetimeMs };
      this.remember(this.current.token, this.current.expiresAt);
    }
    return {
      status: 200,
      body: {
        access_token: this.current.token,
        token_type: 'bearer',
        expires_in: Math.floor((this.current.expiresAt - now) / 1000),
        scope: `${this.client.clientId}@mktows-mock.invalid`,
      },
    };
  }

  /**
   * Checks the `Authorization` header of a Lead Database request.
   * @returns undefined for a live token, else the REST code and why (601 unknown or missing, 602 expired)
   */
  check(authorization: string | undefined): { code: 601 | 602; message: string } | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return { code: 601, message: 'Access token invalid: send it as Authorization: Bearer <token>' };
    const expiresAt = this.issued.get(match[1] ?? '');
    if (expiresAt === undefined) return { code: 601, message: 'Access token invalid' };
    if (this.now() >= expiresAt) return { code: 602, message: 'Access token expired' };
    return undefined;
  }

  private remember(token: string, expiresAt: number): void {
    this.issued.set(token, expiresAt);
    if (this.issued.size > REMEMBERED_TOKENS) {
      const oldest = this.issued.keys().next();
      if (!oldest.done) this.issued.delete(oldest.value);
    }
  }
}
