// The 100k-lead streamed run, in a process of its own so that its peak RSS is its own: leads are
// generated lazily, streamed through syncLeadsStream to the mock at argv[2], counted and dropped.
// Prints the counts, the duration and the process's peak RSS as JSON.
import { createSyncLeadClient } from '@org/sync-lead';
import { BENCH_CREDENTIALS } from './credentials.mjs';

const [endpoint, countText] = process.argv.slice(2);
const count = Number(countText);

function* generatedLeads() {
  for (let index = 0; index < count; index += 1) {
    yield { email: `stream${index}@example.com`, attributes: { FirstName: `First${index}`, LastName: 'Streamed', Company: 'Acme' } };
  }
}

const client = createSyncLeadClient({ endpoint, ...BENCH_CREDENTIALS, rateLimit: false });
const tally = { CREATED: 0, UPDATED: 0, FAILED: 0 };
const started = performance.now();
for await (const item of client.syncLeadsStream(generatedLeads())) tally[item.status] += 1;
const durationMs = performance.now() - started;
client.close();
process.stdout.write(
  `${JSON.stringify({
    leads: count,
    created: tally.CREATED,
    updated: tally.UPDATED,
    failed: tally.FAILED,
    durationMs: Math.round(durationMs),
    peakRssMb: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
  })}\n`,
);
