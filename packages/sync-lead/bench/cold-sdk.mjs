// Cold start, @org/sync-lead: a new process imports the package, creates a client and completes one
// syncLead against the URL in argv[2]; prints its timings (from process start) as JSON.
const importStarted = performance.now();
const { createSyncLeadClient } = await import('@org/sync-lead');
const { BENCH_CREDENTIALS } = await import('./credentials.mjs');
const imported = performance.now();
const client = createSyncLeadClient({ endpoint: process.argv[2], ...BENCH_CREDENTIALS });
const created = performance.now();
await client.syncLead({ email: 'cold@example.com', attributes: { FirstName: 'George' } });
const called = performance.now();
client.close();
process.stdout.write(
  `${JSON.stringify({ startMs: importStarted, importMs: imported - importStarted, createMs: created - imported, callMs: called - created, totalMs: called })}\n`,
);
