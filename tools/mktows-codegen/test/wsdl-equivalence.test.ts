// Proves that wsdl/mktows.wsdl describes the same API as Marketo's published 2_2 WSDL: both are read by the
// generator's one WSDL front end (src/wsdl/read-wsdl.ts) into equal models (documentation aside), and the
// API diff between them (`mktows-codegen diff`) reports nothing but documentation. The mutations below,
// made in memory on the project WSDL, show that the proof catches the kinds of drift that matter.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { itWithShared, repoRoot, sharedPath } from '@org/test-support';
import { describe, expect, it } from 'vitest';
import { diffWsdl, diffWsdlModels, type ApiChange } from '../src/diff/index.js';
import type { WsdlModel } from '../src/wsdl/model.js';
import { readWsdl } from '../src/wsdl/read-wsdl.js';

const projectWsdlPath = path.join(repoRoot, 'wsdl/mktows.wsdl');
const referenceWsdlPath = sharedPath('wsdl/marketo-mktows-2_2.wsdl');

const q = (local: string) => `{${MKT}}${local}`;
const BINDING = 'MktowsApiSoapBinding';

const projectText = readFileSync(projectWsdlPath, 'utf8');
const project = readWsdl(projectText, 'wsdl/mktows.wsdl');
const MKT = project.targetNamespace;

/** Replaces exactly one occurrence of `from`, so that a mutation can never silently do nothing. */
function mutate(text: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === 'string' ? text.split(from).length - 1 : [...text.matchAll(new RegExp(from, 'g'))].length;
  expect(count, `mutation target ${String(from)} must occur exactly once`).toBe(1);
  return text.replace(from, to);
}

/** A model without its documentation: what describes the API. */
function api(model: WsdlModel): Omit<WsdlModel, 'documentation'> {
  const { documentation: _documentation, ...rest } = model;
  return rest;
}

/** The API changes from `before` to `after`, documentation changes aside. */
function apiChanges(before: string, after: string): ApiChange[] {
  const diff = diffWsdl({ text: before, source: 'before' }, { text: after, source: 'after' });
  return diff.changes.filter((change) => change.kind !== 'documentation-changed');
}

/** What a mutated copy of the project WSDL changes: the API diff from the project, and whether the models differ. */
function driftAfter(mutated: string): { changes: ApiChange[]; sameModel: boolean } {
  const model = readWsdl(mutated, 'mutated mktows.wsdl');
  const changes = diffWsdlModels(project, model).changes.filter((change) => change.kind !== 'documentation-changed');
  return { changes, sameModel: JSON.stringify(api(model)) === JSON.stringify(api(project)) };
}

function operationsOf(model: WsdlModel) {
  const binding = model.bindings[BINDING];
  if (!binding) throw new Error(`binding ${BINDING} not found`);
  return binding.operations;
}

describe('wsdl/mktows.wsdl against the reference WSDL', () => {
  itWithShared(`describes the same API as ${referenceWsdlPath} (equal models, no API change)`, () => {
    const referenceText = readFileSync(referenceWsdlPath, 'utf8');
    const reference = readWsdl(referenceText, referenceWsdlPath);
    // Both ways: every change kind the diff knows, the endpoint address included, in either direction.
    expect(apiChanges(referenceText, projectText)).toEqual([]);
    expect(apiChanges(projectText, referenceText)).toEqual([]);
    // And the whole model, including what never reaches the wire (port type and message names).
    expect(api(project)).toEqual(api(reference));
    // Nothing was left out of the comparison by accident: the full schema and all operations were read.
    expect(Object.keys(reference.complexTypes)).toHaveLength(127);
    expect(Object.keys(reference.simpleTypes)).toHaveLength(15);
    expect(Object.keys(reference.elements)).toHaveLength(48);
    expect(Object.keys(reference.messages)).toHaveLength(48);
    expect(Object.keys(operationsOf(reference))).toHaveLength(23);
  });
});

describe('wsdl/mktows.wsdl', () => {
  it('declares the 23 mktows operations, each with its soapAction and the authentication header', () => {
    const operations = operationsOf(project);
    expect(Object.keys(operations)).toHaveLength(23);
    for (const [operationName, operation] of Object.entries(operations)) {
      expect(operation.soapAction).toBe(`${MKT}${operationName}`);
      expect(operation.style).toBe('document');
      expect(operation.input.headers[0]).toEqual({
        message: q('AuthenticationHeader'),
        part: 'authentication',
        element: q('AuthenticationHeader'),
        use: 'literal',
      });
    }
  });

  it('declares both headers on syncLead and only the authentication header elsewhere', () => {
    const operations = operationsOf(project);
    expect(operations.syncLead?.input.headers.map((header) => header.element)).toEqual([
      q('AuthenticationHeader'),
      q('MktowsContextHeader'),
    ]);
    const withContext = Object.entries(operations)
      .filter(([, operation]) => operation.input.headers.some((header) => header.part === 'mktowsContext'))
      .map(([operationName]) => operationName);
    expect(withContext).toEqual(['syncLead']);
  });

  it('is parsed by soap 1.13 into the same 23 operations', async () => {
    const soap = await import('soap');
    const wsdl = new soap.WSDL(projectText, 'mktows.wsdl', {});
    // soap calls back with no error on success, although its typing says `Error`.
    await new Promise<void>((resolve, reject) =>
      wsdl.onReady((error: Error | undefined) => (error ? reject(error) : resolve())),
    );
    const services = wsdl.describeServices() as Record<string, Record<string, Record<string, unknown>>>;
    const port = services.MktMktowsApiService?.MktowsApiSoapPort ?? {};
    expect(Object.keys(port).sort()).toEqual(Object.keys(operationsOf(project)).sort());
  });
});

