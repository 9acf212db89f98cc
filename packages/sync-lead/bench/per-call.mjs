// Per-call overhead: the same syncLead call made one at a time by @org/sync-lead, by plain soap and by
// the floor (a prebuilt envelope), against the same minimal server (in a process of its own), in
// rounds that rotate the order so that machine noise hits all three alike. Each round runs a block of
// calls of one client, so each pays for its own garbage collection. Reports the median per call.
import { createSyncLeadClient } from '@org/sync-lead';
import { createFloorClient } from './floor-client.mjs';
import { fileURLToPath } from 'node:url';
import { forkWithMessage } from './child-process.mjs';
import { createRawSoapSyncLead } from './raw-soap-client.mjs';
import { median, round } from './stats.mjs';

const ATTRIBUTES = { FirstName: 'George', LastName: 'of the Jungle' };

/** Runs `count` calls one after another: wall time and this process's CPU time per call, in ms. */
async function timeCalls(call, count) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let index = 0; index < count; index += 1) await call(index);
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs: (performance.now() - started) / count, cpuMs: (cpu.user + cpu.system) / 1000 / count };
}

/**
 * @param {{ rounds: number, callsPerRound: number, warmupCalls?: number, credentials: { userId: string, secretKey: string } }} settings
 */
export async function measurePerCall({ rounds, callsPerRound, warmupCalls = 500, credentials }) {
  const { child, message: url } = await forkWithMessage(fileURLToPath(new URL('./minimal-server-process.mjs', import.meta.url)));
  const sdk = createSyncLeadClient({ endpoint: url, ...credentials, rateLimit: false });
  const raw = await createRawSoapSyncLead({ endpoint: url, ...credentials });
  const variants = {
    sdk: (index) => sdk.syncLead({ email: `percall${index}@example.com`, attributes: ATTRIBUTES }),
    raw: (index) => raw.syncLead(`percall${index}@example.com`, ATTRIBUTES),
    floor: () => floor.post(),
  };
  // The floor posts exactly what plain soap sent for the same call.
  await raw.syncLead('percall@example.com', ATTRIBUTES);
  const envelope = raw.lastRequest();
  const floor = createFloorClient(url, envelope);
  try {
    // Warm-up: JIT tiers, sockets, soap's caches, for every variant alike.
    for (const call of Object.values(variants)) await timeCalls(call, warmupCalls);
    const perRound = { sdk: [], raw: [], floor: [] };
    const names = Object.keys(variants);
    for (let roundIndex = 0; roundIndex < rounds; roundIndex += 1) {
      // Rotate the order so no variant always runs first (or right after a GC-heavy one).
      for (let offset = 0; offset < names.length; offset += 1) {
        const name = names[(roundIndex + offset) % names.length];
        perRound[name].push(await timeCalls(variants[name], callsPerRound));
      }
    }
    const wall = (name) => median(perRound[name].map((sample) => sample.wallMs));
    const cpu = (name) => median(perRound[name].map((sample) => sample.cpuMs));
    // The ratio is taken within each round (the two blocks ran back to back, under the same load on a
    // shared machine), then the median over rounds: a paired comparison, steadier than a ratio of medians.
    const pairedRatio = (key) => median(perRound.sdk.map((sample, index) => sample[key] / perRound.raw[index][key]));
    return {
      calls: rounds * callsPerRound,
      sdkUs: round(wall('sdk') * 1000, 1),
      rawSoapUs: round(wall('raw') * 1000, 1),
      floorUs: round(wall('floor') * 1000, 1),
      sdkOverRaw: round(pairedRatio('wallMs'), 3),
      sdkOverFloor: round(wall('sdk') / wall('floor'), 2),
      // Client CPU per call (the server runs in its own process).
      sdkCpuUs: round(cpu('sdk') * 1000, 1),
      rawSoapCpuUs: round(cpu('raw') * 1000, 1),
      sdkOverRawCpu: round(pairedRatio('cpuMs'), 3),
    };
  } finally {
    sdk.close();
    raw.close();
    floor.close();
    child.disconnect();
  }
}
