// Client-wide limits on mktows calls: a sliding window of call starts, a number in flight and a daily
// quota. Every HTTP attempt of every method of a client passes through the same limiter, so syncLead and
// syncLeads together stay under Marketo's 100 calls / 20 s, 10 concurrent calls and 10,000 calls a day.
// The limits are kept in memory for the client, or in a store that shares them with every client of
// the same Marketo instance (see limit-store.ts and `@org/sync-lead/redis`).
import { ValidationError } from './errors.js';
import type { LimitStore } from './limit-store.js';
import { createMemoryLimitStore } from './memory-limit-store.js';
import { createStoreLimiter } from './store-limiter.js';

/** At most `calls` calls in any `windowMs` milliseconds. */
export interface RateLimit {
  /** Calls allowed per window (Marketo: 100). */
  calls: number;
  /** The window, in milliseconds (Marketo: 20,000). */
  windowMs: number;
}

/** Limit options of a client. */
export interface CallLimitOptions {
  /** Default `{ calls: 100, windowMs: 20_000 }` (Marketo's documented limit); `false` disables it. */
  rateLimit?: RateLimit | false | undefined;
  /** Calls in flight at once (default 10, Marketo's documented limit). */
  concurrency?: number | undefined;
  /**
   * Calls per Marketo day, which starts at midnight US Central time (default 10,000, Marketo's documented
   * default); `false` disables it. A call beyond it fails with `DailyQuotaExceededError` before anything is sent.
   */
  dailyQuota?: number | false | undefined;
  /**
   * Where the limits are kept. Default: in memory, for this client alone. A store from
   * `createRedisLimitStore` (`@org/sync-lead/redis`) enforces `rateLimit`, `concurrency` and `dailyQuota`
   * across every client, process and machine that uses the same key.
   */
  limitStore?: LimitStore | undefined;
}

/** Marketo's documented limits, the defaults. */
export const MARKETO_RATE_LIMIT: Readonly<RateLimit> = Object.freeze({ calls: 100, windowMs: 20_000 });
/** Marketo's documented limit of calls in flight at once (10), the default `concurrency`. */
export const MARKETO_CALLS_IN_FLIGHT_LIMIT = 10;
/**
 * Marketo's documented limit of calls in flight at once.
 * @deprecated Use {@link MARKETO_CALLS_IN_FLIGHT_LIMIT} (the same value, the name `@org/mktows-mock` uses too).
 */
export const MARKETO_CONCURRENCY = MARKETO_CALLS_IN_FLIGHT_LIMIT;
/** Marketo's documented default daily quota (calls per day), the default. */
export const MARKETO_DAILY_QUOTA = 10_000;

// Marketo counts calls in a sliding window ("more than 100 in the past 20 s"). The client keeps a log of
// its calls and lets a call start while fewer than `calls` of them fall in the last window (a call counts
// while in flight and until the window has passed since its answer came back, see memory-limit-store.ts),
// so a burst up to the allowance starts at once. The window is stretched by a margin for the difference
// between the two clocks' views (the server's busy moments, where exactly it takes its time): 2% of the
// window (400 ms of Marketo's 20 s) and never less than 100 ms, because that is an amount of time, not a
// fraction of the window: on a scaled-down window of 1 s, 2% would be 20 ms.
const MARGIN_FRACTION = 0.02;
const MINIMUM_MARGIN_MS = 100;

/** The window the client keeps to, in whole ms: the server's, plus the margin for arrival jitter. */
function guardedWindowMs(rateLimit: RateLimit): number {
  return Math.ceil(rateLimit.windowMs + Math.max(rateLimit.windowMs * MARGIN_FRACTION, MINIMUM_MARGIN_MS));
}

/** Validated limits of a client. */
export interface ResolvedCallLimits {
  rateLimit: RateLimit | undefined;
  /** {@link guardedWindowMs} of the rate limit (0 without one). */
  windowMs: number;
  concurrency: number;
  dailyQuota: number | undefined;
}

