// Generating from Marketo's reference WSDL and from wsdl/mktows.wsdl yields the
// same exported API: every generated module is the same code once comments (doc
// comments, the header) are set aside. Two values differ by design and are set
// aside too: the WSDL text itself (wsdl-document.ts: only its declaration is
// compared) and the service address in metadata.ts (the project may use its own).
import path from 'node:path';
import ts from 'typescript';
import { describe, expect } from 'vitest';
import { itWithShared } from '@org/test-support';
import { makeWorkspace, referenceWsdl, runCli, snapshotFolder } from './support/workspace.js';

/** A module's code without comments, printed uniformly. */
function code(source: string): string {
  const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return ts.createPrinter({ removeComments: true }).printFile(file);
}

/** What a module exports, comparable across the two WSDLs. */
function exportedApi(name: string, source: string): string {
  if (name === 'wsdl-document.ts') return ts.transpileDeclaration(source, { compilerOptions: { removeComments: true } }).outputText;
  return code(source).replace(/address: "[^"]*"/, 'address: "<service address>"');
}

describe('the API generated from the reference WSDL', () => {
  itWithShared('equals the API generated from wsdl/mktows.wsdl', async () => {
    const dir = makeWorkspace();
    expect((await runCli(['generate', '--wsdl', 'wsdl/mktows.wsdl', '--out', 'ours'], dir)).code).toBe(0);
    expect((await runCli(['generate', '--wsdl', referenceWsdl, '--out', 'reference'], dir)).code).toBe(0);
    const ours = snapshotFolder(path.join(dir, 'ours'));
    const reference = snapshotFolder(path.join(dir, 'reference'));
    expect(Object.keys(reference).sort()).toEqual(Object.keys(ours).sort());
    const modules = Object.keys(ours).filter((name) => name.endsWith('.ts'));
    expect(modules).toHaveLength(5);
    for (const name of modules) {
      expect(exportedApi(name, reference[name]!), name).toBe(exportedApi(name, ours[name]!));
    }
    // The declarations are not trivially equal: they carry the whole API.
    expect(exportedApi('types.ts', ours['types.ts']!)).toContain('export interface ParamsSyncLead {');
    expect(exportedApi('operations.ts', ours['operations.ts']!)).toMatch(/soapAction: ["']http:\/\/www\.marketo\.com\/mktows\/syncLead["']/);
    expect(exportedApi('wsdl-document.ts', ours['wsdl-document.ts']!)).toContain('export declare const wsdlDocument: string;');
  });

  itWithShared('notices when the two differ (a changed minOccurs changes the declarations)', async () => {
    const { readFileSync } = await import('node:fs');
    const changed = readFileSync(referenceWsdl, 'utf8').replace(
      '<xs:element name="returnLead" type="xs:boolean" minOccurs="1"',
      '<xs:element name="returnLead" type="xs:boolean" minOccurs="0"',
    );
    const dir = makeWorkspace(changed);
    expect((await runCli(['generate', '--wsdl', 'wsdl/mktows.wsdl', '--out', 'changed'], dir)).code).toBe(0);
    const types = snapshotFolder(path.join(dir, 'changed'))['types.ts']!;
    expect(exportedApi('types.ts', types)).toContain('returnLead?: boolean;');
  });
});
