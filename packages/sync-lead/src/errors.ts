// The one error hierarchy of @org/sync-lead. Every failure a call can end in is one of these classes
// (or auth's ValidationError for bad input). None of them ever holds the secret key, a request
// signature or the raw request: soap's and axios's error objects carry the signed envelope in
// `config.data`, so they are never kept as a `cause`.
import { ValidationError } from '@org/mktows-auth';

export { ValidationError };

/** The registered symbol that marks instances of one of this package's error classes. */
function brandOf(className: string): symbol {
  return Symbol.for(`@org/sync-lead.${className}`);
}

/**
 * Marks `errorClass` so that `instanceof` recognises its instances from any copy of this package (the
 * ESM and the CJS build are two copies: the dual-package hazard), like auth's ValidationError does.
 */
function brand(errorClass: abstract new (...args: never[]) => Error): void {
  Object.defineProperty(errorClass.prototype, brandOf(errorClass.name), { value: true });
}

/** Base class of every error this package raises after input validation passed. */
export abstract class SyncLeadError extends Error {
  /** Whether repeating the same call later can succeed; the default retry predicate reads it. */
  abstract readonly retryable: boolean;

  /**
   * `error instanceof MarketoError` (or any class of this package) is true for errors from either build
   * of the package; classes derived outside this package keep the ordinary prototype check.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    const marker = brandOf(this.name);
    if (!Object.prototype.hasOwnProperty.call(this.prototype, marker)) {
      return Function.prototype[Symbol.hasInstance].call(this, value);
    }
    return typeof value === 'object' && value !== null && marker in value;
  }

  /**
   * @param message - what went wrong, never containing a secret
   * @param options - the standard `ErrorOptions` (`cause`)
   */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false, configurable: true, writable: true });
  }
}

/** Details of a SOAP fault that Marketo (or a mktows server) answered with, or of a REST request-level error. */
export interface MarketoFaultDetails {
  /** Marketo's numeric code from `detail/serviceException/code` (or the fault string's `CODE - ` prefix); over REST the `errors[0].code`. */
  code: number;
  /** The SOAP `faultstring`, e.g. `20014 - Authentication failed`. */
  faultString: string;
  /** The SOAP `faultcode`, e.g. `SOAP-ENV:Client`; `REST` for a REST error. */
  faultCode: string;
  /** Whether Marketo documents the code as retryable (unknown codes: `false`). */
  retryable: boolean;
  /** The documented meaning of the code, when Marketo documents it. */
  meaning?: string | undefined;
  /** HTTP status of the fault response (Marketo sends faults with 500). */
  httpStatus?: number | undefined;
  /** The server's clock when it answered, from the HTTP `Date` header (used to correct 20016). */
  serverDate?: Date | undefined;
}

/** A SOAP fault from Marketo (`code` 20014, 20023, ...), or a REST request refused as a whole (`code` 601, 606, 1006, ...; `faultCode` `REST`). */
export class MarketoError extends SyncLeadError {
  /** Marketo's numeric fault code. */
  readonly code: number;
  /** Whether Marketo documents this code as retryable. */
  readonly retryable: boolean;
  /** The SOAP fault string as the server sent it, redacted, on one line and cut to 300 characters. */
  readonly faultString: string;
  /** The SOAP fault code, e.g. `SOAP-ENV:Client` or `SOAP-ENV:Server` (redacted and cut like `faultString`). */
  readonly faultCode: string;
  /** The documented meaning of the code, when Marketo documents it. */
  readonly meaning: string | undefined;
  /** HTTP status of the fault response. */
  readonly httpStatus: number | undefined;
  /** The server's clock at the time of the fault (HTTP `Date` header), when it sent one. */
  readonly serverDate: Date | undefined;

