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

// Marketo counts calls in a sliding window ("more than 100 in the past 20 s"). The limiter is a sliding
// window too (p-queue's strict mode, counted on actual start times, so a timer that fires late never
// lets two windows' worth of calls overlap), kept in small groups: at most GROUP starts per GROUP
// slots of `window / calls`. Not one start per slot: each start is counted from when the previous one
// actually happened, so every late timer (the event loop busy building or parsing a 300-lead envelope)
// would push all later calls back, and a long run would lose several percent of the rate. Not the whole
// window at once either: a burst's envelopes are built one after another on the one thread, so its last
// request leaves well after its start, and a window measured at the server then holds more calls than
// the starts did. Groups of up to 5 lose little to late timers and spread by a few milliseconds only.
// The window is stretched by a margin for what happens between a start here and the arrival there
// (serialisation, network, the server's busy moments): 2% of the window (400 ms of Marketo's 20 s) and
// never less than 100 ms, because that jitter is an amount of time, not a fraction of the window: on a
// scaled-down window of 1 s, 2% would be 20 ms.
const GROUP = 5;
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
  /** The window divided by the calls it allows, in ms: the average time between starts (0 without a rate limit). */
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

/** The largest group size up to {@link GROUP} that divides `calls` (so whole groups fill a window exactly). */
function groupSize(calls: number): number {
  for (let size = Math.min(GROUP, calls); size > 1; size -= 1) if (calls % size === 0) return size;
  return 1;
}

/**
 * Creates a client's limiter: a p-queue with `concurrency` calls in flight and, with a rate limit, at
 * most `group` call starts in any `group * spacingMs` (strict: counted on actual start times), so that
 * no window of {@link guardedWindowMs} holds more than `calls` starts.
 *
 * @throws {@link ValidationError} for malformed limits
 */
export function createCallLimiter(options: CallLimitOptions): CallLimiter {
  const rateLimit = resolveRateLimit(options.rateLimit);
  const concurrency = resolveConcurrency(options.concurrency);
  const spacingMs = rateLimit ? guardedWindowMs(rateLimit) / rateLimit.calls : 0;
  const group = rateLimit ? groupSize(rateLimit.calls) : 1;
  const queue = new PQueue(
    rateLimit ? { concurrency, intervalCap: group, interval: spacingMs * group, strict: true } : { concurrency },
  );
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
