// What the emitters make of schema constructs the Marketo WSDL does not use
// (extension of a concrete base, inline types, refs, restriction chains), of
// documentation, and of unsupported constructs; and that the output compiles.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { toConstantName, toEnumValuesName, toTypeName } from '../src/naming.js';
import { makeWorkspace, repoRoot, runCli, snapshotFolder } from './support/workspace.js';

const wsdl = (schema: string, extraMessages = '', headers = '') => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:test" targetNamespace="urn:test">
  <types><xs:schema targetNamespace="urn:test">${schema}
    <xs:element name="ping" type="t:Ping"/>
    <xs:element name="pong" type="t:Pong"/>
  </xs:schema></types>
  <message name="PingIn"><part name="p" element="t:ping"/></message>
  <message name="PingOut"><part name="p" element="t:pong"/></message>${extraMessages}
  <portType name="Port"><operation name="ping"><documentation>Pings. Ends */ safely.</documentation>
    <input message="t:PingIn"/><output message="t:PingOut"/></operation></portType>
  <binding name="Binding" type="t:Port"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="ping"><soap:operation soapAction="urn:test#ping"/>
      <input>${headers}<soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation></binding>
  <service name="Service"><port name="ServicePort" binding="t:Binding"><soap:address location="http://example.invalid/ping"/></port></service>
