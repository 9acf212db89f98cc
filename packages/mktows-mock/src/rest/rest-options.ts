// The `rest` option of startMockServer: the one API client (a LaunchPoint custom service) the identity
// service knows, and how long its access tokens live.
import { ValidationError } from '@org/mktows-auth';

/** Marketo's token lifetime: a new access token lives 3,600 seconds. */
export const MARKETO_TOKEN_LIFETIME_SECONDS = 3600;

/** The REST side's credentials and token lifetime. */
export interface MockRestOptions {
  /** The Client Id the identity service accepts. */
  clientId: string;
  /** Its Client Secret (never logged, never in an answer). */
  clientSecret: string;
  /** Seconds a new access token lives; default 3,600 as at Marketo. Shorten it to test expiry. */
  tokenLifetimeSeconds?: number;
}

/** {@link MockRestOptions} checked, with defaults. */
export interface ResolvedRestOptions {
  clientId: string;
  clientSecret: string;
  tokenLifetimeMs: number;
}

const KNOWN: ReadonlySet<string> = new Set<keyof MockRestOptions>(['clientId', 'clientSecret', 'tokenLifetimeSeconds']);

function text(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(field, 'must be a non-empty string');
  return value;
}

/**
 * Checks the `rest` option; `undefined` means no API client: the REST paths are served, but the identity
 * service refuses every client.
 * @throws ValidationError naming the option and the rule it breaks
 */
export function resolveRestOptions(options: MockRestOptions | undefined): ResolvedRestOptions | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError('rest', 'must be an object with clientId and clientSecret');
  }
  for (const name of Object.keys(options)) {
    if (!KNOWN.has(name)) throw new ValidationError(`rest.${name}`, 'is not an option of rest');
  }
  const lifetime = options.tokenLifetimeSeconds ?? MARKETO_TOKEN_LIFETIME_SECONDS;
  if (typeof lifetime !== 'number' || !Number.isInteger(lifetime) || lifetime < 1 || lifetime > 86_400) {
    throw new ValidationError('rest.tokenLifetimeSeconds', 'must be an integer from 1 to 86400');
  }
  return {
    clientId: text('rest.clientId', options.clientId),
    clientSecret: text('rest.clientSecret', options.clientSecret),
    tokenLifetimeMs: lifetime * 1000,
  };
}
