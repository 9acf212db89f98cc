#!/usr/bin/env node
// Builds the package in the current directory twice from the same sources:
// ESM into dist/esm and CommonJS into dist/cjs, each with its own .d.ts, so the
// `exports` map can give every condition its own types (attw checks this).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const cwd = process.cwd();

function run(args) {
  const result = spawnSync(process.execPath, [tsc, ...args], { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync(join(cwd, 'dist'), { recursive: true, force: true });
run(['-p', 'tsconfig.build.json', '--outDir', 'dist/esm']);
writeFileSync(join(cwd, 'dist/esm/package.json'), '{ "type": "module" }\n');
if (!process.argv.includes('--esm-only')) {
  run(['-p', 'tsconfig.build.json', '--outDir', 'dist/cjs', '--module', 'commonjs', '--moduleResolution', 'node10', '--verbatimModuleSyntax', 'false']);
  mkdirSync(join(cwd, 'dist/cjs'), { recursive: true });
  writeFileSync(join(cwd, 'dist/cjs/package.json'), '{ "type": "commonjs" }\n');
}
if (!existsSync(join(cwd, 'dist/esm'))) process.exit(1);
