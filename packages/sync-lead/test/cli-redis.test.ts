// `sync-lead --file ... --redis-url redis://...` (or MARKETO_LIMITS_REDIS_URL): bulk mode keeps its
// limits in that Redis, shared with every client of the same instance and user. Only for bulk mode; a
// bad URL is a usage error naming where it came from; an unreachable Redis fails the leads, never
// syncs them without limits.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { marketoQuotaDay } from '@org/mktows-types';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { startMock, type MockFixture } from './support/mock.js';
import { freePort, hasRedisServer, startRedisServer } from './support/redis-server.js';

let mock: MockFixture;
let dir: string;
let leadsFile: string;

beforeAll(async () => {
  mock = await startMock({ rateLimit: false });
  dir = await mkdtemp(path.join(tmpdir(), 'sync-lead-cli-redis-'));
  leadsFile = path.join(dir, 'leads.ndjson');
  const lines = Array.from({ length: 25 }, (_, index) => JSON.stringify({ email: `cr${index}@example.com` }));
  await writeFile(leadsFile, `${lines.join('\n')}\n`, 'utf8');
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => mock.server.reset());

async function cli(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--endpoint', mock.server.url, ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { MARKETO_USER_ID: mock.userId, MARKETO_SECRET_KEY: mock.secretKey, ...env },
  });
  return { code, stdout, stderr };
}

describe('sync-lead --redis-url', () => {
  it('is a bulk-mode option: without --file it is a usage error and nothing is sent', async () => {
    const run = await cli(['--email', 'one@example.com', '--redis-url', 'redis://127.0.0.1:6379']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--redis-url');
    expect(run.stderr).toContain('only used with --file');
    expect(mock.server.stats().requests).toBe(0);
  });

  it.each([
    [['--redis-url', 'http://127.0.0.1:6379'], {}, '--redis-url'],
    [[], { MARKETO_LIMITS_REDIS_URL: 'not a url' }, 'MARKETO_LIMITS_REDIS_URL'],
  ])('a bad URL (%j %j) is a usage error naming %s', async (args, env, named) => {
    const run = await cli(['--file', leadsFile, ...args], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(named);
    expect(mock.server.stats().requests).toBe(0);
  });

  it('an unreachable Redis fails every lead with the store named, and sends nothing', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const run = await cli(['--file', leadsFile, '--redis-url', url, '--timeout-ms', '200', '--json']);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as { failed: number; reasons: Array<{ reason: string; count: number }> };
    expect(summary.failed).toBe(25);
    expect(JSON.stringify(summary.reasons)).toContain(`${url.replace('redis://', '')}/0`);
    expect(mock.server.stats().requests).toBe(0);
  });

  it.skipIf(!hasRedisServer)('MARKETO_LIMITS_REDIS_URL: the run counts its calls in that Redis, under the endpoint host and user id', async () => {
    const redis = await startRedisServer();
    const reader = new Redis(redis.url, { lazyConnect: true });
    try {
      const run = await cli(['--file', leadsFile, '--batch-size', '10', '--json'], { MARKETO_LIMITS_REDIS_URL: redis.url });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ created: 25, failed: 0 });
      const key = `sync-lead:limits:${new URL(mock.server.url).host}/${mock.userId}:quota:${marketoQuotaDay(new Date())}`;
      expect(await reader.get(key)).toBe('3');
    } finally {
      reader.disconnect();
      await redis.close();
    }
  });
});
