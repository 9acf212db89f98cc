// Set-up hooks: a server (or any fixture that closes) started before the tests of a file, reset before
// each test and closed after them -- or one per test, closed after it -- without the let/beforeAll/
// afterAll/beforeEach block each file used to repeat.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

import { startRawServer, type RawScript, type RawServer } from './raw-server.js';

/** A fixture the hooks can close, and reset when it knows how. */
export interface Closable {
  close(): void | Promise<void>;
  reset?(): void;
}

/** How long a fixture lives. */
export interface UseOptions {
  /** `'file'` (default): started once in beforeAll, reset before each test, closed in afterAll. `'test'`: started and closed around every test. */
  scope?: 'file' | 'test';
  /** Call the fixture's `reset()` before each test (default true; only with `scope: 'file'`). */
  reset?: boolean;
}

/**
 * Starts the fixture `start` makes in beforeAll (or beforeEach), resets it before each test and closes it
 * afterwards. Returns an accessor for the running fixture (it throws outside a test).
 */
export function useMock<T extends Closable>(start: () => Promise<T>, options: UseOptions = {}): () => T {
  let fixture: T | undefined;
  const open = async (): Promise<void> => {
    fixture = await start();
  };
  const close = async (): Promise<void> => {
    const running = fixture;
    fixture = undefined;
    await running?.close();
  };
  if (options.scope === 'test') {
    beforeEach(open);
    afterEach(close);
  } else {
    beforeAll(open);
    afterAll(close);
    if (options.reset !== false) beforeEach(() => fixture?.reset?.());
  }
  return () => {
    if (!fixture) throw new Error('the fixture is not running (use it inside a test)');
    return fixture;
  };
}

/** Raw servers a test starts; every one is closed after the test. */
export interface RawServers {
  /** Starts a raw server with this script (see startRawServer). */
  start(reply: RawScript, path?: string): Promise<RawServer>;
  /** The server the test started last (throws when it started none). */
  readonly current: RawServer;
}

/** Raw scripted servers started inside tests and closed after each (with `onClose` run first, e.g. to close clients). */
export function useRawServer(onClose?: () => void | Promise<void>): RawServers {
  const started: RawServer[] = [];
  afterEach(async () => {
    await onClose?.();
    await Promise.all(started.splice(0).map((server) => server.close()));
  });
  return {
    async start(reply, path) {
      const server = await startRawServer(reply, path);
      started.push(server);
      return server;
    },
    get current() {
      const server = started.at(-1);
      if (!server) throw new Error('no raw server started in this test');
      return server;
    },
  };
}

/** Values made by a test that are closed after it (clients, servers), in reverse order. */
export function useClosers<T extends Closable>(): (value: T) => T {
  const open: T[] = [];
  afterEach(async () => {
    for (const value of open.splice(0).reverse()) await value.close();
  });
  return (value) => {
    open.push(value);
    return value;
  };
}

/** A temporary directory for the tests of a file: made in beforeAll, removed (with its contents) in afterAll. */
export function useTempDir(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterAll(() => (dir === undefined ? undefined : rm(dir, { recursive: true, force: true })));
  return () => {
    if (dir === undefined) throw new Error('the temporary directory is made in beforeAll (use it inside a test)');
    return dir;
  };
}

/**
 * An object that stands for what `current()` returns when a property is read: the fixture of useMock
 * used like the fixture itself (`mock.server` instead of `mock().server`), inside tests and hooks.
 */
export function live<T extends object>(current: () => T): T {
  return new Proxy({} as T, { get: (_target, key) => Reflect.get(current(), key) as unknown });
}
