// What the SOAP and the REST session of a client share: the settings of their limited, retried calls and
// the per-call retry decision bulk batches make (a repeat must not create duplicates).
import type { CallLimitOptions } from './call-limiter.js';
import type { CallOptions } from './client-options.js';
import type { ResolvedRetryOptions, RetryPredicate } from './retry-policy.js';
import type { TraceListener } from './trace.js';

/** Validated settings every session has. */
export interface SessionSettings {
  /** The whole of one exchange (connect, send, read), in milliseconds. */
  timeoutMs: number;
  /** Largest response body read, in bytes. */
  maxResponseBytes: number;
  retry: ResolvedRetryOptions;
  limits: CallLimitOptions;
  /** The key shared limits are counted under unless the store has its own: endpoint host and user or client id. */
  limitKey: string;
  onTrace: TraceListener | undefined;
  now: () => Date;
}

/** Whether a failed attempt is repeated, decided instead of the client's predicate (given as `clientPredicate`). */
export type RetryDecision = (error: unknown, attempt: number, clientPredicate: RetryPredicate) => boolean;

/** Per-call options of a session: the public call options plus the retry decision. */
export interface SessionCallOptions extends CallOptions {
  /** Replaces the client's retry predicate; validation errors, aborts and 20014 stay final whatever it says. */
  shouldRetry?: RetryDecision | undefined;
}
