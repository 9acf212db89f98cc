// Bulk efficiency: syncLeads against mktows-mock (in its own process) with a scaled-down rate window:
// the time the rate limit alone imposes, divided by the time measured, and the limit faults the server
// answered. For comparison, a loop of syncLead calls on the same limits, and a naive Promise.all of
// syncLead calls with no client limits.
import { fileURLToPath } from 'node:url';
import { createSyncLeadClient } from '@org/sync-lead';
import { forkWithMessage } from './child-process.mjs';
import { ask } from './ipc.mjs';
import { round } from './stats.mjs';

const LEADS_PER_CALL = 300;

function leads(count, prefix) {
  return Array.from({ length: count }, (_, index) => ({
    email: `${prefix}${index}@example.com`,
    attributes: { FirstName: `First${index}`, LastName: 'Bench', Company: 'Acme' },
  }));
}

function limitFaults(stats) {
  return (stats.faults[20023] ?? 0) + (stats.faults[20024] ?? 0);
}

async function timed(run) {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

/**
 * @param {{ leadCount: number, loopLeads: number, burstLeads: number, window: { calls: number, windowMs: number },
 *   concurrency: number, credentials: { userId: string, secretKey: string } }} settings
 */
export async function measureBulk({ leadCount, loopLeads, burstLeads, window, concurrency, credentials }) {
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
    // syncLeads at the ceiling.
    const bulk = await timed(() => client({ rateLimit: window, concurrency }).syncLeads(leads(leadCount, 'bulk')));
    const bulkServer = await ask(child, 'stats');
    const calls = Math.ceil(leadCount / LEADS_PER_CALL);
    const boundMs = (calls * window.windowMs) / window.calls;

    // One syncLead per lead, same limits.
    await ask(child, 'reset');
    const loopClient = client({ rateLimit: window, concurrency });
    const loop = await timed(async () => {
      for (const lead of leads(loopLeads, 'loop')) await loopClient.syncLead(lead);
    });
    const loopServer = await ask(child, 'stats');

    // Everything at once, no client limits, no retries: what the limits are for.
    await ask(child, 'reset');
    const burstClient = client({ rateLimit: false, concurrency: burstLeads, retry: false });
    const burst = await timed(() => Promise.allSettled(leads(burstLeads, 'burst').map((lead) => burstClient.syncLead(lead))));
    const burstServer = await ask(child, 'stats');
    const burstSynced = burst.value.filter((outcome) => outcome.status === 'fulfilled').length;

    return {
      window,
      concurrency,
      syncLeads: {
        leads: leadCount,
        calls,
        ms: Math.round(bulk.ms),
        boundMs: Math.round(boundMs),
        efficiency: round(boundMs / bulk.ms, 3),
        leadsPerSecond: Math.round(leadCount / (bulk.ms / 1000)),
        ceilingLeadsPerSecond: Math.round((window.calls * LEADS_PER_CALL) / (window.windowMs / 1000)),
        created: bulk.value.created,
        failed: bulk.value.failed,
        stored: bulkServer.store.leads,
        limitFaults: limitFaults(bulkServer.stats),
      },
      syncLeadLoop: {
        leads: loopLeads,
        ms: Math.round(loop.ms),
        leadsPerSecond: round(loopLeads / (loop.ms / 1000), 1),
        limitFaults: limitFaults(loopServer.stats),
      },
      naivePromiseAll: {
        leads: burstLeads,
        ms: Math.round(burst.ms),
        synced: burstSynced,
        failed: burstLeads - burstSynced,
        limitFaults: limitFaults(burstServer.stats),
      },
    };
  } finally {
    for (const created of clients) created.close();
    child.disconnect();
  }
}
