import { parseTimestamp } from './timestamp.js';
import { ValidationError } from './validation-error.js';

/** Where a signer reads the time: an injectable clock plus a correction learned from the server. */
export interface ClockOptions {
  /** Returns the current time. Defaults to `() => new Date()`; inject one for tests or replays. */
  now?: () => Date;
  /**
   * Milliseconds added to `now()` before the timestamp is formatted. A caller that learned the server's
   * time (from a 20016 "Request Expired" fault or an HTTP `Date` header, see {@link computeClockOffsetMs})
   * passes the difference here so the next signature is not stale. Default 0.
   */
  clockOffsetMs?: number;
}

/** Reads the clock once: `now()` plus `clockOffsetMs`, validated. */
export function readClock({ now, clockOffsetMs }: ClockOptions): Date {
  if (now !== undefined && typeof now !== 'function') {
    throw new ValidationError('now', 'must be a function that returns a Date');
  }
  const current: unknown = now ? now() : new Date();
  if (!(current instanceof Date) || Number.isNaN(current.getTime())) {
    throw new ValidationError('now', 'must return a valid Date');
  }
  if (clockOffsetMs === undefined) return current;
  if (typeof clockOffsetMs !== 'number' || !Number.isFinite(clockOffsetMs)) {
    throw new ValidationError('clockOffsetMs', 'must be a finite number of milliseconds');
  }
  return new Date(current.getTime() + clockOffsetMs);
}

// RFC 9110 IMF-fixdate, the form servers send in the HTTP `Date` header: Sun, 06 Nov 1994 08:49:37 GMT.
const HTTP_DATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function parseServerTime(serverTime: Date | string): Date {
  if (serverTime instanceof Date) {
    if (Number.isNaN(serverTime.getTime())) throw new ValidationError('serverTime', 'must be a valid Date');
    return serverTime;
  }
  if (typeof serverTime === 'string' && HTTP_DATE.test(serverTime)) {
    const parsed = new Date(Date.parse(serverTime));
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  if (typeof serverTime === 'string' && !HTTP_DATE.test(serverTime)) {
    try {
      return parseTimestamp(serverTime, 'serverTime');
    } catch {
      // fall through to the combined message below
    }
  }
  throw new ValidationError(
    'serverTime',
    'must be a Date, an HTTP date (Sun, 06 Nov 1994 08:49:37 GMT) or a W3C date-time with a zone offset',
  );
}

/**
 * The offset to pass as `clockOffsetMs` so that signatures use the server's time: `serverTime - localTime`
 * in milliseconds. An HTTP `Date` header has one-second resolution, so the result is within about a second.
 *
 * @param serverTime - the server's time: a Date, an HTTP `Date` header value, or a W3C date-time
 * @param localTime - the local time at which `serverTime` was observed (default: now)
 * @throws {@link ValidationError} when either time is not a valid date
 *
 * @example
 * ```ts
 * const clockOffsetMs = computeClockOffsetMs(response.headers.date);
 * createAuthenticationHeader({ userId, secretKey, clockOffsetMs });
 * ```
 */
export function computeClockOffsetMs(serverTime: Date | string, localTime: Date = new Date()): number {
  const server = parseServerTime(serverTime);
  if (!(localTime instanceof Date) || Number.isNaN(localTime.getTime())) {
    throw new ValidationError('localTime', 'must be a valid Date');
  }
  return server.getTime() - localTime.getTime();
}