  /** @param details - the parsed fault */
  constructor(details: MarketoFaultDetails) {
    const text = details.faultString.replace(/^\s*\d+\s*-\s*/, '') || details.meaning || 'SOAP fault';
    super(`Marketo fault ${details.code}: ${text}`);
    this.code = details.code;
    this.retryable = details.retryable;
    this.faultString = details.faultString;
    this.faultCode = details.faultCode;
    this.meaning = details.meaning;
    this.httpStatus = details.httpStatus;
    this.serverDate = details.serverDate;
  }
}

/** Marketo accepted the call but reported the lead's sync status as `FAILED`. */
export class SyncFailedError extends SyncLeadError {
  /** A sync that Marketo reports as failed is not retried: the same lead fails the same way. */
  readonly retryable = false;
  /** The lead id Marketo reported with the failure, when it reported one (0 and absent become `undefined`). */
  readonly leadId: number | undefined;
  /** Marketo's reason, from `syncStatus/error` (redacted, on one line and cut to 300 characters). */
  readonly reason: string;

  /** @param details - the lead id and Marketo's reason */
  constructor(details: { leadId?: number | undefined; reason: string }) {
    super(`Marketo could not sync the lead: ${details.reason}`);
    this.leadId = details.leadId;
    this.reason = details.reason;
  }
}

/** What went wrong on the wire, for {@link TransportError}. */
export interface TransportFailure {
  /** Human-readable description, without secrets. */
  message: string;
  /** Whether repeating the call can help (resets, 502/503/504, timeouts). */
  retryable: boolean;
  /** HTTP status, when the server answered with an error status and no SOAP fault. */
  httpStatus?: number | undefined;
  /** Node's error code of the socket failure (`ECONNRESET`, `ECONNREFUSED`, ...). */
  errorCode?: string | undefined;
  /** The underlying error (a sanitised copy of the socket error), never soap's request-carrying error. */
  cause?: unknown;
  /** The client bound the exchange broke, by option name: `timeoutMs` or `maxResponseBytes`. */
  limit?: 'timeoutMs' | 'maxResponseBytes' | undefined;
}

/** The HTTP exchange failed: socket error, reset, HTTP error status without a SOAP fault. */
export class TransportError extends SyncLeadError {
  /** Whether repeating the call can help. */
  readonly retryable: boolean;
  /** HTTP status of the response, when there was one. */
  readonly httpStatus: number | undefined;
  /** Node's error code of the socket failure, when there was one. */
  readonly errorCode: string | undefined;
  /** The client bound the exchange broke (`timeoutMs`, `maxResponseBytes`), when that is why it ended. */
  readonly limit: 'timeoutMs' | 'maxResponseBytes' | undefined;

  /** @param failure - what failed */
  constructor(failure: TransportFailure) {
    super(failure.message, failure.cause === undefined ? undefined : { cause: failure.cause });
    this.retryable = failure.retryable;
    this.httpStatus = failure.httpStatus;
    this.errorCode = failure.errorCode;
    this.limit = failure.limit;
  }
}

