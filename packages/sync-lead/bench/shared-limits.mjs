// Shared limits: N worker processes, each running syncLeads with its limits in one Redis (a store of
// @org/sync-lead/redis, same key), into one mock (in a process of its own) that counts the limits as
// Marketo would, per instance. The combined efficiency is the sliding-window optimum for all their
// calls together over the time from the first call's start (any worker's) to the last; plus the limit faults
// and whether every lead was stored exactly once. Needs redis-server (Debian's package); without it
// the row is skipped and says so.
import { fork, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { efficiencyOf, limitFaults } from './bulk-efficiency.mjs';
import { forkWithMessage } from './child-process.mjs';
import { ask } from './ipc.mjs';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sync-lead-bench-redis-'));
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  const stop = async () => {
    child.kill('SIGTERM');
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `redis://127.0.0.1:${port}`, stop };
}

function message(child, pick) {
  return new Promise((resolve, reject) => {
    child.on('message', (received) => {
      const value = pick(received);
      if (value !== undefined) resolve(value);
    });
    child.once('exit', (code) => reject(new Error(`a worker exited with ${code}`)));
  });
}

/** Leads per call: as in the bulk row, so that the limits, not the mock's parsing, decide (see bulk-efficiency.mjs). */
const LEADS_PER_CALL = 10;

/**
 * @param {{ workers: number, callsPerWorker: number, window: { calls: number, windowMs: number }, concurrency: number,
 *   credentials: { userId: string, secretKey: string } }} settings
 */
export async function measureSharedLimits({ workers, callsPerWorker, window, concurrency, credentials }) {
  if (spawnSync('redis-server', ['--version']).status !== 0) return { skipped: 'redis-server is not installed (apt-get install -y redis-server)' };
  const redis = await startRedis();
  const mockOptions = { ...credentials, rateLimit: window, concurrencyLimit: concurrency, dailyQuota: false };
  const { child: mock, message: mockReady } = await forkWithMessage(here('./mock-process.mjs'), [JSON.stringify(mockOptions)]);
  const children = [];
  try {
    const leads = callsPerWorker * LEADS_PER_CALL;
    for (let index = 0; index < workers; index += 1) {
      const settings = { endpoint: mockReady.url, credentials, window, concurrency, redisUrl: redis.url, prefix: `w${index}-`, leads, batchSize: LEADS_PER_CALL };
      children.push(fork(here('./shared-limits-worker.mjs'), [JSON.stringify(settings)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    }
    await Promise.all(children.map((child) => message(child, (received) => received.ready)));
    await ask(mock, 'reset');
    const reports = children.map((child) => message(child, (received) => ('created' in received ? received : undefined)));
    for (const child of children) child.send('go');
    const results = await Promise.all(reports);
    const server = await ask(mock, 'stats');
    const calls = workers * callsPerWorker;
    const created = results.reduce((sum, result) => sum + result.created, 0);
    return {
      workers,
      calls,
      leads: workers * leads,
      leadsPerCall: LEADS_PER_CALL,
      ...efficiencyOf(results.flatMap((result) => result.starts), window),
      created,
      failed: results.reduce((sum, result) => sum + result.failed, 0),
      stored: server.store.leads,
      distinctStored: server.store.distinctEmails,
      limitFaults: limitFaults(server.stats),
      peakInFlight: server.stats.peakInFlight,
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    mock.disconnect();
    await redis.stop();
  }
}
