// Client-wide limits on mktows calls: a rate (calls per window) and a number in flight. Every HTTP
// attempt of every method of a client passes through the same limiter, so syncLead and syncLeads
// together stay under Marketo's 100 calls / 20 s and 10 concurrent calls.
import Bottleneck from 'bottleneck';
import { ValidationError } from './errors.js';

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
}

/** Marketo's documented limits, the defaults. */
export const MARKETO_RATE_LIMIT: Readonly<RateLimit> = Object.freeze({ calls: 100, windowMs: 20_000 });
/** Marketo's documented concurrency limit, the default. */
export const MARKETO_CONCURRENCY = 10;

// Calls are spaced evenly rather than released in bursts: Marketo counts calls in a sliding window
// ("more than 100 in the past 20 s"), and even spacing is the only schedule that never exceeds a
// sliding window. 2% more spacing absorbs jitter between when a call starts here and when it
// arrives there, which would otherwise squeeze call n+100 into call n's window.
const SPACING_MARGIN = 1.02;

/** The limiter of one client. */
export interface CallLimiter {
  /** Runs `task` when the limits allow; resolves or rejects as the task does. */
  schedule<T>(task: () => Promise<T>): Promise<T>;
  /** The effective minimum spacing between call starts, in ms (0 when no rate limit). */
  readonly spacingMs: number;
  /** The maximum number of calls in flight. */
  readonly concurrency: number;
  /** Drops queued calls (they reject) and releases timers. */
  stop(): Promise<void>;
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

function resolveConcurrency(concurrency: unknown): number {
  if (concurrency === undefined) return MARKETO_CONCURRENCY;
  if (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < 1) {
    throw new ValidationError('concurrency', 'must be an integer >= 1');
  }
  return concurrency;
}

/**
 * Creates a client's limiter (Bottleneck: `maxConcurrent` for concurrency, `minTime` for the rate).
 *
 * @throws {@link ValidationError} for malformed limits
 */
export function createCallLimiter(options: CallLimitOptions): CallLimiter {
  const rateLimit = resolveRateLimit(options.rateLimit);
  const concurrency = resolveConcurrency(options.concurrency);
  const spacingMs = rateLimit ? Math.ceil((rateLimit.windowMs / rateLimit.calls) * SPACING_MARGIN) : 0;
  const bottleneck = new Bottleneck({ maxConcurrent: concurrency, minTime: spacingMs });
  return {
    spacingMs,
    concurrency,
    schedule: (task) => bottleneck.schedule(task),
    stop: () => bottleneck.stop({ dropWaitingJobs: true }),
  };
}
