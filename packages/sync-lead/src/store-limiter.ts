// The limiter of a client: calls wait here in order; one request at a time asks the client's limit store
// (in memory, or shared, e.g. Redis) for as many starts as there are waiting calls (up to the
// concurrency), and the store grants what the window, the in-flight count and the daily quota allow,
// for everyone of its key.
// A waiting client asks again when the store says a start may be free (the oldest call leaves the
// window, a lease lapses) or when any client of the key frees a slot. In-flight slots are leases,
// renewed while their calls run, so a process that dies gives its slots back when its leases lapse.
// When the store cannot be reached, calls wait (up to their timeout) or fail, as the store says: no call
// ever starts without the store's grant.
import type { CallLimiter, LimiterContext, ResolvedCallLimits, ScheduleOptions } from './call-limiter.js';
import { createQuotaCalendar } from './daily-quota.js';
import { AbortError, DailyQuotaExceededError, LimitStoreUnavailableError } from './errors.js';
import type { LimitGrant, LimitStore, SharedCallLimits } from './limit-store.js';
import { type WaitingCall, WaitingCalls } from './waiting-calls.js';

/** How soon to ask again an unreachable store (it reconnects by itself meanwhile). */
const UNAVAILABLE_RETRY_MS = 100;
/**
 * The longest wait between two requests while calls wait for a slot: a safety net for a lost
 * "slot freed" announcement (a subscription reconnecting), not the usual way of learning about one.
 */
const LONGEST_WAIT_MS = 1_000;

function noop(): void {}

function closedError(): AbortError {
  return new AbortError(new Error('The client was closed'));
}

/** Creates the limiter of one client over `store`. */
export function createStoreLimiter(store: LimitStore, limits: ResolvedCallLimits, context: LimiterContext): CallLimiter {
  const calendar = createQuotaCalendar(context.now);
  const binding = store.bind(context.defaultKey, () => wake());
  const waiting = new WaitingCalls();
  const held = new Set<string>();
  let asking = false;
  let askAgain = false;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let renewTimer: NodeJS.Timeout | undefined;
  /** Since when the store has been unreachable (performance.now()), while it is. */
  let outageSince: number | undefined;

  function sharedLimits(): SharedCallLimits {
    const today = calendar();
    return {
      calls: limits.rateLimit?.calls,
      windowMs: limits.windowMs,
      concurrency: limits.concurrency,
      dailyQuota: limits.dailyQuota,
      quotaDay: today.day,
      quotaDayEndsAt: today.endsAt,
    };
  }

  function keepLeasesAlive(): void {
    if (store.leaseMs === undefined) return;
    if (held.size > 0 && renewTimer === undefined && !stopped) {
      renewTimer = setInterval(() => void binding.renew([...held]).catch(noop), Math.max(1, Math.floor(store.leaseMs / 3)));
      renewTimer.unref();
    } else if (held.size === 0 && renewTimer !== undefined) {
      clearInterval(renewTimer);
      renewTimer = undefined;
    }
  }

  function hand(grant: LimitGrant): void {
    for (const lease of grant.leases) {
      const call = waiting.take();
      if (call) {
        held.add(lease);
        call.start(lease);
      } else {
        // The call it was asked for left meanwhile: the slot goes back (its start stays counted).
        void binding.release([lease]).catch(noop);
      }
    }
    keepLeasesAlive();
    if (grant.quotaExhausted) {
      const { dailyQuota = 0, quotaDayEndsAt } = sharedLimits();
      waiting.failWhere(() => new DailyQuotaExceededError({ dailyQuota, resetsAt: new Date(quotaDayEndsAt) }));
    }
  }

  /** Handles a store that could not be reached; returns when to ask again. */
  function unavailable(cause: unknown): number {
    const failure = (): LimitStoreUnavailableError => new LimitStoreUnavailableError(store.description, 'unreachable', cause);
    if (store.whenUnavailable === 'fail') {
      waiting.failWhere(failure);
      return UNAVAILABLE_RETRY_MS;
    }
    const now = performance.now();
    outageSince ??= now;
    const waitedFor = (call: WaitingCall): number => now - Math.max(call.since, outageSince ?? now);
    waiting.failWhere(failure, (call) => waitedFor(call) >= call.timeoutMs);
    let nextDeadline = UNAVAILABLE_RETRY_MS;
    for (const call of waiting) nextDeadline = Math.min(nextDeadline, call.timeoutMs - waitedFor(call));
    return Math.max(1, nextDeadline);
  }

  async function ask(): Promise<void> {
    if (stopped || waiting.size === 0) return;
    asking = true;
    clearTimeout(retryTimer);
    let nextAskMs: number | undefined;
    try {
      const grant = await binding.acquire(Math.min(waiting.size, limits.concurrency), sharedLimits());
      outageSince = undefined;
      hand(grant);
      // Nothing granted and "ask at once" would spin: a store's answer is never trusted to end a loop.
      nextAskMs = Math.min(Math.max(grant.retryAfterMs, grant.leases.length === 0 ? 1 : 0), LONGEST_WAIT_MS);
    } catch (error) {
      nextAskMs = stopped ? undefined : unavailable(error);
    } finally {
      asking = false;
    }
    if (stopped || waiting.size === 0) return;
    if (askAgain || nextAskMs === 0) {
      askAgain = false;
      return ask();
    }
    if (nextAskMs !== undefined) {
      retryTimer = setTimeout(wake, nextAskMs);
      retryTimer.unref();
    }
  }

  function wake(): void {
    if (asking) askAgain = true;
    else void ask();
  }

  function waitForLease({ signal, timeoutMs }: ScheduleOptions): Promise<string> {
    if (signal?.aborted) return Promise.reject(new AbortError(signal.reason));
    return new Promise<string>((resolve, reject) => {
      waiting.add({ start: resolve, fail: reject, since: performance.now(), timeoutMs }, signal, () => new AbortError(signal?.reason));
      wake();
    });
  }

  return {
    concurrency: limits.concurrency,
    async schedule(task, options) {
      if (stopped) throw closedError();
      const lease = await waitForLease(options);
      try {
        return await task();
      } finally {
        if (held.delete(lease)) {
          keepLeasesAlive();
          // Our own waiting calls may take the slot at once; other clients hear of it from the store.
          void binding.release([lease]).then(wake, wake);
        }
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(retryTimer);
      waiting.failWhere(closedError);
      const leases = [...held];
      held.clear();
      keepLeasesAlive();
      if (leases.length > 0) void binding.release(leases).catch(noop);
      binding.close();
    },
  };
}