</definitions>`;

const SCHEMA = `
    <xs:simpleType name="Color"><xs:annotation><xs:documentation>A colour.</xs:documentation></xs:annotation>
      <xs:restriction base="xs:string">
        <xs:enumeration value="RED"><xs:annotation><xs:documentation>Warm.</xs:documentation></xs:annotation></xs:enumeration>
        <xs:enumeration value="BLUE"/></xs:restriction></xs:simpleType>
    <xs:simpleType name="Shade"><xs:restriction base="t:Color"/></xs:simpleType>
    <xs:simpleType name="Code"><xs:restriction base="xs:token"/></xs:simpleType>
    <xs:complexType name="Shape"><xs:sequence><xs:element name="color" type="t:Shade"/></xs:sequence></xs:complexType>
    <xs:complexType name="Circle"><xs:complexContent><xs:extension base="t:Shape"><xs:sequence>
      <xs:element name="radius" type="xs:double"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
    <xs:complexType name="Ping"><xs:sequence>
      <xs:element name="shape" type="t:Shape" minOccurs="0"/>
      <xs:element name="at" type="xs:dateTime" nillable="true"/>
      <xs:element name="codes" type="t:Code" minOccurs="0" maxOccurs="5"/>
      <xs:element name="options"><xs:annotation><xs:documentation>Inline options.</xs:documentation></xs:annotation>
        <xs:complexType><xs:sequence><xs:element name="loud" type="xs:boolean"/></xs:sequence></xs:complexType></xs:element>
      <xs:element ref="t:note" minOccurs="0"/>
      <xs:element name="big" type="xs:unsignedLong"/>
    </xs:sequence></xs:complexType>
    <xs:element name="note" type="xs:string"/>
    <xs:complexType name="Pong"><xs:sequence/></xs:complexType>`;

async function generate(text: string): Promise<{ code: number; stderr: string[]; files: Record<string, string>; out: string }> {
  const dir = makeWorkspace(text);
  const run = await runCli(['generate', '--wsdl', 'wsdl/mktows.wsdl', '--out', 'out'], dir);
  const out = path.join(dir, 'out');
  return { code: run.code, stderr: run.stderr, files: snapshotFolder(out), out };
}

/** Type-checks the generated modules in `dir` together under the repository's strict settings. */
function diagnostics(dir: string): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    types: ['node'],
    typeRoots: [path.join(repoRoot, 'node_modules/@types')],
  };
  const files = readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => path.join(dir, name));
  const program = ts.createProgram(files, options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('emitted code for schema constructs', () => {
  it('handles extension, inline types, refs, restriction chains and bounded lists, and compiles', async () => {
    const { code, files, out } = await generate(wsdl(SCHEMA));
    expect(code).toBe(0);
    const types = files['types.ts']!;
    expect(types).toContain("export type Color = 'RED' | 'BLUE';");
    expect(types).toContain("export const COLOR_VALUES = ['RED', 'BLUE'] as const satisfies readonly Color[];");
    expect(types).toContain("export type Shade = 'RED' | 'BLUE';"); // inherits the enumeration of its base
    expect(types).toContain('export type Code = string;');
    expect(types).toMatch(/export interface Circle \{[^}]*color: Shade;[^}]*radius: number;/s); // inherited element first
    expect(types).toMatch(/shape\?: Shape \| Circle;/); // a concrete base with a subtype accepts both
    expect(types).toMatch(/at: W3CDateTime \| null;/);
    expect(types).toMatch(/codes\?: Code\[\];/);
    expect(types).toMatch(/options: PingOptions;/);
    expect(types).toMatch(/export interface PingOptions \{[^}]*loud: boolean;/s);
    expect(types).toMatch(/note\?: string;/);
    expect(types).toMatch(/big: number;/);
    expect(types).toContain('export type Pong = Record<string, never>;');
    expect(files['metadata.ts']).toMatch(/Shape: \{\s*abstract: false,\s*subtypes: \['Circle'\]/);
    // Schema facts as values, for code that would otherwise copy them.
    expect(files['metadata.ts']).toContain("export const MKTOWS_NAMESPACE = 'urn:test';");
    expect(files['metadata.ts']).toContain('targetNamespace: MKTOWS_NAMESPACE,');
    expect(files['metadata.ts']).toMatch(/export const XSD_NUMBER_TYPES = \[[^\]]*'double'[^\]]*'unsignedLong'[^\]]*\] as const;/);
    expect(types).toMatch(/export interface ComplexTypes \{[^}]*Circle: Circle;[^}]*PingOptions: PingOptions;/s);
    expect(types).toContain("Circle: ['color', 'radius'],"); // inherited element first
    expect(types).toContain("Ping: ['shape', 'at', 'codes', 'options', 'note', 'big'],");
    expect(types).toContain('Pong: [],');
    expect(diagnostics(out)).toEqual([]);
  });

  it('turns documentation into doc comments, escaping a `*/` in the text', async () => {
    const { files } = await generate(wsdl(SCHEMA));
    expect(files['types.ts']).toMatch(/\/\*\*\n \* A colour\.\n \*\n \* - `RED`: Warm\./);
    expect(files['types.ts']).toMatch(/\* Inline options\./);
    expect(files['operations.ts']).toContain('* Pings. Ends *\\/ safely.');
  });

  it('declares the headers of each operation', async () => {
    const header = `<xs:element name="Auth" type="t:AuthInfo"/><xs:complexType name="AuthInfo"><xs:sequence><xs:element name="user" type="xs:string"/></xs:sequence></xs:complexType>`;
    const { code, files } = await generate(
      wsdl(SCHEMA + header, '<message name="AuthHeader"><part name="auth" element="t:Auth"/></message>', '<soap:header use="literal" part="auth" message="t:AuthHeader"/>'),
    );
    expect(code).toBe(0);
    expect(files['operations.ts']).toMatch(/export interface SoapHeaders \{\s*Auth: AuthInfo;\s*\}/);
    expect(files['operations.ts']).toMatch(/ping: 'Auth';/);
    expect(files['types.ts']).toContain('export type Auth = AuthInfo;');
  });

  it('rejects constructs it cannot type faithfully, naming them', async () => {
    const choice = SCHEMA.replace('<xs:complexType name="Pong"><xs:sequence/></xs:complexType>', '<xs:complexType name="Pong"><xs:choice><xs:element name="a" type="xs:string"/></xs:choice></xs:complexType>');
    const run = await generate(wsdl(choice));
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual(['mktows-codegen: wsdl/mktows.wsdl: complexType "Pong": xs:choice is not supported']);
    expect(run.files).toEqual({});
  });

  it('rejects an anonymous type that would take the name of another type', async () => {
    const clash = SCHEMA.replace(
      '<xs:complexType name="Pong"><xs:sequence/></xs:complexType>',
      '<xs:complexType name="Pong"><xs:sequence/></xs:complexType><xs:complexType name="PingOptions"><xs:sequence/></xs:complexType>',
    );
    const run = await generate(wsdl(clash));
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([
      'mktows-codegen: wsdl/mktows.wsdl: an anonymous type would be named PingOptions, a name already given to another type',
    ]);
  });

  it('rejects a schema type that would take a name the generator reserves', async () => {
    const run = await generate(wsdl(SCHEMA.replace('name="Code"', 'name="MktowsClient"').replace('type="t:Code"', 'type="t:MktowsClient"')));
    expect(run.stderr).toEqual(['mktows-codegen: wsdl/mktows.wsdl: type "MktowsClient" would be named MktowsClient, a name the generator reserves']);
  });

  it('rejects an unknown XML Schema type', async () => {
    const run = await generate(wsdl(SCHEMA.replace('type="xs:double"', 'type="xs:doubble"')));
    expect(run.stderr).toEqual(['mktows-codegen: wsdl/mktows.wsdl: unknown XML Schema type "xs:doubble" (element "radius" in complexType "Circle")']);
  });
});

describe('naming', () => {
  it('derives type names from schema names', () => {
    expect(toTypeName('paramsSyncLead')).toBe('ParamsSyncLead');
    expect(toTypeName('LeadRecord')).toBe('LeadRecord');
    expect(toTypeName('lead-record.v2')).toBe('LeadRecordV2');
  });

  it('derives constant names for enumeration value lists', () => {
    expect(toConstantName('LeadKeyRef')).toBe('LEAD_KEY_REF');
    expect(toConstantName('MObjStatusEnum')).toBe('M_OBJ_STATUS_ENUM');
    expect(toEnumValuesName('ForeignSysType')).toBe('FOREIGN_SYS_TYPE_VALUES');
    expect(toEnumValuesName('ImportToListModeEnum')).toBe('IMPORT_TO_LIST_MODE_ENUM_VALUES');
  });
});
