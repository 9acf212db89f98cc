// Cold start of the Redis entry point, for comparison: a new process imports @org/sync-lead/redis (and
// with it ioredis, which @org/sync-lead itself never loads); prints the import time as JSON.
const started = performance.now();
await import('@org/sync-lead/redis');
process.stdout.write(`${JSON.stringify({ importMs: performance.now() - started })}\n`);
