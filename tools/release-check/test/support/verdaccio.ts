// A throwaway Verdaccio registry for the release test: temporary storage and
// config, loopback only, serving the @org scope and nothing else (no uplinks, so
// no package is ever proxied from or to a public registry).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A running registry. */
export interface Registry {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Bearer token of the user created for publishing. */
  token: string;
  /** Stops the server; resolves when the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Verdaccio's config. Reading `@org/*` is open (downstream installs need no login);
 * publishing needs a user, which `startRegistry` creates through the registry's own
 * adduser API (htpasswd, one user at most). Anything outside `@org/*` matches no
 * package rule, so Verdaccio refuses it.
 */
function configYaml(folder: string): string {
  return [
    `storage: ${JSON.stringify(join(folder, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(folder, 'htpasswd'))}`,
    '    max_users: 1',
    'uplinks: {}',
    'packages:',
    "  '@org/*':",
    '    access: $all',
    '    publish: $authenticated',
    '    unpublish: $authenticated',
    'web:',
    '  enable: false',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

/** Resolves with the URL the launcher prints once listening, or rejects if it exits first. */
function waitForUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const parsed = JSON.parse(line) as { url?: unknown };
      if (typeof parsed.url === 'string') resolve(parsed.url);
    });
    child.once('exit', (code) =>
      reject(new Error(`Verdaccio exited with ${String(code)} before listening:\n${stderr()}`)),
    );
    child.once('error', reject);
  });
}

/** Creates the publishing user through the npm adduser endpoint and returns its token. */
async function addUser(url: string): Promise<string> {
  const name = 'release-check';
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: randomBytes(18).toString('base64url') }),
  });
  const body = (await response.json()) as { token?: unknown; error?: unknown };
  if (!response.ok || typeof body.token !== 'string') {
    throw new Error(`Verdaccio adduser failed: HTTP ${response.status} ${String(body.error)}`);
  }
  return body.token;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts Verdaccio (scripts/verdaccio-server.mjs) with storage and config in
 * `folder`, on a port the OS picks on 127.0.0.1, and creates the publishing user.
 * The caller removes `folder` after `stop()`.
 */
export async function startRegistry(folder: string, launcher: string): Promise<Registry> {
  mkdirSync(join(folder, 'storage'), { recursive: true });
  const configPath = join(folder, 'config.yaml');
  writeFileSync(configPath, configYaml(folder));

  const child = spawn(process.execPath, [launcher, configPath], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  try {
    const url = await waitForUrl(child, () => stderr);
    const token = await addUser(url);
    return { url, token, stop: () => stopProcess(child) };
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}
