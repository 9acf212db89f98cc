// The Nx wiring of the generated packages: the WSDL (for @org/mktows-types) and openapi/** (for
// @org/marketo-rest-types) and the generator's sources are inputs of their generate and build targets; a
// change to one marks exactly that package and what depends on it affected; a repeated build is served
// from the cache.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '@org/test-support';
import { describe, expect, it } from 'vitest';

const nx = path.join(repoRoot, 'node_modules/.bin/nx');

function runNx(args: string[], cwd = repoRoot, env: Record<string, string> = {}): string {
  return execFileSync(nx, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', ...env },
  });
}

const affectedBy = (file: string) => runNx(['show', 'projects', '--affected', `--files=${file}`]).trim().split('\n').sort();

/** `project` and every project that depends on it, directly or not, per Nx's own graph. */
function withDependents(project: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'mktows-nx-graph-'));
  try {
    runNx(['graph', `--file=${path.join(dir, 'graph.json')}`]);
    const { graph } = JSON.parse(readFileSync(path.join(dir, 'graph.json'), 'utf8')) as {
      graph: { dependencies: Record<string, { target: string }[]> };
    };
    const found = new Set([project]);
    let grown = true;
    while (grown) {
      grown = false;
      for (const [name, dependencies] of Object.entries(graph.dependencies)) {
        if (found.has(name) || !dependencies.some((dependency) => found.has(dependency.target))) continue;
        found.add(name);
        grown = true;
      }
    }
    return [...found].sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A copy of the workspace sources (sharing node_modules and the Nx cache), so the builds below never
 * rewrite the dist/ folders other tests of this run are reading.
 */
function copyWorkspace(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'mktows-nx-'));
  const skipped = new Set(['node_modules', 'dist', '.nx', '.git', 'coverage', 'docs']);
  cpSync(repoRoot, copy, { recursive: true, filter: (source) => !skipped.has(path.basename(source)) });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

const GENERATED = [
  {
    project: '@org/mktows-types',
    source: 'wsdl/mktows.wsdl',
    input: '{workspaceRoot}/wsdl/**/*',
    command: 'mktows-codegen generate',
    generatorFile: 'tools/mktows-codegen/src/naming.ts',
    dependents: ['@org/mktows-mock', '@org/sync-lead'],
    unaffected: '@org/mktows-auth',
  },
  {
    project: '@org/marketo-rest-types',
    source: 'openapi/marketo-rest.yaml',
    input: '{workspaceRoot}/openapi/**/*',
    command: 'mktows-codegen openapi generate',
    generatorFile: 'tools/mktows-codegen/src/openapi/render-openapi.ts',
    dependents: ['@org/sync-lead'],
    unaffected: '@org/mktows-types',
  },
] as const;

describe('Nx', () => {
  it.each(GENERATED)('counts $project and exactly its dependents as affected by $source', ({ project, source, dependents, unaffected }) => {
    const affected = affectedBy(source);
    expect(affected).toEqual(expect.arrayContaining([project, ...dependents]));
    expect(affected).not.toContain(unaffected);
    expect(affected).toEqual(withDependents(project));
  });

  it('does not count marketo-rest-types as affected by a WSDL change', () => {
    expect(affectedBy('wsdl/mktows.wsdl')).not.toContain('@org/marketo-rest-types');
  });

  it.each(GENERATED)('has $input and the generator (^production of mktows-codegen) as inputs of $project generate and build', ({ project, input, command }) => {
    const shown = JSON.parse(runNx(['show', 'project', project, '--json'])) as {
      implicitDependencies?: string[];
      targets: Record<string, { inputs?: unknown[]; dependsOn?: unknown[]; options?: { command?: string } }>;
    };
    expect(shown.implicitDependencies).toContain('mktows-codegen');
    for (const target of ['generate', 'build']) {
      expect(shown.targets[target]?.inputs, target).toEqual(expect.arrayContaining([input, '^production']));
      expect(shown.targets[target]?.dependsOn, target).toContain('^build');
    }
    expect(shown.targets.generate?.options?.command).toBe(command);
  });

  it.each(GENERATED)('counts $project and its dependents, not mktows-auth, as affected by a change to $generatorFile', ({ project, generatorFile, dependents }) => {
    const affected = affectedBy(generatorFile);
    expect(affected).toEqual(expect.arrayContaining(['mktows-codegen', project, ...dependents]));
    expect(affected).not.toContain('@org/mktows-auth');
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