/** One attempt took longer than `timeoutMs` in all (connecting, sending, waiting, reading); it was aborted. Retryable. */
export class TimeoutError extends TransportError {
  /** The limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;

  /** @param timeoutMs - the per-attempt limit that was exceeded */
  constructor(timeoutMs: number) {
    super({
      message: `The request took longer than timeoutMs (${timeoutMs} ms) and was aborted`,
      retryable: true,
      errorCode: 'ETIMEDOUT',
      limit: 'timeoutMs',
    });
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `AbortSignal` fired; `cause` is the signal's reason. Never retried. */
export class AbortError extends SyncLeadError {
  /** An aborted call is never retried. */
  readonly retryable = false;

  /** @param reason - the signal's `reason` */
  constructor(reason?: unknown) {
    super('The call was aborted by its AbortSignal', reason === undefined ? undefined : { cause: reason });
  }
}

/** The server answered 2xx with something that is not a usable SOAP response (empty, not XML, wrong shape). */
export class InvalidResponseError extends SyncLeadError {
  /**
   * Not retried by default: the server may have applied the call before answering badly, and a
   * repeated sync would then report UPDATED for a lead this call CREATED.
   */
  readonly retryable = false;
  /** HTTP status of the response. */
  readonly httpStatus: number | undefined;

  /**
   * @param message - what is wrong with the response
   * @param httpStatus - HTTP status of the response
   */
  constructor(message: string, httpStatus?: number) {
    super(message);
    this.httpStatus = httpStatus;
  }
}

/**
 * A batch of `syncLeads` failed after at least one attempt that the server may have applied (the
 * response was lost, cut short or timed out), so whether the lead was synced is unknown. `cause` is the
 * last attempt's error. Not retried when a repeat could create a duplicate (`dedup: false` and a lead
 * known only by email); syncing the lead again with `dedup: true` is safe.
 */
export class SyncOutcomeUnknownError extends SyncLeadError {
  /** Repeating it is what the caller decides; the client already did what was duplicate-safe. */
  readonly retryable = false;

  /**
   * @param cause - the error the batch ended with
   * @param retriedSafely - whether the batch was retried (dedup made repeats safe) before giving up
   */
  constructor(cause: unknown, retriedSafely: boolean) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      retriedSafely
        ? `The lead may or may not have been synced: an attempt was lost after it was sent, and the retries failed too (${reason})`
        : `The lead may or may not have been synced: the attempt was lost after it was sent and was not repeated, because without dedup a repeat could create a duplicate (${reason})`,
      { cause },
    );
  }
}

/**
 * The client's daily quota (`dailyQuota`, shared through a `limitStore` when one is given) has no call
 * left for the current Marketo day; no request was sent. Not retried: the quota resets at midnight US
 * Central time (`resetsAt`).
 */
export class DailyQuotaExceededError extends SyncLeadError {
  /** Retrying before `resetsAt` fails the same way. */
  readonly retryable = false;
  /** The quota: calls per Marketo day. */
  readonly dailyQuota: number;
  /** When the quota resets: the next midnight in US Central time. */
  readonly resetsAt: Date;

  /** @param details - the quota and when it resets */
  constructor(details: { dailyQuota: number; resetsAt: Date }) {
    super(
      `The daily quota of ${details.dailyQuota} calls is used up; no request was sent. It resets at midnight US Central time (${details.resetsAt.toISOString()})`,
    );
    this.dailyQuota = details.dailyQuota;
    this.resetsAt = details.resetsAt;
  }
}

/**
 * The store that shares the client's limits (`limitStore`) could not be reached, so the call was not
 * started: no request was sent, and no call goes out unlimited. With `whenUnavailable: 'fail'` it is
 * raised at once; with `'wait'`, when the store stayed unreachable for the call's `timeoutMs`. `cause`
 * is the store's own error. Not retried by the client.
 */
export class LimitStoreUnavailableError extends SyncLeadError {
  /** The caller decides: the store may come back. */
  readonly retryable = false;
  /** The store, as it describes itself (e.g. `Redis limit store redis://127.0.0.1:6379/0`), without credentials. */
  readonly store: string;

  /**
   * @param store - the store's description
   * @param reason - what happened, e.g. `unreachable` or `unreachable for timeoutMs (30000 ms)`
   * @param cause - the store's error
   */
  constructor(store: string, reason: string, cause?: unknown) {
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    super(`The limit store (${store}) is ${reason}${detail}; the call was not sent`, cause === undefined ? undefined : { cause });
    this.store = store;
  }
}

for (const errorClass of [
  SyncLeadError,
  MarketoError,
  SyncFailedError,
  TransportError,
  TimeoutError,
  AbortError,
  InvalidResponseError,
  SyncOutcomeUnknownError,
  DailyQuotaExceededError,
  LimitStoreUnavailableError,
]) {
  brand(errorClass);
}
