// A real Redis for the tests: Debian's redis-server, started on a free loopback port with a temporary
// directory and no persistence, stopped (and its directory removed) by the test that started it, even
// when the test fails. The one place that decides whether Redis tests can run here.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { live, useMock } from '@org/test-support';

/** Why Redis tests are skipped on this machine, or `undefined` when redis-server is there. */
export const redisMissingReason: string | undefined = (() => {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return undefined;
  const reason = 'redis-server is not installed (apt-get install -y redis-server; .ci/run installs it)';
  console.warn(`skipped: tests that need a real Redis: ${reason}`);
  return reason;
})();

/** Whether redis-server can be started here (tests use `describe.skipIf(!hasRedisServer)`). */
export const hasRedisServer = redisMissingReason === undefined;

/** A redis-server of one test file. */
export interface RedisServer {
  /** `redis://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** The server's process id (for SIGKILL / SIGSTOP in outage tests). */
  readonly pid: number;
  /** Resolves when the current server process has exited. */
  exited(): Promise<void>;
  /** Kills the server at once (SIGKILL): once this returns it executes no further command. */
  kill(): void;
  /** Starts the server again on the same port and directory (empty: nothing is persisted). */
  restart(): Promise<void>;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A test run that ends without closing its servers (a crash, a timeout) still takes them down.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A loopback port that is free now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function spawnRedis(port: number, dir: string, extraArgs: readonly string[]): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.resume();
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`)));
    child.once('error', reject);
  });
  return child;
}

/** Starts a redis-server on a free loopback port with a temporary directory (and `extraArgs`, e.g. `--requirepass`). */
export async function startRedisServer(extraArgs: readonly string[] = []): Promise<RedisServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sync-lead-redis-'));
  const port = await freePort();
  let child = await spawnRedis(port, dir, extraArgs);
  const exited = (current: ChildProcess): Promise<void> =>
    current.exitCode !== null || current.signalCode !== null ? Promise.resolve() : once(current, 'exit').then(() => undefined);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child.pid ?? -1;
    },
    exited: () => exited(child),
    kill: () => {
      child.kill('SIGKILL');
    },
    restart: async () => {
      await exited(child);
      child = await spawnRedis(port, dir, extraArgs);
    },
    close: async () => {
      child.kill('SIGTERM');
      await exited(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The redis-server of a test file (or describe block): started before its tests, closed after them. Where
 * redis-server is missing it starts nothing (the tests skip with redisMissingReason) and reading it throws.
 */
export function useRedisServer(): RedisServer {
  if (!hasRedisServer) {
    return live<RedisServer>(() => {
      throw new Error(redisMissingReason);
    });
  }
  return live(useMock(() => startRedisServer(), { reset: false }));
}
