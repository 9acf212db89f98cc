// The Redis limit store: every client that uses the same Redis and key shares one sliding window, one
// count of calls in flight and one daily quota, counted by atomic Lua scripts (limit-scripts.ts). Two
// connections per store, opened on the first call and closed when the last client using the store
// closes: one for the scripts, one subscribed to the "slot freed" announcements of the keys in use.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { LimitGrant, LimitStore, LimitStoreBinding, SharedCallLimits } from '../limit-store.js';
import { ACQUIRE_SCRIPT, RELEASE_SCRIPT, RENEW_SCRIPT, RETRACT_SCRIPT } from './limit-scripts.js';
import { type RedisLimitStoreOptions, resolveRedisLimitStoreOptions } from './redis-limit-store-options.js';

/** Prefix of every Redis key and channel the store uses. */
export const REDIS_KEY_PREFIX = 'sync-lead:limits:';

/** How long connecting may take before the store counts as unavailable. */
const CONNECT_TIMEOUT_MS = 2_000;
/** A quota counter outlives its day by this much, for clients whose clocks are a little behind. */
const QUOTA_KEY_GRACE_MS = 3_600_000;

type AcquireReply = [granted: number, retryAfterMs: number, quotaExhausted: number];

/** The scripts, as ioredis' defineCommand adds them (EVALSHA, with EVAL when Redis lost its script cache). */
interface LimitCommands {
  syncLeadAcquire(window: string, leases: string, quota: string, ...args: Array<string | number>): Promise<AcquireReply>;
  syncLeadRelease(window: string, leases: string, channel: string, windowMs: number, ...ids: string[]): Promise<number>;
  syncLeadRenew(window: string, leases: string, leaseMs: number, ...ids: string[]): Promise<number>;
  syncLeadRetract(window: string, leases: string, quota: string, channel: string, prefix: string, wanted: number, counted: 0 | 1): Promise<number>;
}

/** A request for call starts whose answer never came: Redis may have granted it (see RETRACT_SCRIPT). */
interface UnansweredRequest {
  prefix: string;
  wanted: number;
  quotaKey: string;
  counted: 0 | 1;
}

type LimitRedis = Redis & LimitCommands;

interface Connections {
  commands: LimitRedis;
  events: Redis;
  connecting: Promise<void> | undefined;
  /** Why the connection last failed (refused, WRONGPASS, ...): a failed command only says "closed". */
  lastError: string | undefined;
}

function noop(): void {}

/** Reconnect after 100 ms, 200 ms, ... and then every second, for as long as the store is in use. */
function reconnectDelay(attempts: number): number {
  return Math.min(attempts * 100, 1_000);
}

/**
 * Creates a limit store on Redis, to pass as `limitStore` to `createSyncLeadClient`: the client's
 * `rateLimit`, `concurrency` and `dailyQuota` are then enforced across every client, process and machine
 * that uses the same Redis and key. Creating it does no I/O; it connects on the first call and
 * disconnects when the last client using it closes.
 *
 * @throws `ValidationError` (of `@org/sync-lead`) for a bad option: the url, key, leaseMs or whenUnavailable
 *
 * @example
 * ```ts
 * import { createSyncLeadClient } from '@org/sync-lead';
 * import { createRedisLimitStore } from '@org/sync-lead/redis';
 *
 * const client = createSyncLeadClient({
 *   endpoint, userId, secretKey,
 *   limitStore: createRedisLimitStore({ url: process.env.REDIS_URL!, whenUnavailable: 'fail' }),
 * });
 * ```
 */
