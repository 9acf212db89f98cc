// Proves that wsdl/mktows.wsdl describes the same API as Marketo's published 2_2 WSDL, and that the
// comparison used for that proof catches the kinds of drift that matter (each mutation below is made
// in memory on the project WSDL and must be reported as exactly the difference it introduced).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  canonicalizeWsdl,
  canonicalizeWsdlFile,
  compareCanonicalWsdl,
  formatWsdlDifferences,
  WsdlCanonicalError,
  type CanonicalWsdl,
  type WsdlDifference,
} from '../src/wsdl-canonical.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const projectWsdlPath = path.join(repoRoot, 'wsdl/mktows.wsdl');
const referenceWsdlPath = path.resolve(repoRoot, '../shared/wsdl/marketo-mktows-2_2.wsdl');
const referenceExists = existsSync(referenceWsdlPath);

const MKT = 'http://www.marketo.com/mktows/';
const q = (local: string) => `{${MKT}}${local}`;
const BINDING = 'MktowsApiSoapBinding';

const projectText = readFileSync(projectWsdlPath, 'utf8');
const project = canonicalizeWsdl(projectText, { source: 'wsdl/mktows.wsdl' });

/** Replaces exactly one occurrence of `from`, so that a mutation can never silently do nothing. */
function mutate(text: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === 'string' ? text.split(from).length - 1 : [...text.matchAll(new RegExp(from, 'g'))].length;
  expect(count, `mutation target ${String(from)} must occur exactly once`).toBe(1);
  return text.replace(from, to);
}

function differencesAfter(mutated: string): WsdlDifference[] {
  return compareCanonicalWsdl(project, canonicalizeWsdl(mutated, { source: 'mutated mktows.wsdl' }));
}

function operationsOf(canonical: CanonicalWsdl) {
  const binding = canonical.bindings[BINDING];
  if (!binding) throw new Error(`binding ${BINDING} not found`);
  return binding.operations;
}