/** Per-call options of {@link CallLimiter.schedule}. */
export interface ScheduleOptions {
  /** Takes the call out of the queue when it fires; the call rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** How long the call may wait for a shared store that cannot be reached (the call's `timeoutMs`). */
  timeoutMs: number;
}

/** The limiter of one client. */
export interface CallLimiter {
  /** Runs `task` when the limits allow; resolves or rejects as the task does. */
  schedule<T>(task: () => Promise<T>, options: ScheduleOptions): Promise<T>;
  /** The maximum number of calls in flight. */
  readonly concurrency: number;
  /** Drops the calls still waiting (their signals end them) and starts no more. */
  stop(): void;
}

/** What a limiter needs to know about its client. */
export interface LimiterContext {
  /** The key a shared store counts under unless it was given its own: the endpoint's host and the user id. */
  defaultKey: string;
  /** The client's clock, which decides the quota day. */
  now: () => Date;
}

function resolveRateLimit(rateLimit: CallLimitOptions['rateLimit']): RateLimit | undefined {
  if (rateLimit === false) return undefined;
  if (rateLimit === undefined) return MARKETO_RATE_LIMIT;
  if (typeof rateLimit !== 'object' || rateLimit === null) {
    throw new ValidationError('rateLimit', 'must be { calls, windowMs } or false');
  }
  const { calls, windowMs } = rateLimit;
  if (typeof calls !== 'number' || !Number.isInteger(calls) || calls < 1) {
    throw new ValidationError('rateLimit.calls', 'must be an integer >= 1');
  }
  if (typeof windowMs !== 'number' || !Number.isFinite(windowMs) || windowMs <= 0) {
    throw new ValidationError('rateLimit.windowMs', 'must be a positive number of milliseconds');
  }
  return { calls, windowMs };
}

/** A count option (an integer >= 1): `fallback` when absent; `false` turns it off (undefined) where `mayDisable`. */
function countOption(value: unknown, name: string, fallback: number, mayDisable: boolean): number | undefined {
  if (mayDisable && value === false) return undefined;
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ValidationError(name, `must be an integer >= 1${mayDisable ? ' or false' : ''}`);
  }
  return value;
}

function resolveConcurrency(concurrency: unknown): number {
  return countOption(concurrency, 'concurrency', MARKETO_CALLS_IN_FLIGHT_LIMIT, false) ?? MARKETO_CALLS_IN_FLIGHT_LIMIT;
}

function resolveDailyQuota(dailyQuota: unknown): number | undefined {
  return countOption(dailyQuota, 'dailyQuota', MARKETO_DAILY_QUOTA, true);
}

function requireLimitStore(store: unknown): LimitStore | undefined {
  if (store === undefined) return undefined;
  const candidate = (typeof store === 'object' && store !== null ? store : {}) as Partial<LimitStore>;
  if (typeof candidate.bind !== 'function' || typeof candidate.description !== 'string') {
    throw new ValidationError(
      'limitStore',
      'must be a limit store, e.g. createRedisLimitStore({ url }) from @org/sync-lead/redis',
    );
  }
  return candidate as LimitStore;
}

/**
 * Validates a client's limit options.
 *
 * @throws {@link ValidationError} for malformed limits
 */
export function resolveCallLimits(
  options: CallLimitOptions,
): ResolvedCallLimits & { limitStore: LimitStore | undefined } {
  const rateLimit = resolveRateLimit(options.rateLimit);
  return {
    rateLimit,
    windowMs: rateLimit ? guardedWindowMs(rateLimit) : 0,
    concurrency: resolveConcurrency(options.concurrency),
    dailyQuota: resolveDailyQuota(options.dailyQuota),
    limitStore: requireLimitStore(options.limitStore),
  };
}

/**
 * Creates a client's limiter: through its `limitStore` when it has one, else in memory for the client.
 *
 * @throws {@link ValidationError} for malformed limits
 */
export function createCallLimiter(options: CallLimitOptions, context: LimiterContext): CallLimiter {
  const { limitStore, ...limits } = resolveCallLimits(options);
  return createStoreLimiter(limitStore ?? createMemoryLimitStore(), limits, context);
}