export function createRedisLimitStore(options: RedisLimitStoreOptions): LimitStore {
  const settings = resolveRedisLimitStoreOptions(options);
  const { leaseMs } = settings;
  const channelListeners = new Map<string, Set<() => void>>();
  const pending = new Set<Promise<unknown>>();
  // Lease ids: unique per process and request, so two processes never name a lease alike.
  const leasePrefix = randomBytes(8).toString('hex');
  let leaseRequests = 0;
  let connections: Connections | undefined;
  let bindings = 0;
  let closed = false;

  function open(): Connections {
    if (connections) return connections;
    const common = { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, retryStrategy: reconnectDelay };
    // No offline queue and no resending: a command fails at once while Redis is away, and the limiter
    // decides (wait or fail) instead of ioredis replaying it later.
    const commands = new Redis(settings.url, {
      ...common,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: settings.commandTimeoutMs,
    }) as LimitRedis;
    commands.defineCommand('syncLeadAcquire', { numberOfKeys: 3, lua: ACQUIRE_SCRIPT });
    commands.defineCommand('syncLeadRelease', { numberOfKeys: 2, lua: RELEASE_SCRIPT });
    commands.defineCommand('syncLeadRenew', { numberOfKeys: 2, lua: RENEW_SCRIPT });
    commands.defineCommand('syncLeadRetract', { numberOfKeys: 3, lua: RETRACT_SCRIPT });
    // The subscriber queues its SUBSCRIBEs until connected and subscribes again after a reconnect.
    const events = new Redis(settings.url, { ...common, maxRetriesPerRequest: null });
    // Errors surface where they matter (a failed command); without listeners ioredis would print them.
    // Only the message is kept: ioredis's error objects can hold the arguments of an AUTH command.
    commands.on('error', (error: Error) => {
      if (connections === current) current.lastError = error.message;
    });
    commands.on('ready', () => {
      current.lastError = undefined;
    });
    events.on('error', noop);
    events.on('message', (channel: string) => {
      for (const listener of channelListeners.get(channel) ?? []) listener();
    });
    for (const channel of channelListeners.keys()) void events.subscribe(channel).catch(noop);
    const current: Connections = { commands, events, connecting: undefined, lastError: undefined };
    connections = current;
    return current;
  }

  async function connected(current: Connections): Promise<LimitRedis> {
    if (current.commands.status === 'wait') {
      current.connecting = current.commands.connect().finally(() => {
        current.connecting = undefined;
      });
    }
    if (current.connecting) await current.connecting;
    return current.commands;
  }

  /** Runs `operation` on the connections of the moment, which a closing store waits for. */
  function run<T>(operation: (redis: LimitRedis) => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new Error('the store was closed'));
    const current = open();
    const result = connected(current)
      .then(operation)
      .catch((error: unknown) => {
        // A plain Error with the messages only (see the 'error' listener), the connection's reason added.
        const message = error instanceof Error ? error.message : String(error);
        const reason = current.lastError === undefined || current.lastError === message ? '' : ` (${current.lastError})`;
        throw new Error(`${message}${reason}`);
      });
    pending.add(result);
    const forget = (): void => void pending.delete(result);
    result.then(forget, forget);
    return result;
  }

  async function shutDown(): Promise<void> {
    const current = connections;
    connections = undefined;
    if (!current) return;
    await Promise.allSettled([...pending]);
    await Promise.all(
      [current.commands, current.events].map((redis) =>
        redis.status === 'ready' ? redis.quit().then(noop, () => redis.disconnect()) : Promise.resolve(redis.disconnect()),
      ),
    );
  }

  function listen(channel: string, listener: () => void): () => void {
    let listeners = channelListeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      channelListeners.set(channel, listeners);
      if (connections) void connections.events.subscribe(channel).catch(noop);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0) return;
      channelListeners.delete(channel);
      if (connections) void connections.events.unsubscribe(channel).catch(noop);
    };
  }

  return {
    description: `Redis limit store ${settings.safeUrl}`,
    leaseMs,
    whenUnavailable: settings.whenUnavailable,
    bind(defaultKey: string, onFreed: () => void): LimitStoreBinding {
      const key = settings.key ?? defaultKey;
      const base = `${REDIS_KEY_PREFIX}${key}`;
      const windowKey = `${base}:window`;
      const leasesKey = `${base}:leases`;
      const channel = `${base}:freed`;
      const unlisten = listen(channel, onFreed);
      bindings += 1;
      let open = true;
      // The window of this client's calls, for the release script to keep their entries for.
      let windowMs = 0;
      // Requests that failed after they may have reached Redis (a late answer counts as none): taken back
      // before this binding's next request, so a lost answer costs neither quota nor slots.
      let unanswered: UnansweredRequest[] = [];

      async function retractUnanswered(redis: LimitRedis): Promise<void> {
        for (const request of unanswered) {
          const { prefix, wanted, quotaKey, counted } = request;
          await redis.syncLeadRetract(windowKey, leasesKey, quotaKey, channel, prefix, wanted, counted);
          unanswered = unanswered.filter((other) => other !== request);
        }
      }

      return {
        key,
        acquire(wanted: number, limits: SharedCallLimits): Promise<LimitGrant> {
          const prefix = `${leasePrefix}:${(leaseRequests += 1)}`;
          const quotaKey = `${base}:quota:${limits.quotaDay}`;
          windowMs = limits.windowMs;
          return run(async (redis) => {
            await retractUnanswered(redis);
            let reply: AcquireReply;
            try {
              reply = await redis.syncLeadAcquire(
                windowKey,
                leasesKey,
                quotaKey,
                wanted,
                limits.calls ?? 0,
                limits.windowMs,
                limits.concurrency,
                leaseMs,
                limits.dailyQuota ?? 0,
                limits.quotaDayEndsAt + QUOTA_KEY_GRACE_MS,
                prefix,
              );
            } catch (error) {
              unanswered.push({ prefix, wanted, quotaKey, counted: (limits.dailyQuota ?? 0) > 0 ? 1 : 0 });
              throw error;
            }
            const [granted, retryAfterMs, quotaExhausted] = reply;
            const leases = Array.from({ length: granted }, (_, index) => `${prefix}:${index + 1}`);
            return { leases, retryAfterMs, quotaExhausted: quotaExhausted === 1 };
          });
        },
        async release(leases) {
          if (leases.length > 0) await run((redis) => redis.syncLeadRelease(windowKey, leasesKey, channel, windowMs, ...leases));
        },
        async renew(leases) {
          if (leases.length > 0) await run((redis) => redis.syncLeadRenew(windowKey, leasesKey, leaseMs, ...leases));
        },
        close() {
          if (!open) return;
          open = false;
          // Best effort: what is left lapses with its leases (the quota keeps those starts).
          if (unanswered.length > 0 && connections) void run(retractUnanswered).catch(noop);
          unlisten();
          bindings -= 1;
          if (bindings === 0) void shutDown();
        },
      };
    },
    async close() {
      closed = true;
      await shutDown();
    },
  };
}
