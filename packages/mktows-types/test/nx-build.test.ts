// The Nx wiring of @org/mktows-types: the WSDL and the generator's sources are inputs of its
// generate and build targets, a WSDL or generator change marks it (and what depends on it)
// affected, and a repeated build is served from the cache.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@org/test-support';

const nx = path.join(repoRoot, 'node_modules/.bin/nx');

function runNx(args: string[], cwd = repoRoot, env: Record<string, string> = {}): string {
  return execFileSync(nx, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', ...env },
  });
}

/**
 * A copy of the workspace sources (sharing node_modules and the Nx cache), so the builds
 * below never rewrite the dist/ folders other tests of this run are reading.
 */
function copyWorkspace(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'mktows-nx-'));
  const skipped = new Set(['node_modules', 'dist', '.nx', '.git', 'coverage', 'docs']);
  cpSync(repoRoot, copy, { recursive: true, filter: (source) => !skipped.has(path.basename(source)) });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

const affectedBy = (file: string) => runNx(['show', 'projects', '--affected', `--files=${file}`]).trim().split('\n').sort();

describe('Nx', () => {
  it('counts mktows-types and its dependents as affected by a WSDL change, and nothing else', () => {
    const affected = affectedBy('wsdl/mktows.wsdl');
    expect(affected).toEqual(expect.arrayContaining(['@org/mktows-mock', '@org/mktows-types', '@org/sync-lead']));
    // Exactly mktows-types plus every project that depends on it, directly or not, per Nx's own graph.
    const dir = mkdtempSync(path.join(tmpdir(), 'mktows-nx-graph-'));
    try {
      runNx(['graph', `--file=${path.join(dir, 'graph.json')}`]);
      const { graph } = JSON.parse(readFileSync(path.join(dir, 'graph.json'), 'utf8')) as {
        graph: { dependencies: Record<string, { target: string }[]> };
      };
      const dependents = new Set(['@org/mktows-types']);
      let grown = true;
      while (grown) {
        grown = false;
        for (const [project, dependencies] of Object.entries(graph.dependencies)) {
          const dependsOnOne = dependencies.some((dependency) => dependents.has(dependency.target));
          if (dependents.has(project) || !dependsOnOne) continue;
          dependents.add(project);
          grown = true;
        }
      }
      expect(affected).toEqual([...dependents].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has wsdl/** and the generator sources (^production of mktows-codegen) as inputs of generate and build', () => {
    const project = JSON.parse(runNx(['show', 'project', '@org/mktows-types', '--json'])) as {
      implicitDependencies?: string[];
      targets: Record<string, { inputs?: unknown[]; dependsOn?: unknown[]; options?: { command?: string } }>;
    };
    expect(project.implicitDependencies).toContain('mktows-codegen');
    for (const target of ['generate', 'build']) {
      expect(project.targets[target]?.inputs, target).toEqual(
        expect.arrayContaining(['{workspaceRoot}/wsdl/**/*', '^production']),
      );
      expect(project.targets[target]?.dependsOn, target).toContain('^build');
    }
    expect(project.targets.generate?.options?.command).toBe('mktows-codegen generate');
  });

  it('counts mktows-types as affected by a generator change', () => {
    expect(affectedBy('tools/mktows-codegen/src/naming.ts')).toEqual(
      expect.arrayContaining(['mktows-codegen', '@org/mktows-types', '@org/sync-lead', '@org/mktows-mock']),
    );
    expect(affectedBy('tools/mktows-codegen/src/naming.ts')).not.toContain('@org/mktows-auth');
  });

  it('serves a second `nx run-many -t build` entirely from the cache', () => {
    const copy = copyWorkspace();
    const cache = { NX_CACHE_DIRECTORY: path.join(repoRoot, '.nx/cache') };
    let second: string;
    try {
      runNx(['run-many', '-t', 'build', '--output-style=static'], copy, cache);
      second = runNx(['run-many', '-t', 'build', '--output-style=static'], copy, cache);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    // Nx 24 prints `Cache: 5/5 hit (100%)` (older versions: "read the output from the cache ... for 5 out of 5 tasks")
    const summary = /Cache:\s+(\d+)\/(\d+) hit|for (\d+) out of (\d+) tasks/.exec(second);
    expect(summary, second.slice(-2000)).not.toBeNull();
    const [hits, total] = summary![1] === undefined ? [summary![3], summary![4]] : [summary![1], summary![2]];
    expect(Number(total)).toBeGreaterThanOrEqual(5);
    expect(hits).toBe(total);
  }, 600_000);
});
