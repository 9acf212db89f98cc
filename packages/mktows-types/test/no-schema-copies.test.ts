// Schema facts live in generated code only: the namespace URI, the enumeration value lists (ForeignSysType's
// among them), the LeadRecord fields and the XML Schema types the generated code reads as numbers. Every other
// git-tracked source file (src, test, bin, scripts, bench, tools) imports them, so a WSDL change needs a
// regeneration, not a hunt for copies. Markdown and API reports are documentation, not code, and are not read.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { FIELD_NAMES, MKTOWS_NAMESPACE, XSD_NUMBER_TYPES } from '../src/index.js';

const repoRoot = execFileSync('git', ['rev-parse', '--show-toplevel'], {
  cwd: path.dirname(fileURLToPath(import.meta.url)),
  encoding: 'utf8',
}).trim();

const SOURCE_FILE = /\.(?:ts|mts|cts|js|mjs|cjs)$/;
const GENERATED = /(?:^|\/)src\/generated\//;

/** The generator's own XML Schema table: where XSD_NUMBER_TYPES comes from, so the origin and not a copy. */
const NUMBER_TYPES_ORIGIN = 'tools/mktows-codegen/src/xsd-builtins.ts';

/** Every git-tracked hand-written source file, by path from the repository root. */
function handWrittenFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0')
    .filter((file) => SOURCE_FILE.test(file) && !GENERATED.test(file));
}

/**
 * A pattern for two values of `list` written one after the other as string literals, in a list (`,`) or a union
 * (`|`): the start of a copy. (Backticks are left out: documentation names values in backticks.)
 */
function copiedList(list: readonly string[], inARow = 2): RegExp {
  const value = `['"](?:${list.map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})['"]`;
  return new RegExp(`${value}(?:\\s*[,|]\\s*${value}){${inARow - 1}}`);
}

interface Fact {
  what: string;
  use: string;
  found: (text: string) => boolean;
  /** Files allowed to hold it besides generated code. */
  origins?: readonly string[];
}

/** The enumerations whose value lists hand-written code used to copy. */
const enumLists = (['FOREIGN_SYS_TYPE_VALUES'] as const).map((name) => ({ name, values: api[name] }));

const FACTS: readonly Fact[] = [
  { what: 'the namespace URI', use: 'MKTOWS_NAMESPACE', found: (text) => text.includes(MKTOWS_NAMESPACE) },
  ...enumLists.map(({ name, values }) => ({
    what: `values of ${name}`,
    use: name,
    found: (text: string) => copiedList(values).test(text),
  })),
  {
    what: 'the LeadRecord fields',
    use: 'FIELD_NAMES.LeadRecord',
    // Three in a row make a field list; two are often a test's expectation about one record.
    found: (text) => copiedList(FIELD_NAMES.LeadRecord, 3).test(text),
  },
  {
    what: 'the XML Schema number types',
    use: 'XSD_NUMBER_TYPES',
    found: (text) => copiedList(XSD_NUMBER_TYPES.filter((type) => /[A-Z]/.test(type))).test(text),
    origins: [NUMBER_TYPES_ORIGIN],
  },
];

/** The schema facts `text` (the content of `file`) writes out again, as `file: what (use ...)`. */
function copiesIn(file: string, text: string): string[] {
  return FACTS.filter((fact) => !fact.origins?.includes(file) && fact.found(text)).map(
    (fact) => `${file}: ${fact.what} (import ${fact.use} from @org/mktows-types)`,
  );
}

/** `values` written out as a hand-written array literal. */
function literalList(values: readonly string[]): string {
  return `[${values.map((value) => `'${value}'`).join(', ')}]`;
}

describe('schema facts outside generated code', () => {
  const files = handWrittenFiles();

  it('reads the hand-written sources of every kind and leaves generated code out', () => {
    expect(files).toContain('packages/mktows-types/src/client-wsdl.ts');
    expect(files).toContain('packages/mktows-mock/src/fault-envelope.ts');
    expect(files).toContain('packages/mktows-types/test/no-schema-copies.test.ts');
    expect(files).toContain(NUMBER_TYPES_ORIGIN);
    expect(files.some((file) => file.endsWith('.mjs'))).toBe(true);
    expect(files.some((file) => file.includes('/generated/'))).toBe(false);
    expect(enumLists.map((list) => list.name)).toContain('FOREIGN_SYS_TYPE_VALUES');
  });

  it('are not written out again by hand-written code, tests included', () => {
    const copies = files.flatMap((file) => copiesIn(file, readFileSync(path.join(repoRoot, file), 'utf8')));
    expect(copies).toEqual([]);
  });

  it('would be noticed if a copy came back', () => {
    const file = 'packages/example/src/copy.ts';
    expect(copiesIn(file, `const NS = '${MKTOWS_NAMESPACE}';`)).toHaveLength(1);
    expect(copiesIn(file, `const TYPES = Object.freeze(${literalList(api.FOREIGN_SYS_TYPE_VALUES)});`)).toEqual([
      `${file}: values of FOREIGN_SYS_TYPE_VALUES (import FOREIGN_SYS_TYPE_VALUES from @org/mktows-types)`,
    ]);
    const union = api.FOREIGN_SYS_TYPE_VALUES.map((value) => `'${value}'`).join(' | ');
    expect(copiesIn(file, `type ForeignSysType = ${union};`)).toHaveLength(1);
    expect(copiesIn(file, `for (const name of ${literalList(FIELD_NAMES.LeadRecord.slice(1, 4))})`)).toHaveLength(1);
    expect(copiesIn(file, `toEqual(${literalList(FIELD_NAMES.LeadRecord.slice(0, 2))})`)).toEqual([]);
    expect(copiesIn(file, literalList(XSD_NUMBER_TYPES).replaceAll(', ', ',\n  '))).toHaveLength(1);
    expect(copiesIn(NUMBER_TYPES_ORIGIN, literalList(XSD_NUMBER_TYPES))).toEqual([]);
    // A single value in code, or values named in documentation, are not copies of a list.
    expect(copiesIn(file, `store.findByForeignId('${api.FOREIGN_SYS_TYPE_VALUES[1]}', keyValue)`)).toEqual([]);
    expect(copiesIn(file, `/** One of ${api.FOREIGN_SYS_TYPE_VALUES.map((value) => `\`${value}\``).join(', ')}. */`)).toEqual([]);
  });
});
