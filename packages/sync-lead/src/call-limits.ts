// Client-wide limits on mktows calls: a rate (calls per window) and a number in flight. Every HTTP
// attempt of every method of a client passes through the same limiter, so syncLead and syncLeads
// together stay under Marketo's 100 calls / 20 s and 10 concurrent calls.
import PQueue from 'p-queue';
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

// Marketo counts calls in a sliding window ("more than 100 in the past 20 s"). Calls are started one
// per slot of `window / calls`, counted on actual start times (p-queue's strict mode), so that however
// late a timer fires, no window holds more than `calls` starts. Not in bursts, even small ones: a
// burst's envelopes are built one after another on the one thread, so its last request leaves well after
// its start, and on a busy machine a window measured at the server then held more calls than the starts
// did (measured: groups of 2 and of 5 drew 20023s under load where one per slot drew none). The price is
// that a late start delays the ones after it: a few percent of the rate.
// The window is stretched by a margin for what happens between a start here and the arrival there
// (serialisation, network, the server's busy moments): 2% of the window (400 ms of Marketo's 20 s) and
// never less than 100 ms, because that jitter is an amount of time, not a fraction of the window: on a
// scaled-down window of 1 s, 2% would be 20 ms.
const MARGIN_FRACTION = 0.02;
const MINIMUM_MARGIN_MS = 100;

/** The window the client keeps to: the server's, plus the margin for arrival jitter. */
export function guardedWindowMs(rateLimit: RateLimit): number {
  return rateLimit.windowMs + Math.max(rateLimit.windowMs * MARGIN_FRACTION, MINIMUM_MARGIN_MS);
}

/** The limiter of one client. */
export interface CallLimiter {
  /**
   * Runs `task` when the limits allow; resolves or rejects as the task does. When `signal` fires while
   * the task waits, it leaves the queue and the call rejects with the signal's reason.
   */
  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** The least time between two call starts, in ms (0 without a rate limit). */
  readonly spacingMs: number;
  /** The maximum number of calls in flight. */
  readonly concurrency: number;
  /** Drops the calls still waiting (their signals end them) and starts no more. */
  stop(): void;
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
 * Creates a client's limiter: a p-queue with `concurrency` calls in flight and, with a rate limit, one
 * call start per `spacingMs` (strict: counted on actual start times), so that any `calls` consecutive
 * starts span at least {@link guardedWindowMs}.
 *
 * @throws {@link ValidationError} for malformed limits
 */
export function createCallLimiter(options: CallLimitOptions): CallLimiter {
  const rateLimit = resolveRateLimit(options.rateLimit);
  const concurrency = resolveConcurrency(options.concurrency);
  const spacingMs = rateLimit ? guardedWindowMs(rateLimit) / rateLimit.calls : 0;
  const queue = new PQueue(rateLimit ? { concurrency, intervalCap: 1, interval: spacingMs, strict: true } : { concurrency });
  return {
    spacingMs,
    concurrency,
    schedule: (task, signal) => queue.add(task, signal ? { signal } : {}),
    stop: () => {
      queue.pause();
      queue.clear();
    },
  };
}
