// Which failures are retried, how often and how far apart. The defaults follow Marketo's guidance:
// retry only what a repetition can fix (documented retryable codes, gateway errors, resets, timeouts),
// with exponential backoff and full jitter, a bounded number of times.
import { SyncLeadError, ValidationError } from './errors.js';

/** Decides whether a failed attempt is retried. `attempt` is the number of attempts made so far (1 after the first). */
export type RetryPredicate = (error: unknown, attempt: number) => boolean;

/** Retry options of a client (all optional). */
export interface RetryOptions {
  /** Attempts per call, the first included (default 4; 1 disables retries). */
  maxAttempts?: number;
  /** Backoff before the first retry, in ms; doubles after each retry (default 500). */
  initialDelayMs?: number;
  /** Upper bound of one backoff, in ms (default 20,000: Marketo's rate-limit window). */
  maxDelayMs?: number;
  /**
   * Overrides which failures are retried (default {@link isRetryableError}). Never consulted for
   * validation errors, aborts and fault 20014 (bad credentials), which are never retried.
   */
  shouldRetry?: RetryPredicate;
}

/** {@link RetryOptions} with every default applied. */
export type ResolvedRetryOptions = Required<RetryOptions>;

/** Default retry options. */
export const DEFAULT_RETRY_OPTIONS: Readonly<Required<Omit<RetryOptions, 'shouldRetry'>>> = Object.freeze({
  maxAttempts: 4,
  initialDelayMs: 500,
  maxDelayMs: 20_000,
});

/**
 * The default retry predicate: true for errors of this package marked `retryable` (Marketo codes
 * 10001, 20011, 20016, 20023, 20024; HTTP 502/503/504; connection resets; timeouts), false for
 * everything else (20014 and other faults, FAILED syncs, aborts, invalid responses, validation errors).
 */
export function isRetryableError(error: unknown): boolean {
  return error instanceof SyncLeadError && error.retryable;
}

function requireInteger(field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ValidationError(field, `must be an integer >= ${min}`);
  }
  return value;
}

/**
 * Applies defaults to retry options; `false` means one attempt and no retry.
 *
 * @throws {@link ValidationError} for a non-integer or out-of-range bound, or a non-function predicate
 */
export function resolveRetryOptions(options: RetryOptions | false | undefined): ResolvedRetryOptions {
  if (options === false) return { ...DEFAULT_RETRY_OPTIONS, maxAttempts: 1, shouldRetry: () => false };
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new ValidationError('retry', 'must be an object of retry options or false');
  }
  const merged = { ...DEFAULT_RETRY_OPTIONS, shouldRetry: isRetryableError, ...stripUndefined(options ?? {}) };
  if (typeof merged.shouldRetry !== 'function') throw new ValidationError('retry.shouldRetry', 'must be a function');
  return {
    maxAttempts: requireInteger('retry.maxAttempts', merged.maxAttempts, 1),
    initialDelayMs: requireInteger('retry.initialDelayMs', merged.initialDelayMs, 0),
    maxDelayMs: requireInteger('retry.maxDelayMs', merged.maxDelayMs, 0),
    shouldRetry: merged.shouldRetry,
  };
}

function stripUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
