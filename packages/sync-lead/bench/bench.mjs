#!/usr/bin/env node
// `npm run bench` (add `-- --quick` for a run under a minute): measures @org/sync-lead in one run and
// prints a table and one JSON line. Never a test: times are machine-dependent; the targets are ratios.
//   1. per-call overhead: syncLead vs plain soap vs a prebuilt envelope, against one minimal server;
//   1b. the mock's per-call cost: syncLead one at a time against mktows-mock vs the minimal server;
//   2. bulk efficiency: syncLeads against mktows-mock with a scaled-down rate window, against the
//      sliding-window optimum; a burst of one window's allowance of syncLead calls;
//   3. shared limits: 4 processes syncing through one Redis into one mock;
//   4. cold start: new processes that import, create a client and make one call;
//   5. peak memory of a 100k-lead streamed run.
// Exit status 1 when a target is missed (the table says which).
import os from 'node:os';
import { measureBulk } from './bulk-efficiency.mjs';
import { measureColdStart } from './cold-start.mjs';
import { BENCH_CREDENTIALS } from './credentials.mjs';
import { measureMemory } from './memory.mjs';
import { measureMockPerCall } from './mock-per-call.mjs';
import { measurePerCall } from './per-call.mjs';
import { printReport } from './report.mjs';
import { measureSharedLimits } from './shared-limits.mjs';

const quick = process.argv.includes('--quick');

/** Marketo's window of 100 calls, 4x shorter: 100 calls per 5 s, 10 in flight. */
const SCALED_WINDOW = Object.freeze({ calls: 100, windowMs: 5_000 });

// syncLeads of 250 calls needs bursts at 0, W and 2W: an optimum of 2 windows to the last start; the
// shared run, 4 x 63 calls, the same. Quick mode leaves out the run of 300-lead calls (a comparison).
const settings = quick
  ? { perCall: { rounds: 24, callsPerRound: 50 }, mockPerCall: { rounds: 10, callsPerRound: 50 }, bulk: { bulkCalls: 250, with300: false, loopLeads: 40, burstLeads: 200 }, sharedCallsPerWorker: 63, coldRuns: 3 }
  : { perCall: { rounds: 60, callsPerRound: 50 }, mockPerCall: { rounds: 30, callsPerRound: 50 }, bulk: { bulkCalls: 250, with300: true, loopLeads: 100, burstLeads: 300 }, sharedCallsPerWorker: 63, coldRuns: 7 };

const started = performance.now();
const perCall = await measurePerCall({ ...settings.perCall, credentials: BENCH_CREDENTIALS });
const mockPerCall = await measureMockPerCall({ ...settings.mockPerCall, credentials: BENCH_CREDENTIALS });
const bulk = await measureBulk({ ...settings.bulk, window: SCALED_WINDOW, concurrency: 10, credentials: BENCH_CREDENTIALS });
const shared = await measureSharedLimits({
  workers: 4,
  callsPerWorker: settings.sharedCallsPerWorker,
  window: SCALED_WINDOW,
  concurrency: 10,
  credentials: BENCH_CREDENTIALS,
});
const coldStart = await measureColdStart({ runs: settings.coldRuns });
const memory = await measureMemory({ leadCount: 100_000, credentials: BENCH_CREDENTIALS });

const result = {
  mode: quick ? 'quick' : 'full',
  node: process.version,
  cpus: os.availableParallelism(),
  durationS: Math.round((performance.now() - started) / 100) / 10,
  perCall,
  mockPerCall,
  bulk,
  shared,
  coldStart,
  memory,
};
process.exitCode = printReport(result) ? 0 : 1;
