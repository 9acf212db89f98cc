// The committed API report of @org/marketo-rest-types matches its built declarations (the same
// `mktows-codegen api-report` check as @org/mktows-types), and the CommonJS build exports the same API.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderApiReport } from '../src/api-report/render-api-report.js';
import { repoRoot, runCli } from './support/workspace.js';

const restTypes = path.join(repoRoot, 'packages/marketo-rest-types');

describe('API report of @org/marketo-rest-types', () => {
  it('the committed report matches the built declarations (run `npm run build` first when running this file alone)', async () => {
    const entry = path.join(restTypes, 'dist/esm/index.d.ts');
    expect(existsSync(entry), `${entry} is missing: build first (npx nx run @org/marketo-rest-types:build)`).toBe(true);
    const run = await runCli(['api-report', '--package', 'packages/marketo-rest-types'], repoRoot);
    expect(run.stderr).toEqual([]);
    expect(run.stdout).toEqual([
      'mktows-codegen: packages/marketo-rest-types/api/marketo-rest-types.api.txt matches packages/marketo-rest-types/dist/esm/index.d.ts',
    ]);
    expect(run.code).toBe(0);
  });

  it('the CommonJS declarations export exactly the same API as the ESM ones', () => {
    const header = { packageName: '@org/marketo-rest-types', entryDisplay: 'dist/esm/index.d.ts' };
    expect(renderApiReport(path.join(restTypes, 'dist/cjs/index.d.ts'), header)).toBe(
      renderApiReport(path.join(restTypes, 'dist/esm/index.d.ts'), header),
    );
  });
});
