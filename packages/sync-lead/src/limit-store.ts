// The contract between a client's limiter and a store that shares its limits with other clients,
// processes and machines (the Redis store of `@org/sync-lead/redis` implements it). The limiter keeps
// its own queue of waiting calls and asks the store for call starts; the store counts them atomically
// for everyone who uses the same key.

/** The limits one client asks a store to enforce, as of the moment it asks. */
export interface SharedCallLimits {
  /** Call starts allowed in any `windowMs`; `undefined` without a rate limit. */
  calls: number | undefined;
  /** The sliding window in whole milliseconds, the client's margin for arrival jitter included. */
  windowMs: number;
  /** Calls in flight at once. */
  concurrency: number;
  /** Call starts allowed in one quota day; `undefined` without a daily quota. */
  dailyQuota: number | undefined;
  /** The quota day the starts count in (`YYYY-MM-DD`, Marketo's day: see `marketoQuotaDay`). */
  quotaDay: string;
  /** When that quota day ends, in epoch milliseconds (the store may forget its count after it). */
  quotaDayEndsAt: number;
}

// A call counts in the window while it is in flight and until the window has passed since it ended
// (its answer came back): the request reached the server before that, however late after its start.

/** A store's answer to a request for call starts. */
export interface LimitGrant {
  /** One lease per start granted (at most the number asked for): an in-flight slot until released or lapsed. */
  leases: string[];
  /**
   * When asking for more may succeed, in ms from now: 0 when there is room already; otherwise until the
   * oldest start leaves the window or the next lease lapses (a release is announced sooner, see
   * {@link LimitStore.bind}).
   */
  retryAfterMs: number;
  /** True when the daily quota has no start left today: calls still waiting fail with the quota error. */
  quotaExhausted: boolean;
}

/** One client's use of a store, under one key. */
export interface LimitStoreBinding {
  /** The key the limits are counted under (the store's `key`, or the client's default). */
  readonly key: string;
  /**
   * Takes up to `wanted` call starts under `limits`, atomically for every client of the key. Rejects
   * when the store cannot be reached (the client then waits or fails, as the store's `whenUnavailable` says).
   */
  acquire(wanted: number, limits: SharedCallLimits): Promise<LimitGrant>;
  /** Gives leases back (their calls ended): the calls count in the window from now until it has passed. */
  release(leases: readonly string[]): Promise<void>;
  /** Extends the leases of calls still in flight by the store's `leaseMs`. */
  renew(leases: readonly string[]): Promise<void>;
  /** Ends this binding; the store releases its connections when no binding is left. */
  close(): void;
}

/**
 * Where a client's limits are kept when they are shared. Pass one as the `limitStore` client option;
 * `createRedisLimitStore` of `@org/sync-lead/redis` makes one. Without it a client keeps its limits in
 * memory, for itself.
 */
export interface LimitStore {
  /** Names the store in errors, e.g. `Redis limit store redis://10.0.0.5:6379/0`; never holds a password. */
  readonly description: string;
  /**
   * How long an in-flight slot stays taken without a renewal, in ms: a process that dies gives it back
   * after this. `undefined` when slots end only by release (a store inside the process).
   */
  readonly leaseMs: number | undefined;
  /** While the store cannot be reached: `wait` (up to each call's timeout) or `fail` at once. */
  readonly whenUnavailable: 'wait' | 'fail';
  /**
   * Binds a client to the store under the store's key or else `defaultKey` (the endpoint's host and the
   * user id). `onFreed` is called when a client of the key frees an in-flight slot.
   */
  bind(defaultKey: string, onFreed: () => void): LimitStoreBinding;
  /** Closes the store's connections at once; clients bound to it fail their calls as if it were unavailable. */
  close(): Promise<void>;
}
