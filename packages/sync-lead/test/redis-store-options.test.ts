// The options of createRedisLimitStore are checked when the store is created, before any connection:
// a bad one is a ValidationError naming the option and the rule, and never repeats a password.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/index.js';
import { createRedisLimitStore, DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_LEASE_MS, type RedisLimitStoreOptions } from '../src/redis/index.js';

function rejection(options: unknown): ValidationError {
  try {
    createRedisLimitStore(options as RedisLimitStoreOptions);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('the options were accepted');
}

const url = 'redis://:a-password-not-for-messages@127.0.0.1:6379';

describe('createRedisLimitStore options', () => {
  it.each([
    [undefined, 'options', 'must be an object with url'],
    [{}, 'url', 'must be a redis:// or rediss:// URL'],
    [{ url: 'http://127.0.0.1:6379' }, 'url', 'must use redis: or rediss: (got http:)'],
    [{ url, key: ' ' }, 'key', 'must be a non-empty string of at most 200 characters'],
    [{ url, key: 'k'.repeat(201) }, 'key', 'must be a non-empty string of at most 200 characters'],
    [{ url, leaseMs: 299 }, 'leaseMs', 'must be an integer >= 300 (milliseconds)'],
    [{ url, leaseMs: 1_000.5 }, 'leaseMs', 'must be an integer >= 300 (milliseconds)'],
    [{ url, whenUnavailable: 'retry' }, 'whenUnavailable', "must be 'wait' or 'fail'"],
    [{ url, commandTimeoutMs: 9 }, 'commandTimeoutMs', 'must be an integer >= 10 (milliseconds)'],
    [{ url, commandTimeoutMs: '2000' }, 'commandTimeoutMs', 'must be an integer >= 10 (milliseconds)'],
  ])('%j: %s %s', (options, field, rule) => {
    const error = rejection(options);
    expect({ field: error.field, rule: error.rule }).toEqual({ field, rule });
    expect(error.message).not.toContain('a-password-not-for-messages');
  });

  it('accepts the defaults and names the store without its password', () => {
    const store = createRedisLimitStore({ url, commandTimeoutMs: 10 });
    expect(store.description).toBe('Redis limit store redis://127.0.0.1:6379/0');
    expect(store.leaseMs).toBe(DEFAULT_LEASE_MS);
    expect(store.whenUnavailable).toBe('wait');
    expect(DEFAULT_COMMAND_TIMEOUT_MS).toBe(2_000);
  });
});
