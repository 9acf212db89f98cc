// Options of createSyncLeadClient and their validation. `SyncLeadClientOptions` are a SOAP client's;
// a REST client's (`RestSyncLeadClientOptions`, rest/rest-client-options.ts) are the same without the
// SOAP credentials, plus `rest`.
import { DEFAULT_MAX_RESPONSE_BYTES } from '@org/mktows-types';
import { ValidationError } from './errors.js';
import type { CallLimitOptions } from './call-limiter.js';
import type { RetryOptions } from './retry-policy.js';
import type { TraceListener } from './trace.js';

/** Options of {@link createSyncLeadClient}. */
export interface SyncLeadClientOptions extends CallLimitOptions {
  /** The mktows endpoint, e.g. `https://123-ABC-456.mktoapi.com/soap/mktows/2_2`. HTTPS unless loopback. */
  endpoint: string;
  /** Marketo SOAP user id (`mktowsUserId`). */
  userId: string;
  /** Secret (encryption) key of that user; only ever used to sign, never logged or traced. */
  secretKey: string;
  /** Target workspace, sent as `MktowsContextHeader` on syncLead. Default: none (Marketo's rules for no header). */
  workspace?: string | undefined;
  /**
   * Limit of one HTTP attempt in milliseconds (default 30,000), from start to end: connecting, sending,
   * waiting for and reading the response. A timed-out attempt is retried.
   */
  timeoutMs?: number | undefined;
  /**
   * Largest response body read, in bytes (default 8 MiB). A larger answer is abandoned while it arrives
   * and the call fails with a `TransportError` whose `limit` is `maxResponseBytes`.
   */
  maxResponseBytes?: number | undefined;
  /**
   * Largest syncMultipleLeads request `syncLeads` sends, in bytes (default 32 MiB). Batches are cut so
   * that their records stay under it, and a lead whose record alone is larger fails with a
   * `ValidationError` before anything is sent, while the rest of its batch syncs.
   */
  maxRequestBytes?: number | undefined;
  /** Retry policy; `false` disables retries. */
  retry?: RetryOptions | false | undefined;
  /** Allow `http:` to hosts other than loopback (signatures then travel in clear text). Default false. */
  allowInsecureHttp?: boolean | undefined;
  /** Receives the redacted raw XML of every exchange and every retry. */
  onTrace?: TraceListener | undefined;
  /** The clock signatures are made with (default `() => new Date()`); for tests and replays. Over REST: the clock of token lifetimes. */
  now?: (() => Date) | undefined;
  /** Not a SOAP option: give `rest` (and no `endpoint`, `userId`, `secretKey`) for a REST client. */
  rest?: undefined;
}

/** Per-call options of `syncLead`. */
export interface CallOptions {
  /** Aborts the call wherever it is (queued, in flight, backing off) with an `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeoutMs` for this call's attempts. */
  timeoutMs?: number | undefined;
}

/** Default limit of one HTTP attempt. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Default largest response body a client reads (the typed client's default). */
export { DEFAULT_MAX_RESPONSE_BYTES };

/** Default largest syncMultipleLeads request of `syncLeads`: 32 MiB (what `@org/mktows-mock` accepts). */
export const DEFAULT_MAX_REQUEST_BYTES = 32 * 1024 * 1024;

/** The longest delay a Node timer can hold. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Checks a timeout value; `field` names it in the error. */
export function requireTimeoutMs(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT_MS) {
    throw new ValidationError(field, `must be a positive number of milliseconds (at most ${MAX_TIMEOUT_MS})`);
  }
  return value;
}

/** Checks a size in bytes (a positive integer) or applies its default; `field` names it in the error. */
export function byteLimit(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(field, 'must be a positive integer number of bytes');
  }
  return value;
}

/** Checks per-call options. */
export function validateCallOptions(options: unknown): CallOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) throw new ValidationError('options', 'must be an object');
  const { signal, timeoutMs } = options as CallOptions;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new ValidationError('options.signal', 'must be an AbortSignal');
  }
  if (timeoutMs !== undefined) requireTimeoutMs('options.timeoutMs', timeoutMs);
  return { signal, timeoutMs };
}
