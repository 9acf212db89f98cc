/**
 * `@org/sync-lead/redis`: limits shared through Redis. Pass `createRedisLimitStore({ url })` as the
 * `limitStore` of `createSyncLeadClient`, and the client's `rateLimit`, `concurrency` and `dailyQuota`
 * hold for every client, process and machine that uses the same Redis and key, as Marketo counts them
 * (per instance). A separate entry point, so that `@org/sync-lead` itself never loads a Redis client.
 *
 * @packageDocumentation
 */
export { createRedisLimitStore, REDIS_KEY_PREFIX } from './create-redis-limit-store.js';
export { DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_LEASE_MS, type RedisLimitStoreOptions } from './redis-limit-store-options.js';
export type { LimitGrant, LimitStore, LimitStoreBinding, SharedCallLimits } from '../limit-store.js';
