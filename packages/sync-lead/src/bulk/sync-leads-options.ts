// Options of syncLeads / syncLeadsStream and their validation (before any lead is read or sent).
import { requireTimeoutMs } from '../client-options.js';
import { ValidationError } from '../errors.js';

/** Marketo's recommended (and this package's) largest batch: leads per syncMultipleLeads call. */
export const MAX_BATCH_SIZE = 300;

/** Counts so far of a `syncLeads` run, as `onProgress` receives them. */
export interface SyncLeadsProgress {
  /** Leads with a final outcome so far (created + updated + failed). */
  processed: number;
  /** Leads Marketo created. */
  created: number;
  /** Leads Marketo updated. */
  updated: number;
  /** Leads that failed (invalid input, rejected by Marketo, or outcome unknown). */
  failed: number;
  /** Number of inputs, when known up front (an array); `undefined` for iterables. */
  total: number | undefined;
}

/** Options of `client.syncLeads` and `client.syncLeadsStream` (all optional). */
export interface SyncLeadsOptions {
  /** Leads per syncMultipleLeads call, 1 to 300 (default 300, Marketo's recommended maximum). */
  batchSize?: number | undefined;
  /**
   * Batches of this run in flight at once (default: the client's `concurrency`). The client's limits
   * still bound every call, so several runs and `syncLead` calls together stay within them.
   */
  concurrency?: number | undefined;
  /**
   * Marketo's `dedupEnabled` (default `true`): a lead known only by email updates the lead with that
   * email instead of creating another. With `false`, batches of such leads are not retried after a
   * lost response (a repeat could create duplicates); their leads fail with `SyncOutcomeUnknownError`.
   */
  dedup?: boolean | undefined;
  /** Called after each batch (and each run of invalid inputs) with the counts so far. */
  onProgress?: ((progress: SyncLeadsProgress) => void) | undefined;
  /** Stops the run: no further batches start, calls in flight are aborted, the run rejects with `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout of each call, overriding the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
}

/** {@link SyncLeadsOptions} validated, with defaults. */
export interface ResolvedSyncLeadsOptions {
  batchSize: number;
  concurrency: number;
  dedup: boolean;
  onProgress: ((progress: SyncLeadsProgress) => void) | undefined;
  signal: AbortSignal | undefined;
  timeoutMs: number | undefined;
  /** The client's `maxRequestBytes`: the most one syncMultipleLeads request may carry. */
  maxRequestBytes: number;
}

function integerIn(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, max === Infinity ? `must be an integer >= ${min}` : `must be an integer from ${min} to ${max}`);
  }
  return value;
}

/**
 * Validates bulk options and applies defaults.
 *
 * @param clientConcurrency - the client's `concurrency`, the default of `concurrency`
 * @param maxRequestBytes - the client's `maxRequestBytes`
 * @throws {@link ValidationError} naming the option and the rule it breaks
 */
export function resolveSyncLeadsOptions(options: unknown, clientConcurrency: number, maxRequestBytes: number): ResolvedSyncLeadsOptions {
  if (options === undefined) {
    return {
      batchSize: MAX_BATCH_SIZE,
      concurrency: clientConcurrency,
      dedup: true,
      onProgress: undefined,
      signal: undefined,
      timeoutMs: undefined,
      maxRequestBytes,
    };
  }
  if (typeof options !== 'object' || options === null) throw new ValidationError('options', 'must be an object');
  const { batchSize, concurrency, dedup, onProgress, signal, timeoutMs } = options as SyncLeadsOptions;
  if (dedup !== undefined && typeof dedup !== 'boolean') throw new ValidationError('options.dedup', 'must be a boolean');
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new ValidationError('options.onProgress', 'must be a function');
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new ValidationError('options.signal', 'must be an AbortSignal');
  }
  return {
    batchSize: batchSize === undefined ? MAX_BATCH_SIZE : integerIn('options.batchSize', batchSize, 1, MAX_BATCH_SIZE),
    concurrency: concurrency === undefined ? clientConcurrency : integerIn('options.concurrency', concurrency, 1, Infinity),
    dedup: dedup ?? true,
    onProgress,
    signal,
    timeoutMs: timeoutMs === undefined ? undefined : requireTimeoutMs('options.timeoutMs', timeoutMs),
    maxRequestBytes,
  };
}
