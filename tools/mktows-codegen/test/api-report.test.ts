// The committed API report of @org/mktows-types (packages/mktows-types/api/mktows-types.api.txt) must
// match the built declarations, so no API change lands without its report diff in review. Reads the
// real tree's dist (built by `npm test` before vitest) and never rebuilds it; the failure cases run on
// temp copies of the declarations.
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderApiReport } from '../src/api-report/render-api-report.js';
import { makeWorkspace, repoRoot, runCli } from './support/workspace.js';

const typesPackage = path.join(repoRoot, 'packages/mktows-types');
const esmEntry = path.join(typesPackage, 'dist/esm/index.d.ts');
const cjsEntry = path.join(typesPackage, 'dist/cjs/index.d.ts');

/** A temp repository root holding a copy of the package's manifest, declarations and committed report. */
function copyPackage(): { root: string; pkg: string } {
  const root = makeWorkspace();
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'root', private: true, workspaces: ['pkg'] }));
  const pkg = path.join(root, 'pkg');
  mkdirSync(pkg);
  cpSync(path.join(typesPackage, 'package.json'), path.join(pkg, 'package.json'));
  cpSync(path.join(typesPackage, 'api'), path.join(pkg, 'api'), { recursive: true });
  cpSync(path.join(typesPackage, 'dist/esm'), path.join(pkg, 'dist/esm'), {
    recursive: true,
    filter: (source) => !/\.(js|map)$/.test(source),
  });
  return { root, pkg };
}

describe('API report of @org/mktows-types', () => {
  it('the committed report matches the built declarations (run `npm run build` first when running this file alone)', async () => {
    expect(existsSync(esmEntry), `${esmEntry} is missing: build first (npx nx run @org/mktows-types:build)`).toBe(true);
    const run = await runCli(['api-report'], repoRoot);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toEqual([
      'mktows-codegen: packages/mktows-types/api/mktows-types.api.txt matches packages/mktows-types/dist/esm/index.d.ts',
    ]);
  });

  it('the CommonJS declarations export exactly the same API as the ESM ones', () => {
    const header = { packageName: '@org/mktows-types', entryDisplay: 'dist/esm/index.d.ts' };
    expect(renderApiReport(cjsEntry, header)).toBe(renderApiReport(esmEntry, header));
  });

  it('fails on an added or removed export, showing the lines and the update command; --update rewrites it', async () => {
    const { root, pkg } = copyPackage();
    const index = path.join(pkg, 'dist/esm/index.d.ts');
    appendFileSync(index, '\nexport declare const addedForTest: number;\n');
    writeFileSync(
      path.join(pkg, 'dist/esm/fault-codes.d.ts'),
      readFileSync(path.join(pkg, 'dist/esm/fault-codes.d.ts'), 'utf8').replace(
        /export declare function findMarketoFaultCode\([^;]*;/,
        '',
      ),
    );
    const check = await runCli(['api-report', '--package', 'pkg'], root);
    expect(check.code).toBe(1);
    expect(check.stderr).toEqual([
      expect.stringMatching(/^- export declare function findMarketoFaultCode\(/),
      '+ export declare const addedForTest: number;',
      `mktows-codegen: pkg/api/mktows-types.api.txt differs from the API of pkg/dist/esm/index.d.ts; review the change, then run: npx nx run @org/mktows-types:build && npx mktows-codegen api-report --package pkg --update`,
    ]);

    expect((await runCli(['api-report', '--package', 'pkg', '--update'], root)).code).toBe(0);
    expect(readFileSync(path.join(pkg, 'api/mktows-types.api.txt'), 'utf8')).toContain(
      '\nexport declare const addedForTest: number;\n',
    );
    expect((await runCli(['api-report', '--package', 'pkg'], root)).code).toBe(0);
  });

  it('fails when the report is missing, and with one line when the package is not built', async () => {
    const { root, pkg } = copyPackage();
    rmSync(path.join(pkg, 'api'), { recursive: true });
    const missing = await runCli(['api-report', '--package', 'pkg'], root);
    expect(missing.code).toBe(1);
    expect(missing.stderr.at(-1)).toMatch(/^mktows-codegen: pkg\/api\/mktows-types\.api\.txt is missing; review/);

    rmSync(path.join(pkg, 'dist'), { recursive: true });
    const unbuilt = await runCli(['api-report', '--package', 'pkg'], root);
    expect(unbuilt.code).toBe(1);
    expect(unbuilt.stderr).toEqual([
      'mktows-codegen: pkg/dist/esm/index.d.ts: not found: build the package first (npx nx run @org/mktows-types:build)',
    ]);
  });
});
