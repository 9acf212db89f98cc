// Client-wide limits on mktows calls: a rate (calls per window) and a number in flight. Every HTTP
// attempt of every method of a client passes through the same limiter, so syncLead and syncLeads
// together stay under Marketo's 100 calls / 20 s and 10 concurrent calls.
import { setTimeout as delay } from 'node:timers/promises';
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
// sliding window. The window is stretched by a margin for the jitter between when a request leaves
// here and when the server counts its arrival (network, proxies, the server's own busy moments): 2% of
// the window (400 ms of Marketo's 20 s), and never less than 100 ms, because that jitter is an amount
// of time, not a fraction of the window: on a scaled-down window of 1 s, 2% would be 20 ms.
const MARGIN_FRACTION = 0.02;
const MINIMUM_MARGIN_MS = 100;

/** The window the client keeps to: the server's, plus the margin for arrival jitter. */
function guardedWindowMs(rateLimit: RateLimit): number {
  return rateLimit.windowMs + Math.max(rateLimit.windowMs * MARGIN_FRACTION, MINIMUM_MARGIN_MS);
}

/** The limiter of one client. */
export interface CallLimiter {
  /**
   * Runs `task` when the limits allow; resolves or rejects as the task does. The task calls `markSent`
   * as soon as its request is on its way, so that the next call is spaced from that moment.
   */
  schedule<T>(task: (markSent: MarkSent) => Promise<T>): Promise<T>;
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

/** Reports that the request of an admitted call has been handed to the network (or never will be). */
export type MarkSent = () => void;

/**
 * Holds back a call whose request would be the `calls + 1`-th within `windowMs` on the wire.
 * Bottleneck spaces the *planned* starts of calls evenly; the request of a call leaves later, after its
 * envelope is built (milliseconds for 300 leads) and after its timer fired, which is late when the
 * event loop was busy (a large response being parsed, a GC pause). A window whose first request left
 * late and whose last left early then holds one call too many. This guard checks the actual send times:
 * a call waits until the call `calls` places before it was sent `windowMs` ago. It rarely binds, and
 * when it does it costs one envelope build per window.
 */
function createWindowGuard(calls: number, windowMs: number): () => Promise<MarkSent> {
  // Send times of the last `calls` admitted calls, oldest first (pending until their request leaves).
  const sendTimes: Array<Promise<number>> = [];
  return async () => {
    const oldest = sendTimes.length === calls ? sendTimes.shift() : undefined;
    let markSent: MarkSent = () => undefined;
    sendTimes.push(
      new Promise<number>((resolve) => {
        markSent = () => resolve(performance.now());
      }),
    );
    if (oldest) {
      const wait = (await oldest) + windowMs - performance.now();
      if (wait > 0) await delay(wait);
    }
    return markSent;
  };
}

/**
 * Creates a client's limiter (Bottleneck: `maxConcurrent` for concurrency, `minTime` for the rate),
 * and a check of the window on the requests' actual send times (see {@link createWindowGuard}).
 *
 * @throws {@link ValidationError} for malformed limits
 */
export function createCallLimiter(options: CallLimitOptions): CallLimiter {
  const rateLimit = resolveRateLimit(options.rateLimit);
  const concurrency = resolveConcurrency(options.concurrency);
  const windowMs = rateLimit ? guardedWindowMs(rateLimit) : 0;
  const spacingMs = rateLimit ? Math.ceil(windowMs / rateLimit.calls) : 0;
  const bottleneck = new Bottleneck({ maxConcurrent: concurrency, minTime: spacingMs });
  const guardWindow = rateLimit ? createWindowGuard(rateLimit.calls, windowMs) : undefined;
  return {
    spacingMs,
    concurrency,
    schedule: (task) =>
      bottleneck.schedule(async () => {
        const markSent = guardWindow ? await guardWindow() : (): void => undefined;
        try {
          return await task(markSent);
        } finally {
          markSent(); // a call that failed before sending must not hold up the next one
        }
      }),
    stop: () => bottleneck.stop({ dropWaitingJobs: true }),
  };
}
