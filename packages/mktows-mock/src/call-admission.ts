// Marketo's service limits per instance: calls per sliding window (fault 20023), calls in flight (20024)
// and calls per day (20015). A call counts against the window and the day only once it is admitted, so a
// client that backs off after a limit fault is not punished for the refused calls. The day is Marketo's
// quota day (midnight US Central time), the same day @org/sync-lead counts its quota by.
import { marketoQuotaDay, nextMarketoQuotaReset } from '@org/mktows-types';
import { MarketoFault } from './marketo-fault.js';

/** `rateLimit`: at most `calls` admitted calls in any `windowMs` milliseconds. */
export interface RateLimit {
  calls: number;
  windowMs: number;
}

/** The limits in force; `undefined` means no limit of that kind. */
export interface CallLimitSettings {
  rateLimit: RateLimit | undefined;
  concurrencyLimit: number | undefined;
  dailyQuota: number | undefined;
}

/** Admission control for calls, with a sliding rate window, an in-flight gauge and a daily quota. */
export class CallAdmission {
  private admittedAt: number[] = [];
  private inFlightCount = 0;
  private peakInFlightCount = 0;
  private quotaDay = '';
  /** When `quotaDay` ends, and the last time seen: the day is worked out again only when it may have changed. */
  private quotaDayEndsAt = Number.NEGATIVE_INFINITY;
  private lastSeen = Number.NEGATIVE_INFINITY;
  private quotaUsed = 0;

  /** @param settings - the limits; @param now - the clock, in epoch milliseconds */
  constructor(
    private readonly settings: CallLimitSettings,
    private readonly now: () => number,
  ) {}

  /** Calls currently in flight (received, not yet answered). */
  get inFlight(): number {
    return this.inFlightCount;
  }

  /** The most calls that were ever in flight at once. */
  get peakInFlight(): number {
    return this.peakInFlightCount;
  }

  /** Marks a call as in flight; the returned function ends it (calling it again does nothing). */
  enter(): () => void {
    this.inFlightCount += 1;
    this.peakInFlightCount = Math.max(this.peakInFlightCount, this.inFlightCount);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.inFlightCount -= 1;
    };
  }

  /**
   * Admits one call that is already in flight, or refuses it. The rate window counts calls by when they
   * arrived (`receivedAt`), not by when they were parsed, so a client that spaces its sends by the window
   * is not refused because one request took longer to read than the next.
   * @throws MarketoFault 20015 (daily quota), 20023 (rate window) or 20024 (too many in flight)
   */
  admit(receivedAt: number = this.now()): void {
    const now = this.now();
    const { rateLimit, concurrencyLimit, dailyQuota } = this.settings;
    if (now >= this.quotaDayEndsAt || now < this.lastSeen) this.enterQuotaDayOf(now);
    this.lastSeen = now;
    if (dailyQuota !== undefined && this.quotaUsed >= dailyQuota) {
      throw new MarketoFault(20015, `daily quota of ${dailyQuota} calls used up; it resets at midnight US Central time`);
    }
    if (rateLimit !== undefined) {
      // Kept sorted by arrival; a call admitted after one that arrived later still counts (conservative).
      const windowStart = receivedAt - rateLimit.windowMs;
      const firstInWindow = this.admittedAt.findIndex((time) => time > windowStart);
      this.admittedAt = firstInWindow === -1 ? [] : this.admittedAt.slice(firstInWindow);
      if (this.admittedAt.length >= rateLimit.calls) {
        throw new MarketoFault(20023, `more than ${rateLimit.calls} calls in ${rateLimit.windowMs} ms`);
      }
    }
    if (concurrencyLimit !== undefined && this.inFlightCount > concurrencyLimit) {
      throw new MarketoFault(20024, `more than ${concurrencyLimit} calls in flight`);
    }
    this.quotaUsed += 1;
    if (rateLimit !== undefined) this.insertArrival(receivedAt);
  }

  /** Works out the quota day of `now`; a new day starts the quota again. */
  private enterQuotaDayOf(now: number): void {
    const day = marketoQuotaDay(now);
    this.quotaDayEndsAt = nextMarketoQuotaReset(now).getTime();
    if (day === this.quotaDay) return;
    this.quotaDay = day;
    this.quotaUsed = 0;
  }

  private insertArrival(receivedAt: number): void {
    let index = this.admittedAt.length;
    while (index > 0 && (this.admittedAt[index - 1] ?? 0) > receivedAt) index -= 1;
    this.admittedAt.splice(index, 0, receivedAt);
  }

  /** Forgets the window, the quota used and the peak (calls in flight stay in flight). */
  reset(): void {
    this.admittedAt = [];
    this.quotaUsed = 0;
    this.quotaDay = '';
    this.quotaDayEndsAt = Number.NEGATIVE_INFINITY;
    this.peakInFlightCount = this.inFlightCount;
  }
}
