// Peak memory of a streamed run of 100,000 leads (or `leadCount`), measured in a process that does
// nothing else, against the mock in another process (whose store is not counted).
import { fileURLToPath } from 'node:url';
import { forkWithMessage, runNode } from './child-process.mjs';
import { ask } from './ipc.mjs';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

/** @param {{ leadCount: number, credentials: { userId: string, secretKey: string } }} settings */
export async function measureMemory({ leadCount, credentials }) {
  const mockOptions = { ...credentials, rateLimit: false, concurrencyLimit: 10, dailyQuota: false };
  const { child, message } = await forkWithMessage(here('./mock-process.mjs'), [JSON.stringify(mockOptions)]);
  try {
    const run = await runNode(here('./memory-run.mjs'), [message.url, String(leadCount)]);
    if (run.code !== 0) throw new Error(`the streamed run exited with ${run.code}`);
    const result = JSON.parse(run.stdout);
    const server = await ask(child, 'stats');
    return { ...result, stored: server.store.leads, distinctStored: server.store.distinctEmails };
  } finally {
    child.disconnect();
  }
}
