// The Nx wiring of @org/mktows-types: a WSDL or generator change marks it (and
// what depends on it) affected, and a repeated build is served from the cache.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';

const nx = path.join(repoRoot, 'node_modules/.bin/nx');

function runNx(args: string[]): string {
  return execFileSync(nx, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' },
  });
}

const affectedBy = (file: string) => runNx(['show', 'projects', '--affected', `--files=${file}`]).trim().split('\n').sort();

describe('Nx', () => {
  it('counts mktows-types and its dependents as affected by a WSDL change, and nothing else', () => {
    expect(affectedBy('wsdl/mktows.wsdl')).toEqual(['@org/mktows-mock', '@org/mktows-types', '@org/sync-lead']);
  });

  it('counts mktows-types as affected by a generator change', () => {
    expect(affectedBy('tools/mktows-codegen/src/naming.ts')).toEqual(
      expect.arrayContaining(['mktows-codegen', '@org/mktows-types', '@org/sync-lead', '@org/mktows-mock']),
    );
    expect(affectedBy('tools/mktows-codegen/src/naming.ts')).not.toContain('@org/mktows-auth');
  });

  it('serves a second `nx run-many -t build` entirely from the cache', () => {
    runNx(['run-many', '-t', 'build', '--output-style=static']);
    const second = runNx(['run-many', '-t', 'build', '--output-style=static']);
    // Nx 24 prints `Cache: 5/5 hit (100%)` (older versions: "read the output from the cache ... for 5 out of 5 tasks")
    const summary = /Cache:\s+(\d+)\/(\d+) hit|for (\d+) out of (\d+) tasks/.exec(second);
    expect(summary, second.slice(-2000)).not.toBeNull();
    const [hits, total] = summary![1] === undefined ? [summary![3], summary![4]] : [summary![1], summary![2]];
    expect(Number(total)).toBeGreaterThanOrEqual(5);
    expect(hits).toBe(total);
  }, 600_000);
});
