// `@org/sync-lead/redis` is its own entry point: importing `@org/sync-lead` (ESM or CJS) loads no Redis
// client, importing the subpath does (the control), and both builds of the subpath create a store
// without connecting anywhere. Runs against dist/ (the root `npm test` builds first).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@org/test-support';

/** Runs `code` in a fresh node and reports whether ioredis was loaded (ESM imports of CJS land in require.cache too). */
function loadsIoredis(kind: 'esm' | 'cjs', code: string): boolean {
  const probe = "Object.keys(require.cache).some((file) => /[\\\\/]node_modules[\\\\/]ioredis[\\\\/]/.test(file))";
  const script =
    kind === 'esm'
      ? `const require = (await import('node:module')).createRequire(import.meta.url); ${code}; console.log(${probe});`
      : `${code}; console.log(${probe});`;
  const args = kind === 'esm' ? ['--input-type=module', '-e', script] : ['-e', script];
  return execFileSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' }).trim().split('\n').at(-1) === 'true';
}

describe('the ./redis entry point', () => {
  it.each(['esm', 'cjs'] as const)('%s: importing @org/sync-lead loads no Redis client', (kind) => {
    const load = kind === 'esm' ? "const m = await import('@org/sync-lead')" : "const m = require('@org/sync-lead')";
    expect(loadsIoredis(kind, `${load}; m.createSyncLeadClient({ endpoint: 'https://x.mktoapi.com/soap/mktows/2_2', userId: 'u', secretKey: 'k' }).close()`)).toBe(false);
  });

  it.each(['esm', 'cjs'] as const)('%s: importing @org/sync-lead/redis does (the control), and creating a store connects nowhere', (kind) => {
    const load = kind === 'esm' ? "const m = await import('@org/sync-lead/redis')" : "const m = require('@org/sync-lead/redis')";
    // A store pointing at a port nobody listens on: creating it must neither fail nor leave a handle open.
    const create = `${load}; const store = m.createRedisLimitStore({ url: 'redis://127.0.0.1:1' }); if (process.getActiveResourcesInfo().some((r) => /TCP|Timeout/.test(r))) throw new Error('I/O at creation')`;
    expect(loadsIoredis(kind, create)).toBe(true);
  });
});
