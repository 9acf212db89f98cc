// The limits of a client that keeps them to itself, in memory: the same accounting as the Redis store
// (see limit-scripts.ts), on this process's monotonic clock. The window is a log: a call in flight counts
// in it, and a finished call counts until the window has passed since its answer came back. Counting
// from the answer rather than from the start is what makes the window hold at the server: the request
// arrived there at some moment before its answer left, however late after its start (a burst's first
// requests open their connections and are built one after another, and arrived up to ~100 ms after
// their starts in the measurements; see the README). Each call of a window's worth is thereby delayed
// by its own duration, not by a guess.
import type { LimitGrant, LimitStore, LimitStoreBinding, SharedCallLimits } from './limit-store.js';

/** What to wait when only a release can free a start: a release wakes the waiting calls anyway. */
const UNTIL_RELEASE_MS = 1_000;

class MemoryLimits {
  private readonly inFlight = new Set<string>();
  /** When finished calls ended (performance.now()), oldest first; they count in the window until it passes. */
  private ended: number[] = [];
  private oldest = 0;
  private leaseCount = 0;
  private quotaDay = '';
  private quotaUsed = 0;
  private rateLimited = false;

  acquire(wanted: number, limits: SharedCallLimits): LimitGrant {
    const now = performance.now();
    const { calls, windowMs, concurrency, dailyQuota } = limits;
    this.rateLimited = calls !== undefined;
    if (limits.quotaDay !== this.quotaDay) {
      this.quotaDay = limits.quotaDay;
      this.quotaUsed = 0;
    }
    let room = concurrency - this.inFlight.size;
    let windowCount = 0;
    if (calls !== undefined) {
      this.forgetBefore(now - windowMs);
      windowCount = this.inFlight.size + this.ended.length - this.oldest;
      room = Math.min(room, calls - windowCount);
    }
    if (dailyQuota !== undefined) room = Math.min(room, dailyQuota - this.quotaUsed);
    const granted = Math.max(0, Math.min(wanted, room));
    const leases: string[] = [];
    for (let index = 0; index < granted; index += 1) {
      const lease = String((this.leaseCount += 1));
      this.inFlight.add(lease);
      leases.push(lease);
    }
    this.quotaUsed += granted;
    if (dailyQuota !== undefined && this.quotaUsed >= dailyQuota) return { leases, retryAfterMs: 0, quotaExhausted: true };
    if (room - granted > 0) return { leases, retryAfterMs: 0, quotaExhausted: false };
    return { leases, retryAfterMs: this.untilNextStart(now, calls, windowMs, windowCount + granted), quotaExhausted: false };
  }

  release(leases: readonly string[]): void {
    const now = performance.now();
    for (const lease of leases) {
      if (this.inFlight.delete(lease) && this.rateLimited) this.ended.push(now);
    }
  }

  /** When the window has room again: when enough finished calls have left it (or, if not enough have finished, a release). */
  private untilNextStart(now: number, calls: number | undefined, windowMs: number, windowCount: number): number {
    if (calls === undefined || windowCount < calls) return UNTIL_RELEASE_MS;
    const leaving = this.ended[this.oldest + windowCount - calls];
    return leaving === undefined ? UNTIL_RELEASE_MS : Math.max(1, Math.ceil(leaving + windowMs - now));
  }

  private forgetBefore(cutoff: number): void {
    while (this.oldest < this.ended.length && (this.ended[this.oldest] ?? cutoff) <= cutoff) this.oldest += 1;
    // Compacted now and then, so the log stays as long as one window's worth of calls.
    if (this.oldest > 1024 && this.oldest * 2 > this.ended.length) {
      this.ended = this.ended.slice(this.oldest);
      this.oldest = 0;
    }
  }
}

/** Creates the in-memory limits of one client (never shared, never unavailable; leases do not lapse). */
export function createMemoryLimitStore(): LimitStore {
  return {
    description: 'in-memory limits',
    leaseMs: undefined,
    whenUnavailable: 'fail',
    bind(defaultKey: string): LimitStoreBinding {
      const limits = new MemoryLimits();
      return {
        key: defaultKey,
        acquire: (wanted, shared) => Promise.resolve(limits.acquire(wanted, shared)),
        release: (leases) => {
          limits.release(leases);
          return Promise.resolve();
        },
        renew: () => Promise.resolve(),
        close: () => undefined,
      };
    },
    close: () => Promise.resolve(),
  };
}
