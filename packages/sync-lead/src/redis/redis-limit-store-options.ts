// Options of createRedisLimitStore and their validation (before any connection is made).
import { ValidationError } from '../errors.js';
import { parseUrlOption } from '../endpoint.js';

/** Options of `createRedisLimitStore`. */
export interface RedisLimitStoreOptions {
  /** The Redis server: `redis://[[user]:password@]host[:port][/db]`, or `rediss://` for TLS. */
  url: string;
  /**
   * The key the limits are counted under: every client using the same Redis and key shares them.
   * Default: the client's endpoint host and user id (one Marketo instance and user).
   */
  key?: string | undefined;
  /**
   * How long an in-flight slot stays taken without a renewal, in ms (default 10,000). Slots of running
   * calls are renewed every third of it; a process that dies (SIGKILL) gives its slots back within it.
   */
  leaseMs?: number | undefined;
  /**
   * While Redis cannot be reached: `'wait'` (default) keeps calls waiting until it is back, each for up
   * to its `timeoutMs`, then fails them with `LimitStoreUnavailableError`; `'fail'` fails them at once.
   * Either way no call is sent without the shared limits.
   */
  whenUnavailable?: 'wait' | 'fail' | undefined;
  /**
   * How long one Redis command may take before the store counts as unavailable for it, in ms (default
   * 2,000; at least 10). Raise it for a distant Redis. A request for call starts whose answer comes too
   * late is taken back in Redis before the next one, so a late answer never costs quota or slots.
   */
  commandTimeoutMs?: number | undefined;
}

/** Default lease of an in-flight slot. */
export const DEFAULT_LEASE_MS = 10_000;
/** The shortest lease accepted: renewals every third of it must fit between event-loop stalls. */
const MINIMUM_LEASE_MS = 300;
/** Default time a Redis command may take. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 2_000;
/** The shortest command timeout accepted. */
const MINIMUM_COMMAND_TIMEOUT_MS = 10;

/** Validated options. */
interface ResolvedRedisLimitStoreOptions {
  url: string;
  /** The URL without its credentials, for messages. */
  safeUrl: string;
  key: string | undefined;
  leaseMs: number;
  whenUnavailable: 'wait' | 'fail';
  commandTimeoutMs: number;
}

function parseRedisUrl(url: unknown): URL {
  const parsed = parseUrlOption(
    url,
    'url',
    'must be a redis:// or rediss:// URL',
    'must be a redis:// or rediss:// URL',
  );
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new ValidationError('url', `must use redis: or rediss: (got ${parsed.protocol})`);
  }
  if (parsed.hostname === '') throw new ValidationError('url', 'must name a host');
  return parsed;
}

/** An optional whole number of milliseconds, at least `min`; `fallback` when absent. */
function milliseconds(field: string, value: unknown, min: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ValidationError(field, `must be an integer >= ${min} (milliseconds)`);
  }
  return value;
}

/**
 * Checks the options of `createRedisLimitStore`.
 *
 * @throws {@link ValidationError} naming the option and the rule
 */
export function resolveRedisLimitStoreOptions(options: unknown): ResolvedRedisLimitStoreOptions {
  if (typeof options !== 'object' || options === null)
    throw new ValidationError('options', 'must be an object with url');
  const { url, key, leaseMs, whenUnavailable, commandTimeoutMs } = options as RedisLimitStoreOptions;
  const parsed = parseRedisUrl(url);
  if (key !== undefined && (typeof key !== 'string' || key.trim() === '' || key.length > 200)) {
    throw new ValidationError('key', 'must be a non-empty string of at most 200 characters');
  }
  const lease = milliseconds('leaseMs', leaseMs, MINIMUM_LEASE_MS, DEFAULT_LEASE_MS);
  if (whenUnavailable !== undefined && whenUnavailable !== 'wait' && whenUnavailable !== 'fail') {
    throw new ValidationError('whenUnavailable', "must be 'wait' or 'fail'");
  }
  const timeout = milliseconds('commandTimeoutMs', commandTimeoutMs, MINIMUM_COMMAND_TIMEOUT_MS, DEFAULT_COMMAND_TIMEOUT_MS);
  const port = parsed.port === '' ? '6379' : parsed.port;
  return {
    url: url.trim(),
    safeUrl: `${parsed.protocol}//${parsed.hostname}:${port}${parsed.pathname === '' || parsed.pathname === '/' ? '/0' : parsed.pathname}`,
    key,
    leaseMs: lease,
    whenUnavailable: whenUnavailable ?? 'wait',
    commandTimeoutMs: timeout,
  };
}
