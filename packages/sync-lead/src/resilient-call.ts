// The retry/limit layer every mktows call of a client goes through: each attempt waits for the
// client-wide limiter, failed attempts are retried with exponential backoff and full jitter while the
// retry predicate allows, and the caller's AbortSignal ends the whole call at once.
import { setTimeout as delay } from 'node:timers/promises';
import { AbortError, DailyQuotaExceededError, LimitStoreUnavailableError, MarketoError, ValidationError } from './errors.js';
import { raceWithSignal, throwIfAborted } from './abort.js';
import type { CallLimiter } from './call-limiter.js';
import type { ResolvedRetryOptions, RetryPredicate } from './retry-policy.js';

/** One attempt: `attempt` counts from 1. */
export type Attempt<T> = (attempt: number) => Promise<T>;

/** Per-call options of {@link CallRunner.run}. */
interface ResilientCallOptions {
  /** Ends the call (queued, in flight or backing off) with an {@link AbortError}. */
  signal?: AbortSignal | undefined;
  /** Takes a call waiting in the limiter's queue out of it when it fires (default: `signal`). */
  queueSignal?: AbortSignal | undefined;
  /** The call's per-attempt timeout: also how long it may wait for a shared limit store that is unreachable. */
  timeoutMs: number;
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
interface CallRunner {
  /** Runs `attempt` under the client's limits and retry policy. */
  run<T>(attempt: Attempt<T>, options: ResilientCallOptions): Promise<T>;
}

/** Marketo's "Authentication failed": repeating it cannot help and risks the user being blocked (20013). */
const AUTHENTICATION_FAILED = 20014;

function neverRetried(error: unknown): boolean {
  // Final whatever the caller's predicate says: bad input, the caller's own abort, bad credentials, a
  // quota used up for the day, a shared limit store that was unreachable (already waited for or failed
  // on purpose: 'fail' means fail fast).
  return (
    error instanceof ValidationError ||
    error instanceof AbortError ||
    error instanceof DailyQuotaExceededError ||
    error instanceof LimitStoreUnavailableError ||
    (error instanceof MarketoError && error.code === AUTHENTICATION_FAILED)
  );
}

/**
 * Creates the call runner of a client from its limiter and resolved retry options.
 */
export function createCallRunner(limiter: CallLimiter, retry: ResolvedRetryOptions): CallRunner {
  return {
    run<T>(attempt: Attempt<T>, options: ResilientCallOptions): Promise<T> {
      const { signal, onRetry, minimumRetryDelayMs, timeoutMs } = options;
      const queueSignal = 'queueSignal' in options ? options.queueSignal : signal;
      const shouldRetry = options.shouldRetry ?? retry.shouldRetry;
      let attemptNumber = 0;
      const limitedAttempt = (): Promise<T> => {
        throwIfAborted(signal);
        return limiter.schedule(() => {
          throwIfAborted(signal);
          attemptNumber += 1;
          return attempt(attemptNumber);
        }, { signal: queueSignal, timeoutMs });
      };
      /** Whether to try again after the failure of attempt `attemptsMade`; waits any extra delay first. */
      const decide = async (error: unknown, attemptsMade: number): Promise<boolean> => {
        if (signal?.aborted || neverRetried(error)) return false;
        const again = attemptsMade < retry.maxAttempts && shouldRetry(error, attemptsMade);
        if (!again) return false;
        onRetry?.(error, attemptsMade);
        const waitMs = minimumRetryDelayMs?.(error) ?? 0;
        if (waitMs > 0) await delay(waitMs, undefined, signal ? { signal } : undefined).catch(() => undefined);
        return !signal?.aborted;
      };
      // The first attempt runs on its own; backOff takes over only after a failure worth retrying, so a
      // call that succeeds at once (nearly all of them) pays nothing for the retry machinery.
      const calls = limitedAttempt().catch(async (error: unknown) => {
        if (!(await decide(error, 1))) throw error;
        // Loaded on the first retry of the process: a client whose calls succeed never loads it.
        const { backOff } = await import('exponential-backoff');
        return backOff(limitedAttempt, {
          numOfAttempts: retry.maxAttempts - 1,
          startingDelay: retry.initialDelayMs,
          maxDelay: retry.maxDelayMs,
          timeMultiple: 2,
          jitter: 'full',
          // The first retry waits too: startingDelay (jittered), then doubling, as when the first attempt was backOff's.
          delayFirstAttempt: true,
          retry: (retryError: unknown, retriesMade: number) => decide(retryError, retriesMade + 1),
        });
      });
      return raceWithSignal(calls, signal, () => new AbortError(signal?.reason));
    },
  };
}