describe('wsdl/mktows.wsdl against the reference WSDL', () => {
  if (!referenceExists) {
    console.warn(
      `wsdl-equivalence: skipped the reference comparison: reference WSDL not found at ${referenceWsdlPath}`,
    );
  }

  const name = referenceExists
    ? `describes the same API as ${referenceWsdlPath} (zero differences)`
    : `skipped: reference WSDL not found at ${referenceWsdlPath}`;

  it.skipIf(!referenceExists)(name, () => {
    const reference = canonicalizeWsdlFile(referenceWsdlPath);
    const differences = compareCanonicalWsdl(reference, project);
    expect(formatWsdlDifferences(differences)).toBe('');
    expect(differences).toEqual([]);
    // Nothing was left out of the comparison by accident: the full schema and all operations were read.
    expect(Object.keys(reference.complexTypes)).toHaveLength(127);
    expect(Object.keys(reference.simpleTypes)).toHaveLength(15);
    expect(Object.keys(reference.elements)).toHaveLength(48);
    expect(Object.keys(reference.messages)).toHaveLength(48);
  });

  const addressName = referenceExists
    ? 'keeps the soap:address of the reference (addresses are compared only on request)'
    : `skipped: reference WSDL not found at ${referenceWsdlPath} (soap:address check)`;

  it.skipIf(!referenceExists)(addressName, () => {
    const reference = canonicalizeWsdlFile(referenceWsdlPath);
    expect(compareCanonicalWsdl(reference, project, { compareAddresses: true })).toEqual([]);
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
    expect(differencesAfter(renamed)).toEqual([]);
  });

  it('reports a changed minOccurs', () => {
    const mutated = mutate(
      projectText,
      '<xsd:element name="marketoCookie" type="xsd:string" minOccurs="0"',
      '<xsd:element name="marketoCookie" type="xsd:string" minOccurs="1"',
    );
    expect(differencesAfter(mutated)).toEqual([
      expect.objectContaining({
        path: `complexTypes[${JSON.stringify(q('ParamsSyncLead'))}].children["marketoCookie"].minOccurs`,
        expected: 0,
        actual: 1,
      }),
    ]);
  });

  it('reports a removed enumeration value', () => {
    const mutated = mutate(projectText, /\s*<xsd:enumeration value="NETSUITE"\/>/, '');
    const differences = differencesAfter(mutated);
    expect(differences).toEqual([
      expect.objectContaining({
        path: `simpleTypes[${JSON.stringify(q('ForeignSysType'))}].enumeration`,
        expected: 'NETSUITE',
        actual: undefined,
      }),
    ]);
    expect(differences[0]?.message).toContain('missing value "NETSUITE"');
  });

  it('reports a missing operation', () => {
    let mutated = mutate(
      projectText,
      /\s*<wsdl:operation name="getTags">\s*<wsdl:documentation>[\s\S]*?<\/wsdl:operation>/,
      '',
    );
    mutated = mutate(mutated, /\s*<wsdl:operation name="getTags">\s*<soap:operation[\s\S]*?<\/wsdl:operation>/, '');
    expect(differencesAfter(mutated)).toEqual([
      expect.objectContaining({
        path: `bindings["${BINDING}"].operations["getTags"]`,
        expected: operationsOf(project).getTags,
        actual: undefined,
      }),
    ]);
  });

  it('reports a changed child order', () => {
    const mutated = mutate(
      projectText,
      /(<xsd:element name="leadRecord" type="mkt:LeadRecord" minOccurs="1"[\s\S]*?<\/xsd:element>)(\s*)(<xsd:element name="returnLead"[\s\S]*?<\/xsd:element>)/,
      '$3$2$1',
    );
    expect(differencesAfter(mutated)).toEqual([
      expect.objectContaining({
        path: `complexTypes[${JSON.stringify(q('ParamsSyncLead'))}].children.order`,
        expected: ['leadRecord', 'returnLead', 'marketoCookie'],
        actual: ['returnLead', 'leadRecord', 'marketoCookie'],
      }),
    ]);
  });

  it('reports a changed soapAction', () => {
    const mutated = mutate(
      projectText,
      'soapAction="http://www.marketo.com/mktows/syncLead"',
      'soapAction="urn:syncLead"',
    );
    expect(differencesAfter(mutated)).toEqual([
      expect.objectContaining({
        path: `bindings["${BINDING}"].operations["syncLead"].soapAction`,
        expected: `${MKT}syncLead`,
        actual: 'urn:syncLead',
      }),
    ]);
  });

  it('reports a changed nillable', () => {
    const mutated = mutate(
      projectText,
      'name="ForeignSysType" type="mkt:ForeignSysType" minOccurs="0" maxOccurs="1" nillable="true"',
      'name="ForeignSysType" type="mkt:ForeignSysType" minOccurs="0" maxOccurs="1" nillable="false"',
    );
    expect(differencesAfter(mutated)).toEqual([
      expect.objectContaining({
        path: `complexTypes[${JSON.stringify(q('LeadRecord'))}].children["ForeignSysType"].nillable`,
        expected: true,
        actual: false,
      }),
    ]);
  });

  it('reports a changed soap:address only when asked to', () => {
    const mutated = mutate(projectText, /location="[^"]*"/, 'location="http://127.0.0.1:1/soap/mktows/2_2"');
    const canonical = canonicalizeWsdl(mutated);
    expect(compareCanonicalWsdl(project, canonical)).toEqual([]);
    expect(compareCanonicalWsdl(project, canonical, { compareAddresses: true })).toEqual([
      expect.objectContaining({
        path: 'services["MktMktowsApiService"].ports["MktowsApiSoapPort"].address',
        actual: 'http://127.0.0.1:1/soap/mktows/2_2',
      }),
    ]);
  });
});

/** A small WSDL around the given schema content, for tests of the canonical form itself. */
function miniWsdl(schemaContent: string): string {
  return `<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:mini" targetNamespace="urn:mini">
  <types><xs:schema targetNamespace="urn:mini">${schemaContent}
    <xs:element name="ping" type="tns:Ping"/>
  </xs:schema></types>
  <message name="PingRequest"><part name="ping" element="tns:ping"/></message>
  <portType name="MiniPort"><operation name="ping"><input message="tns:PingRequest"/></operation></portType>
  <binding name="MiniBinding" type="tns:MiniPort">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="ping"><soap:operation soapAction="urn:ping"/><input><soap:body use="literal"/></input></operation>
  </binding>
</definitions>`;
}