describe('the comparison catches drift in mutated copies of wsdl/mktows.wsdl', () => {
  it('reports nothing for an unmodified copy with other prefixes', () => {
    const renamed = projectText
      .replace(/xmlns:mkt=/g, 'xmlns:m2=')
      .replace(/"mkt:/g, '"m2:')
      .replace(/xmlns:xsd=/g, 'xmlns:s=')
      .replace(/<(\/?)xsd:/g, '<$1s:')
      .replace(/"xsd:/g, '"s:');
    expect(renamed).not.toContain('mkt:');
    expect(driftAfter(renamed)).toEqual({ changes: [], sameModel: true });
  });

  const cases: { name: string; mutated: () => string; kind: ApiChange['kind']; path: string }[] = [
    {
      name: 'a changed minOccurs',
      mutated: () =>
        mutate(
          projectText,
          '<xsd:element name="marketoCookie" type="xsd:string" minOccurs="0"',
          '<xsd:element name="marketoCookie" type="xsd:string" minOccurs="1"',
        ),
      kind: 'property-made-required',
      path: 'types.ParamsSyncLead.marketoCookie',
    },
    {
      name: 'a removed enumeration value',
      mutated: () => mutate(projectText, /\s*<xsd:enumeration value="NETSUITE"\/>/, ''),
      kind: 'enum-value-removed',
      path: 'types.ForeignSysType["NETSUITE"]',
    },
    {
      name: 'a missing operation',
      mutated: () => {
        const text = mutate(
          projectText,
          /\s*<wsdl:operation name="getTags">\s*<wsdl:documentation>[\s\S]*?<\/wsdl:operation>/,
          '',
        );
        return mutate(text, /\s*<wsdl:operation name="getTags">\s*<soap:operation[\s\S]*?<\/wsdl:operation>/, '');
      },
      kind: 'operation-removed',
      path: 'operations.getTags',
    },
    {
      name: 'a changed child order',
      mutated: () =>
        mutate(
          projectText,
          /(<xsd:element name="leadRecord" type="mkt:LeadRecord" minOccurs="1"[\s\S]*?<\/xsd:element>)(\s*)(<xsd:element name="returnLead"[\s\S]*?<\/xsd:element>)/,
          '$3$2$1',
        ),
      kind: 'properties-reordered',
      path: 'types.ParamsSyncLead',
    },
    {
      name: 'a changed soapAction',
      mutated: () =>
        mutate(projectText, `soapAction="${MKT}syncLead"`, 'soapAction="urn:syncLead"'),
      kind: 'operation-soap-action-changed',
      path: 'operations.syncLead.soapAction',
    },
    {
      name: 'a changed nillable',
      mutated: () =>
        mutate(
          projectText,
          'name="ForeignSysType" type="mkt:ForeignSysType" minOccurs="0" maxOccurs="1" nillable="true"',
          'name="ForeignSysType" type="mkt:ForeignSysType" minOccurs="0" maxOccurs="1" nillable="false"',
        ),
      kind: 'property-made-non-nillable',
      path: 'types.LeadRecord.ForeignSysType',
    },
    {
      name: 'a changed soap:address',
      mutated: () => mutate(projectText, /location="[^"]*"/, 'location="http://127.0.0.1:1/soap/mktows/2_2"'),
      kind: 'endpoint-address-changed',
      path: 'services.MktMktowsApiService.MktowsApiSoapPort.address',
    },
  ];

  for (const { name, mutated, kind, path: changePath } of cases) {
    it(`reports ${name}, as exactly that change`, () => {
      const drift = driftAfter(mutated());
      expect(drift.changes.map((change) => [change.kind, change.path])).toEqual([[kind, changePath]]);
      expect(drift.sameModel).toBe(false);
    });
  }

  it('sees a renamed port type, which no API diff reports (it never reaches the wire), in the models', () => {
    let mutated = mutate(projectText, '<wsdl:portType name="MktowsPort">', '<wsdl:portType name="MktowsPortType">');
    mutated = mutate(mutated, 'type="mkt:MktowsPort"', 'type="mkt:MktowsPortType"');
    expect(driftAfter(mutated)).toEqual({ changes: [], sameModel: false });
  });
});
