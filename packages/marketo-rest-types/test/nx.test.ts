// The Nx wiring of @org/marketo-rest-types: openapi/** is an input of its generate and build targets, a
// change to the YAML marks it and exactly what depends on it affected (and a WSDL change does not).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@org/test-support';

const nx = path.join(repoRoot, 'node_modules/.bin/nx');

function runNx(args: string[]): string {
  return execFileSync(nx, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' },
  });
}

const affectedBy = (file: string) => runNx(['show', 'projects', '--affected', `--files=${file}`]).trim().split('\n').sort();

/** `project` and every project that depends on it, directly or not, per Nx's own graph. */
function withDependents(project: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'rest-types-nx-graph-'));
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

describe('Nx', () => {
  it('counts marketo-rest-types and exactly its dependents (sync-lead among them) as affected by the YAML', () => {
    const affected = affectedBy('openapi/marketo-rest.yaml');
    expect(affected).toEqual(expect.arrayContaining(['@org/marketo-rest-types', '@org/sync-lead']));
    expect(affected).not.toContain('@org/mktows-types');
    expect(affected).toEqual(withDependents('@org/marketo-rest-types'));
  });

  it('does not count marketo-rest-types as affected by a WSDL change', () => {
    expect(affectedBy('wsdl/mktows.wsdl')).not.toContain('@org/marketo-rest-types');
  });

  it('has openapi/** and the generator (^production of mktows-codegen) as inputs of generate and build', () => {
    const project = JSON.parse(runNx(['show', 'project', '@org/marketo-rest-types', '--json'])) as {
      implicitDependencies?: string[];
      targets: Record<string, { inputs?: unknown[]; dependsOn?: unknown[]; options?: { command?: string } }>;
    };
    expect(project.implicitDependencies).toContain('mktows-codegen');
    for (const target of ['generate', 'build']) {
      expect(project.targets[target]?.inputs, target).toEqual(
        expect.arrayContaining(['{workspaceRoot}/openapi/**/*', '^production']),
      );
      expect(project.targets[target]?.dependsOn, target).toContain('^build');
    }
    expect(project.targets.generate?.options?.command).toBe('mktows-codegen openapi generate');
    expect(affectedBy('tools/mktows-codegen/src/openapi/render-openapi.ts')).toContain('@org/marketo-rest-types');
  });
});
