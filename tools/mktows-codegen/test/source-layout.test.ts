// The generator's sources keep the shape issue 13 gave them: small files, one error type, and one of each
// piece of the WSDL front end (one XML parser set-up, one QName resolver, one table of XML Schema built-ins,
// one place for the namespace URIs), so the generator and the diff cannot drift apart again.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/workspace.js';

const srcDir = path.join(repoRoot, 'tools/mktows-codegen/src');
const sources = (readdirSync(srcDir, { recursive: true }) as string[])
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name: name.split(path.sep).join('/'), text: readFileSync(path.join(srcDir, name), 'utf8') }));

/** The source files whose text matches `pattern`. */
function filesMatching(pattern: RegExp): string[] {
  return sources.filter((source) => pattern.test(source.text)).map((source) => source.name);
}

describe('tools/mktows-codegen/src', () => {
  it('has only hand-written files of at most 300 lines', () => {
    expect(sources.length).toBeGreaterThan(20);
    const long = sources
      .map((source) => ({
        name: source.name,
        lines: source.text.split('\n').length - (source.text.endsWith('\n') ? 1 : 0),
      }))
      .filter((source) => source.lines > 300);
    expect(long).toEqual([]);
  });

  it('has one error class, CodegenError', () => {
    expect(filesMatching(/\bclass\s+\w+\s+extends\s+\w*Error\b/)).toEqual(['errors.ts']);
    expect(
      sources.flatMap((source) =>
        [...source.text.matchAll(/\bclass\s+(\w+)\s+extends\s+\w*Error\b/g)].map((m) => m[1]),
      ),
    ).toEqual(['CodegenError']);
  });

  it('has one XML parser set-up, one QName resolver, one XML Schema built-in table and one namespace table', () => {
    expect(filesMatching(/new DOMParser\b/)).toEqual(['wsdl/xml.ts']);
    expect(filesMatching(/lookupNamespaceURI\(/)).toEqual(['wsdl/references.ts']);
    // Any of the less common built-ins would show up in a second list.
    for (const builtin of ['nonNegativeInteger', 'gMonthDay', 'NMTOKENS', 'unsignedShort']) {
      expect(filesMatching(new RegExp(`['"]${builtin}['"]`)), builtin).toEqual(['xsd-builtins.ts']);
    }
    for (const namespace of ['http://schemas.xmlsoap.org/wsdl/', 'http://www.w3.org/2001/XMLSchema']) {
      expect(filesMatching(new RegExp(`['"\`]${namespace.replace(/[./]/g, '\\$&')}['"\`]`)), namespace).toEqual([
        'wsdl/namespaces.ts',
      ]);
    }
  });

  it('reads WSDLs without soap or wsdl-tsclient (those are independent checks in the tests)', () => {
    expect(filesMatching(/from ['"](soap|wsdl-tsclient)['"]/)).toEqual([]);
  });
});
