// Transpiles the package's src/ into a temporary directory, as ESM and as CJS (like the real build), so
// tests can run the sources in child processes (other zones, node:crypto blocked) without a prior build.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';

/** Where the transpiled entry points are, and how to remove them. */
export interface TranspiledPackage {
  /** Directory holding the ESM files (`index.js`, `webcrypto.js`, ...). */
  esmDir: string;
  /** Directory holding the CommonJS files. */
  cjsDir: string;
  /** Deletes the temporary directory. */
  remove(): void;
}

/** The package's `src/` directory. */
export const sourceDir = fileURLToPath(new URL('../../src', import.meta.url));

function emit(outDir: string, module: ts.ModuleKind, type: 'module' | 'commonjs'): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type }));
  for (const file of readdirSync(sourceDir).filter((name) => name.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(join(sourceDir, file), 'utf8'), {
      compilerOptions: { module, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    });
    writeFileSync(join(outDir, file.replace(/\.ts$/, '.js')), outputText);
  }
}

/** Transpiles src/ into a fresh temporary directory. */
export function transpilePackage(): TranspiledPackage {
  const root = mkdtempSync(join(tmpdir(), 'mktows-auth-'));
  const esmDir = join(root, 'esm');
  const cjsDir = join(root, 'cjs');
  emit(esmDir, ts.ModuleKind.ES2022, 'module');
  emit(cjsDir, ts.ModuleKind.CommonJS, 'commonjs');
  return { esmDir, cjsDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
