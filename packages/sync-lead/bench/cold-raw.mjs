// Cold start, plain soap: a new process imports soap, creates a client from the WSDL file and completes
// one syncLead against the URL in argv[2]; prints its timings (from process start) as JSON.
const importStarted = performance.now();
const { createRawSoapSyncLead } = await import('./raw-soap-client.mjs');
const { BENCH_CREDENTIALS } = await import('./credentials.mjs');
const imported = performance.now();
const client = await createRawSoapSyncLead({ endpoint: process.argv[2], ...BENCH_CREDENTIALS });
const created = performance.now();
await client.syncLead('cold@example.com', { FirstName: 'George' });
const called = performance.now();
client.close();
process.stdout.write(
  `${JSON.stringify({ startMs: importStarted, importMs: imported - importStarted, createMs: created - imported, callMs: called - created, totalMs: called })}\n`,
);
