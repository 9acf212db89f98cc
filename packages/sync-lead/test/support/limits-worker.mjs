// A worker process of the multi-process limit tests: one client of the built package, its limits in a
// Redis store, syncing generated leads. Settings come as JSON in argv[2]; over IPC it says `ready`,
// waits for `go`, sends `{ started }` at its first request, then its outcome: one entry per lead.
import { createSyncLeadClient } from '@org/sync-lead';
import { createRedisLimitStore } from '@org/sync-lead/redis';

const settings = JSON.parse(process.argv[2] ?? '{}');
let started = false;
const client = createSyncLeadClient({
  endpoint: settings.endpoint,
  userId: settings.userId,
  secretKey: settings.secretKey,
  rateLimit: settings.rateLimit,
  concurrency: settings.concurrency,
  dailyQuota: settings.dailyQuota,
  retry: false,
  limitStore: createRedisLimitStore(settings.store),
  onTrace: (event) => {
    if (event.type !== 'request' || started) return;
    started = true;
    process.send?.({ started: Date.now() });
  },
});

const leads = Array.from({ length: settings.leads }, (_, index) => ({ email: `${settings.prefix}${index}@example.com` }));
const describe = (error) => ({ status: 'FAILED', errorName: error?.name, code: error?.code, message: error?.message });

process.send?.({ ready: true });
await new Promise((resolve) => process.once('message', resolve));

let outcomes;
if (settings.mode === 'each') {
  const settled = await Promise.allSettled(leads.map((lead) => client.syncLead(lead)));
  outcomes = settled.map((outcome) => (outcome.status === 'fulfilled' ? { status: outcome.value.status } : describe(outcome.reason)));
} else {
  const run = await client.syncLeads(leads, { batchSize: settings.batchSize });
  outcomes = run.results.map((result) => (result.status === 'FAILED' ? describe(result.error) : { status: result.status }));
}
client.close();
process.send?.({ outcomes }, () => process.disconnect());
