// One worker of the shared-limits benchmark: a client whose limits live in Redis, running syncLeads of
// generated leads into the mock. Settings as JSON in argv[2]; says `ready` over IPC, starts on `go`,
// then reports its counts and when (Date.now(), comparable across processes) its requests started.
import { createSyncLeadClient } from '@org/sync-lead';
import { createRedisLimitStore } from '@org/sync-lead/redis';
import { generatedLeads } from './bulk-efficiency.mjs';

const { endpoint, credentials, window, concurrency, redisUrl, prefix, leads, batchSize } = JSON.parse(process.argv[2]);
const starts = [];
const client = createSyncLeadClient({
  endpoint,
  ...credentials,
  rateLimit: window,
  concurrency,
  dailyQuota: false,
  limitStore: createRedisLimitStore({ url: redisUrl, key: 'bench' }),
  onTrace: (event) => {
    if (event.type === 'request') starts.push(Date.now());
  },
});
const input = generatedLeads(leads, prefix);
// Warm, as a running worker is: soap loaded and the WSDL parsed by one call of a client of its own
// (not counted in the shared limits; the mock forgets it before the run).
const warmUp = createSyncLeadClient({ endpoint, ...credentials, rateLimit: false, dailyQuota: false });
await warmUp.syncLead({ email: `${prefix}warm-up@example.com` });
warmUp.close();
process.send({ ready: true });
await new Promise((resolve) => process.once('message', resolve));
const run = await client.syncLeads(input, { batchSize });
client.close();
process.send({ created: run.created, updated: run.updated, failed: run.failed, starts }, () => process.disconnect());
