// Bulk efficiency: syncLeads against mktows-mock (in its own process) with a scaled-down rate window,
// against the sliding-window optimum: a window allows `calls` starts, so N calls need at least
// floor((N - 1) / calls) windows from the first start to the last (bursts of `calls` at 0, W, 2W, ...).
// The efficiency is that optimum over the measured time from the run's first call start to its last; the
// limit faults are what the server answered. What the optimum does not count: with 10 in flight, the
// 50th call of a window cannot start before 40 have been answered, and the mock answers one call at a
// time (it parses on one thread): 40 x its time per call (measured here: ~4 ms of CPU for a call of 10
// leads, ~12 ms for 100, ~28 ms for 300, client included), plus the client's margin (2 x 100 ms). 100-lead
// calls alone would cap the figure at ~0.93 on this machine whatever the limiter did, so the run is
// measured with calls of 10 leads, and for comparison of 300; `afterRampEfficiency` counts the ramp in.
// Also: a burst of one window's allowance of syncLead calls (how long the last takes, in windows), a loop
// of syncLead calls, and a naive Promise.all without limits.
import { fileURLToPath } from 'node:url';
import { createSyncLeadClient } from '@org/sync-lead';
import { forkWithMessage } from './child-process.mjs';
import { ask } from './ipc.mjs';
import { round } from './stats.mjs';

export function generatedLeads(count, prefix) {
  return Array.from({ length: count }, (_, index) => ({
    email: `${prefix}${index}@example.com`,
    attributes: { FirstName: `First${index}`, LastName: 'Bench', Company: 'Acme' },
  }));
}

export function limitFaults(stats) {
  return (stats.faults[20023] ?? 0) + (stats.faults[20024] ?? 0);
}

/** The least time from the first start to the last of `calls` calls that a sliding window allows. */
export function slidingWindowOptimumMs(calls, window) {
  return Math.floor((calls - 1) / window.calls) * window.windowMs;
}

/**
 * Efficiency figures of a run from its call starts (any clock, any order): against the optimum, and
 * against the optimum plus the first window's ramp (when its call number `(N - 1) % calls + 1` started,
 * which the last call cannot precede by less than the whole windows): what the limiter itself loses.
 */
export function efficiencyOf(starts, window) {
  const sorted = [...starts].sort((a, b) => a - b);
  const calls = sorted.length;
  const optimumMs = slidingWindowOptimumMs(calls, window);
  const toLastStartMs = sorted[calls - 1] - sorted[0];
  const rampMs = sorted[(calls - 1) % window.calls] - sorted[0];
  return {
    toLastStartMs: Math.round(toLastStartMs),
    optimumMs,
    efficiency: round(optimumMs / toLastStartMs, 3),
    firstWindowRampMs: Math.round(rampMs),
    afterRampEfficiency: round((optimumMs + rampMs) / toLastStartMs, 3),
  };
}

async function timed(run) {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

/** syncLeads of `calls` calls of `leadsPerCall` leads through a new client; times from the trace. */
async function measureSyncLeads({ child, client, calls, leadsPerCall, window, concurrency }) {
  await ask(child, 'reset');
  const starts = [];
  const bulkClient = client({
    rateLimit: window,
    concurrency,
    onTrace: (event) => {
      if (event.type === 'request') starts.push(performance.now());
    },
  });
  const leadCount = calls * leadsPerCall;
  const leads = generatedLeads(leadCount, `bulk${leadsPerCall}-`);
  const bulk = await timed(() => bulkClient.syncLeads(leads, { batchSize: leadsPerCall }));
  const server = await ask(child, 'stats');
  return {
    leads: leadCount,
    leadsPerCall,
    calls,
    ms: Math.round(bulk.ms),
    ...efficiencyOf(starts, window),
    leadsPerSecond: Math.round(leadCount / (bulk.ms / 1000)),
    created: bulk.value.created,
    failed: bulk.value.failed,
    stored: server.store.leads,
    distinctStored: server.store.distinctEmails,
    limitFaults: limitFaults(server.stats),
  };
}

/**
 * @param {{ bulkCalls: number, with300: boolean, loopLeads: number, burstLeads: number, window: { calls: number, windowMs: number },
 *   concurrency: number, credentials: { userId: string, secretKey: string } }} settings
 */
export async function measureBulk({ bulkCalls, with300, loopLeads, burstLeads, window, concurrency, credentials }) {
  const mockOptions = { ...credentials, rateLimit: window, concurrencyLimit: concurrency, dailyQuota: false };
  const { child, message } = await forkWithMessage(fileURLToPath(new URL('./mock-process.mjs', import.meta.url)), [JSON.stringify(mockOptions)]);
  const endpoint = message.url;
  const clients = [];
  const client = (options) => {
    const created = createSyncLeadClient({ endpoint, ...credentials, ...options });
    clients.push(created);
    return created;
  };
  try {
    // One window's allowance of syncLead calls at once: the window lets them all start together.
    const burstClient = client({ rateLimit: window, concurrency });
    const burst = await timed(() => Promise.all(generatedLeads(window.calls, 'window').map((lead) => burstClient.syncLead(lead))));
    const burstServer = await ask(child, 'stats');

    // syncLeads at the ceiling, each run with a new client while the server forgets the one before.
    const bulk = await measureSyncLeads({ child, client, calls: bulkCalls, leadsPerCall: 10, window, concurrency });
    const bulk300 = with300 ? await measureSyncLeads({ child, client, calls: bulkCalls, leadsPerCall: 300, window, concurrency }) : undefined;

    // One syncLead per lead, same limits.
    await ask(child, 'reset');
    const loopClient = client({ rateLimit: window, concurrency });
    const loop = await timed(async () => {
      for (const lead of generatedLeads(loopLeads, 'loop')) await loopClient.syncLead(lead);
    });
    const loopServer = await ask(child, 'stats');

    // Everything at once, no client limits, no retries: what the limits are for.
    await ask(child, 'reset');
    const naiveClient = client({ rateLimit: false, concurrency: burstLeads, retry: false });
    const naive = await timed(() => Promise.allSettled(generatedLeads(burstLeads, 'naive').map((lead) => naiveClient.syncLead(lead))));
    const naiveServer = await ask(child, 'stats');
    const naiveSynced = naive.value.filter((outcome) => outcome.status === 'fulfilled').length;

    return {
      window,
      concurrency,
      windowBurst: {
        calls: window.calls,
        ms: Math.round(burst.ms),
        windows: round(burst.ms / window.windowMs, 3),
        synced: burst.value.length,
        stored: burstServer.store.leads,
        limitFaults: limitFaults(burstServer.stats),
      },
      syncLeads: bulk,
      syncLeads300: bulk300,
      syncLeadLoop: {
        leads: loopLeads,
        ms: Math.round(loop.ms),
        leadsPerSecond: round(loopLeads / (loop.ms / 1000), 1),
        limitFaults: limitFaults(loopServer.stats),
      },
      naivePromiseAll: {
        leads: burstLeads,
        ms: Math.round(naive.ms),
        synced: naiveSynced,
        failed: burstLeads - naiveSynced,
        limitFaults: limitFaults(naiveServer.stats),
      },
    };
  } finally {
    for (const created of clients) created.close();
    child.disconnect();
  }
}
