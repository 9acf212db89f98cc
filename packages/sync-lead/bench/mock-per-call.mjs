// The mock's own per-call cost: the same syncLead call made one at a time by @org/sync-lead against
// mktows-mock (no limits, in a process of its own) and against the minimal server (which does no SOAP
// work), in alternating rounds so that machine noise hits both alike. The mock's cost is kept as the
// paired ratio mock / minimal server: absolute times move with the load of a shared machine, the ratio
// much less. Every call creates a lead (a new Email each time): the mock's create path, activity log
// included.
import { fileURLToPath } from 'node:url';
import { createSyncLeadClient } from '@org/sync-lead';
import { forkWithMessage } from './child-process.mjs';
import { median, round } from './stats.mjs';

const ATTRIBUTES = { FirstName: 'George', LastName: 'of the Jungle' };

async function timeCalls(call, count, offset) {
  const started = performance.now();
  for (let index = 0; index < count; index += 1) await call(offset + index);
  return (performance.now() - started) / count;
}

/**
 * @param {{ rounds: number, callsPerRound: number, warmupCalls?: number, credentials: { userId: string, secretKey: string } }} settings
 */
export async function measureMockPerCall({ rounds, callsPerRound, warmupCalls = 300, credentials }) {
  const here = (file) => fileURLToPath(new URL(file, import.meta.url));
  const minimal = await forkWithMessage(here('./minimal-server-process.mjs'));
  const mockOptions = { ...credentials, rateLimit: false, concurrencyLimit: false, dailyQuota: false };
  const mock = await forkWithMessage(here('./mock-process.mjs'), [JSON.stringify(mockOptions)]);
  const clients = {
    minimal: createSyncLeadClient({ endpoint: minimal.message, ...credentials, rateLimit: false }),
    mock: createSyncLeadClient({ endpoint: mock.message.url, ...credentials, rateLimit: false }),
  };
  let next = 0;
  const call = (name) => (index) => clients[name].syncLead({ email: `mockpercall${index}@example.com`, attributes: ATTRIBUTES });
  try {
    for (const name of Object.keys(clients)) {
      await timeCalls(call(name), warmupCalls, next);
      next += warmupCalls;
    }
    const perRound = { minimal: [], mock: [] };
    for (let roundIndex = 0; roundIndex < rounds; roundIndex += 1) {
      const order = roundIndex % 2 === 0 ? ['minimal', 'mock'] : ['mock', 'minimal'];
      for (const name of order) {
        perRound[name].push(await timeCalls(call(name), callsPerRound, next));
        next += callsPerRound;
      }
    }
    return {
      calls: rounds * callsPerRound,
      mockUs: round(median(perRound.mock) * 1000, 1),
      minimalUs: round(median(perRound.minimal) * 1000, 1),
      // Paired within each round (both blocks ran back to back under the same load), then the median.
      mockOverMinimal: round(median(perRound.mock.map((ms, index) => ms / perRound.minimal[index])), 3),
    };
  } finally {
    clients.minimal.close();
    clients.mock.close();
    minimal.child.disconnect();
    mock.child.disconnect();
  }
}
