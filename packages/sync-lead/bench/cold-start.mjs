// Cold start: new processes that import, create a client and complete one call, @org/sync-lead and
// plain soap alternately, against the minimal server. Reports medians: time from process start to the
// call's result, and the wall time of the whole process (spawn to exit).
import { fileURLToPath } from 'node:url';
import { forkWithMessage, runNode } from './child-process.mjs';
import { median, round } from './stats.mjs';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

function summarize(runs) {
  const pick = (key) => round(median(runs.map((run) => run[key])), 1);
  return { importMs: pick('importMs'), createMs: pick('createMs'), callMs: pick('callMs'), toResultMs: pick('totalMs'), processMs: pick('wallMs') };
}

/** @param {{ runs: number }} settings */
export async function measureColdStart({ runs }) {
  const { child, message: url } = await forkWithMessage(here('./minimal-server-process.mjs'));
  const samples = { sdk: [], raw: [] };
  try {
    for (let index = 0; index < runs; index += 1) {
      // Alternate which goes first, so neither always meets a warmer file cache.
      const order = index % 2 === 0 ? ['sdk', 'raw'] : ['raw', 'sdk'];
      for (const name of order) {
        const run = await runNode(here(name === 'sdk' ? './cold-sdk.mjs' : './cold-raw.mjs'), [url]);
        if (run.code !== 0) throw new Error(`cold start ${name} exited with ${run.code}`);
        samples[name].push({ ...JSON.parse(run.stdout), wallMs: run.wallMs });
      }
    }
  } finally {
    child.disconnect();
  }
  const redisImports = [];
  for (let index = 0; index < runs; index += 1) {
    const run = await runNode(here('./cold-redis.mjs'));
    if (run.code !== 0) throw new Error(`cold import of @org/sync-lead/redis exited with ${run.code}`);
    redisImports.push(JSON.parse(run.stdout).importMs);
  }
  const sdk = summarize(samples.sdk);
  const raw = summarize(samples.raw);
  return { runs, sdk, rawSoap: raw, sdkOverRaw: round(sdk.toResultMs / raw.toResultMs, 3), redisImportMs: round(median(redisImports), 1) };
}
