// The retry/limit layer every mktows call of a client goes through: each attempt waits for the
// client-wide limiter, failed attempts are retried with exponential backoff and full jitter while the
// retry predicate allows, and the caller's AbortSignal ends the whole call at once.
import { setTimeout as delay } from 'node:timers/promises';
import { backOff } from 'exponential-backoff';
import { AbortError, MarketoError, ValidationError } from './errors.js';
import { raceWithSignal, throwIfAborted } from './abort.js';
import type { CallLimiter, MarkSent } from './call-limits.js';
import type { ResolvedRetryOptions, RetryPredicate } from './retry-policy.js';

/** One attempt: `attempt` counts from 1; `markSent` is called when its request goes out. */
export type Attempt<T> = (attempt: number, markSent: MarkSent) => Promise<T>;

/** Per-call options of {@link CallRunner.run}. */
export interface ResilientCallOptions {
  /** Ends the call (queued, in flight or backing off) with an {@link AbortError}. */
  signal?: AbortSignal | undefined;
  /** Called after a failed attempt that will be retried (for tracing and tests). */
  onRetry?: ((error: unknown, attempt: number) => void) | undefined;
  /** The least time to wait before retrying after `error`, on top of the backoff (default none). */
  minimumRetryDelayMs?: ((error: unknown) => number) | undefined;
  /**
   * Replaces the client's retry predicate for this call (bulk batches decide by whether a repeat is
   * duplicate-safe). Validation errors, aborts and 20014 stay final whatever it says.
   */
  shouldRetry?: RetryPredicate | undefined;
}

/** The layer shared by every call of one client. */
export interface CallRunner {
  /** Runs `attempt` under the client's limits and retry policy. */
  run<T>(attempt: Attempt<T>, options?: ResilientCallOptions): Promise<T>;
}

/** Marketo's "Authentication failed": repeating it cannot help and risks the user being blocked (20013). */
const AUTHENTICATION_FAILED = 20014;

function neverRetried(error: unknown): boolean {
  // Final whatever the caller's predicate says: bad input, the caller's own abort, bad credentials.
  return (
    error instanceof ValidationError ||
    error instanceof AbortError ||
    (error instanceof MarketoError && error.code === AUTHENTICATION_FAILED)
  );
}

/**
 * Creates the call runner of a client from its limiter and resolved retry options.
 */
export function createCallRunner(limiter: CallLimiter, retry: ResolvedRetryOptions): CallRunner {
  return {
    run<T>(attempt: Attempt<T>, options: ResilientCallOptions = {}): Promise<T> {
      const { signal, onRetry, minimumRetryDelayMs } = options;
      const shouldRetry = options.shouldRetry ?? retry.shouldRetry;
      let attemptNumber = 0;
      const limitedAttempt = (): Promise<T> => {
        throwIfAborted(signal);
        return limiter.schedule((markSent) => {
          throwIfAborted(signal);
          attemptNumber += 1;
          return attempt(attemptNumber, markSent);
        });
      };
      const calls = backOff(limitedAttempt, {
        numOfAttempts: retry.maxAttempts,
        startingDelay: retry.initialDelayMs,
        maxDelay: retry.maxDelayMs,
        timeMultiple: 2,
        jitter: 'full',
        retry: async (error: unknown, attemptsMade: number) => {
          if (signal?.aborted || neverRetried(error)) return false;
          const again = attemptsMade < retry.maxAttempts && shouldRetry(error, attemptsMade);
          if (!again) return false;
          onRetry?.(error, attemptsMade);
          const waitMs = minimumRetryDelayMs?.(error) ?? 0;
          if (waitMs > 0) await delay(waitMs, undefined, signal ? { signal } : undefined).catch(() => undefined);
          return !signal?.aborted;
        },
      });
      return raceWithSignal(calls, signal, () => new AbortError(signal?.reason));
    },
  };
}
