import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createAuthenticationHeader,
  createAuthenticationHeaderAsync,
  signRequest,
  signRequestAsync,
} from '../src/index.js';
import { PINNED_VECTORS } from './fixed-vectors.js';
import type { TranspiledPackage } from './support/transpiled-package.js';
import { sourceDir, transpilePackage } from './support/transpiled-package.js';
import { generateVectors } from './support/vectors.js';

const GENERATED = generateVectors(160);
const VECTORS = [
  ...PINNED_VECTORS.map(({ userId, secretKey, timestamp }) => ({ userId, secretKey, timestamp })),
  ...GENERATED,
];

describe('signRequestAsync (Web Crypto) in this process', () => {
  it('matches the pinned signatures', async () => {
    for (const vector of PINNED_VECTORS) expect(await signRequestAsync(vector)).toBe(vector.signature);
  });

  it('matches signRequest (node:crypto) on 160 generated vectors', async () => {
    const asyncSignatures = await Promise.all(GENERATED.map((vector) => signRequestAsync(vector)));
    expect(asyncSignatures).toEqual(GENERATED.map((vector) => signRequest(vector)));
  });

  it('createAuthenticationHeaderAsync equals createAuthenticationHeader for the same clock', async () => {
    const options = {
      userId: 'm\u00fcller_\u65e5\u672c',
      secretKey: 'cl\u00e9-\u{1F511}',
      now: () => new Date('2024-02-29T18:14:59.999Z'),
      offsetMinutes: 345,
    };
    const header = await createAuthenticationHeaderAsync(options);
    expect(header).toStrictEqual(createAuthenticationHeader(options));
    expect(header.requestTimestamp).toBe('2024-02-29T23:59:59+05:45');
  });

  it('rejects with a clear error when the runtime has no Web Crypto', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true });
    try {
      await expect(signRequestAsync(VECTORS[0]!)).rejects.toThrow(/globalThis\.crypto\.subtle/);
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'crypto', descriptor);
    }
  });
});

// Resolves an import specifier of one source file to the source file it names.
const IMPORT_SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const source = readFileSync(join(sourceDir, file), 'utf8');
  return [...source.matchAll(IMPORT_SPECIFIER)].map((match) => match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
}

/** Every module specifier reachable from `entry` through relative imports (type-only imports included). */
function reachableSpecifiers(entry: string): { files: Set<string>; external: Set<string> } {
  const files = new Set<string>();
  const external = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('./')) pending.push(specifier.slice(2).replace(/\.js$/, '.ts'));
      else external.add(specifier);
    }
  }
  return { files, external };
}

describe('the @org/mktows-auth/webcrypto entry', () => {
  it('reaches no external module at all (no node:crypto, no node:util, no dependencies)', () => {
    const { files, external } = reachableSpecifiers('webcrypto.ts');
    expect(files).toContain('sign-webcrypto.ts');
    expect(files).not.toContain('sign-node.ts');
    expect([...external]).toEqual([]);
  });

  it('the import scan does see node:crypto from the main entry (so the check above can fail)', () => {
    expect([...reachableSpecifiers('index.ts').external]).toEqual(['node:crypto']);
  });
});

// Child processes in which no node: builtin can be loaded and Buffer does not exist, like an edge runtime
// that only has globalThis.crypto.subtle. ESM is blocked with a resolve hook, CJS by wrapping Module._load.
const BLOCKED_CHECK = `
const builtins = new Set(${JSON.stringify(builtinModules)});
const isBlocked = (specifier) => specifier.startsWith('node:') || builtins.has(specifier);`;
const BLOCK_ESM_HOOKS = `${BLOCKED_CHECK}
export async function resolve(specifier, context, next) {
  if (isBlocked(specifier)) throw new Error('BLOCKED: ' + specifier);
  return next(specifier, context);
}`;
const BLOCK_ESM = `
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(BLOCK_ESM_HOOKS)}));
delete globalThis.Buffer;`;
const BLOCK_CJS = `
const Module = require('node:module');
${BLOCKED_CHECK}
const load = Module._load;
Module._load = function (request, ...rest) {
  if (isBlocked(request)) throw new Error('BLOCKED: ' + request);
  return load.call(this, request, ...rest);
};
delete globalThis.Buffer;`;

function childScript(load: string): string {
  return `
    let input = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => { input += chunk; });
    process.stdin.on('end', async () => {
      try {
        const auth = ${load};
        const vectors = JSON.parse(input);
        const signatures = [];
        for (const vector of vectors) signatures.push(await auth.signRequestAsync(vector));
        const header = await auth.createAuthenticationHeaderAsync({
          userId: 'u', secretKey: 'k', now: () => new Date('2013-07-31T19:38:47Z'), offsetMinutes: -420 });
        process.stdout.write(JSON.stringify({ signatures, header, hasBuffer: typeof Buffer !== 'undefined' }));
      } catch (error) {
        process.stdout.write(JSON.stringify({ error: String(error && error.message) }));
      }
    });`;
}

interface ChildResult {
  signatures?: string[];
  header?: unknown;
  hasBuffer?: boolean;
  error?: string;
}

function runBlocked(kind: 'esm' | 'cjs', entryFile: string): ChildResult {
  const dir = kind === 'esm' ? transpiled.esmDir : transpiled.cjsDir;
  const entryPath = join(dir, entryFile);
  const args =
    kind === 'esm'
      ? [
          '--import',
          `data:text/javascript,${encodeURIComponent(BLOCK_ESM)}`,
          '--input-type=module',
          '-e',
          childScript(`await import(${JSON.stringify(pathToFileURL(entryPath).href)})`),
        ]
      : ['-e', `${BLOCK_CJS}\n${childScript(`require(${JSON.stringify(entryPath)})`)}`];
  const run = spawnSync(process.execPath, args, { input: JSON.stringify(VECTORS), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`child failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ChildResult;
}

let transpiled: TranspiledPackage;
beforeAll(() => {
  transpiled = transpilePackage();
});
afterAll(() => transpiled.remove());

describe.each(['esm', 'cjs'] as const)(
  'the webcrypto entry (%s) with no node: builtins (node:crypto included) and no Buffer',
  (kind) => {
    it('signs every vector exactly like signRequest', () => {
      const result = runBlocked(kind, 'webcrypto.js');
      expect(result.error).toBeUndefined();
      expect(result.hasBuffer).toBe(false);
      expect(result.signatures).toEqual(VECTORS.map((vector) => signRequest(vector)));
      expect(result.header).toStrictEqual(
        createAuthenticationHeader({
          userId: 'u',
          secretKey: 'k',
          now: () => new Date('2013-07-31T19:38:47Z'),
          offsetMinutes: -420,
        }),
      );
    });

    it('control: the main entry does fail there, so the block is real', () => {
      expect(runBlocked(kind, 'index.js').error).toMatch(/BLOCKED: node:crypto/);
    });
  },
);