describe('canonical form', () => {
  it('treats omitted minOccurs, maxOccurs, nillable and abstract as their XSD defaults, and ignores declaration order', () => {
    const explicit = miniWsdl(`
      <xs:complexType name="Ping" abstract="false">
        <xs:sequence><xs:element name="note" type="tns:Note" minOccurs="1" maxOccurs="1" nillable="false"/></xs:sequence>
      </xs:complexType>
      <xs:simpleType name="Note"><xs:restriction base="xs:string"/></xs:simpleType>`);
    const implicit = miniWsdl(`
      <xs:simpleType name="Note"><xs:annotation><xs:documentation>a note</xs:documentation></xs:annotation>
        <xs:restriction base="xs:string"/></xs:simpleType>
      <!-- declared after its use on purpose -->
      <xs:complexType name="Ping"><xs:sequence><xs:element name="note" type="tns:Note"/></xs:sequence></xs:complexType>`);
    const canonical = canonicalizeWsdl(explicit);
    expect(compareCanonicalWsdl(canonical, canonicalizeWsdl(implicit))).toEqual([]);
    expect(canonical.complexTypes['{urn:mini}Ping']?.children).toEqual([
      {
        name: 'note',
        type: '{urn:mini}Note',
        ref: null,
        inlineType: null,
        minOccurs: 1,
        maxOccurs: 1,
        nillable: false,
      },
    ]);
  });

  it('rejects a WSDL with an unresolved type reference, naming the reference and where it is', () => {
    const broken = miniWsdl(`
      <xs:complexType name="Ping"><xs:sequence><xs:element name="note" type="tns:Missing"/></xs:sequence></xs:complexType>`);
    expect(() => canonicalizeWsdl(broken, { source: 'broken.wsdl' })).toThrow(WsdlCanonicalError);
    expect(() => canonicalizeWsdl(broken, { source: 'broken.wsdl' })).toThrow(
      'broken.wsdl: unresolved type reference "tns:Missing" ({urn:mini}Missing) in complexType Ping, element note',
    );
  });

  it('rejects an unknown XML Schema built-in type and an unresolved element reference', () => {
    const unknownBuiltin = miniWsdl(`
      <xs:complexType name="Ping"><xs:sequence><xs:element name="n" type="xs:integr"/></xs:sequence></xs:complexType>`);
    expect(() => canonicalizeWsdl(unknownBuiltin)).toThrow(/unresolved type reference "xs:integr"/);
    const missingElement = mutate(projectText, 'element="mkt:paramsGetTags"', 'element="mkt:paramsGetTag"');
    expect(() => canonicalizeWsdl(missingElement)).toThrow(/unresolved element reference "mkt:paramsGetTag"/);
  });

  it('rejects a type declared twice instead of keeping one of them', () => {
    const twice = miniWsdl(`
      <xs:complexType name="Ping"><xs:sequence/></xs:complexType>
      <xs:complexType name="Ping"><xs:sequence><xs:element name="n" type="xs:int"/></xs:sequence></xs:complexType>`);
    expect(() => canonicalizeWsdl(twice, { source: 'twice.wsdl' })).toThrow(
      'twice.wsdl: complexType {urn:mini}Ping is declared more than once',
    );
  });

  it('reports the failure kind for unreadable input', () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof WsdlCanonicalError ? error.code : 'not a WsdlCanonicalError';
      }
      return 'no error';
    };
    expect(codeOf(() => canonicalizeWsdl('this is not XML <'))).toBe('INVALID_XML');
    expect(codeOf(() => canonicalizeWsdl('<root/>'))).toBe('NOT_A_WSDL');
    expect(codeOf(() => canonicalizeWsdlFile(path.join(repoRoot, 'wsdl/does-not-exist.wsdl')))).toBe('READ_FAILED');
  });
});
