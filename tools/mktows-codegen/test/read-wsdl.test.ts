// The generator's one WSDL front end (src/wsdl/read-wsdl.ts): what the model makes of a WSDL (defaults
// applied, order and prefixes that are not API ignored) and how it refuses what it cannot read, with one
// CodegenError naming the source, the problem and where it is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodegenError } from '../src/errors.js';
import { readWsdl, readWsdlFile } from '../src/wsdl/read-wsdl.js';
import { projectWsdl, repoRoot } from './support/workspace.js';

const projectText = readFileSync(projectWsdl, 'utf8');

/** A small WSDL around the given schema content (and optionally more messages and headers). */
function miniWsdl(schemaContent: string, headers = ''): string {
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
    <operation name="ping"><soap:operation soapAction="urn:ping"/><input>${headers}<soap:body use="literal"/></input></operation>
  </binding>
</definitions>`;
}

/** The message of the CodegenError that reading `text` throws. */
function problemOf(text: string, source = 'mini.wsdl'): string {
  try {
    readWsdl(text, source);
  } catch (error) {
    if (error instanceof CodegenError) return error.message;
    throw error;
  }
  throw new Error('no error');
}

describe('the WSDL model', () => {
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
    const { documentation: explicitDocs, ...model } = readWsdl(explicit, 'explicit');
    const { documentation: implicitDocs, ...same } = readWsdl(implicit, 'implicit');
    expect(same).toEqual(model);
    expect(model.complexTypes['{urn:mini}Ping']?.children).toEqual([
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
    expect(explicitDocs['types.Note']).toBe('');
    expect(implicitDocs['types.Note']).toBe('a note');
  });

  it('reads XSD booleans written as 1, and flattens a nested sequence', () => {
    const model = readWsdl(
      miniWsdl(`<xs:complexType name="Ping" abstract="1"><xs:sequence>
        <xs:element name="a" type="xs:int" nillable="1"/>
        <xs:sequence><xs:element name="b" type="xs:int"/></xs:sequence>
      </xs:sequence></xs:complexType>`),
      'mini.wsdl',
    );
    const ping = model.complexTypes['{urn:mini}Ping'];
    expect(ping?.abstract).toBe(true);
    expect(ping?.children.map((child) => [child.name, child.nillable])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('keeps a type named like an Object.prototype member as a type like any other', () => {
    const model = readWsdl(
      miniWsdl(`<xs:complexType name="Ping"><xs:sequence><xs:element name="p" type="tns:__proto__"/></xs:sequence></xs:complexType>
        <xs:complexType name="__proto__"><xs:sequence/></xs:complexType>`),
      'mini.wsdl',
    );
    expect(Object.keys(model.complexTypes)).toEqual(['{urn:mini}Ping', '{urn:mini}__proto__']);
  });
});

describe('reading a WSDL it cannot model', () => {
  it('names an unresolved type reference and where it is', () => {
    const broken = miniWsdl(
      `<xs:complexType name="Ping"><xs:sequence><xs:element name="note" type="tns:Missing"/></xs:sequence></xs:complexType>`,
    );
    expect(() => readWsdl(broken, 'broken.wsdl')).toThrow(CodegenError);
    expect(problemOf(broken, 'broken.wsdl')).toBe(
      'broken.wsdl: unresolved type reference "tns:Missing" (element "note" in complexType "Ping")',
    );
  });

  it('names an unknown XML Schema built-in type, an unresolved element reference, and counts the rest', () => {
    const unknownBuiltin = miniWsdl(
      `<xs:complexType name="Ping"><xs:sequence><xs:element name="n" type="xs:integr"/></xs:sequence></xs:complexType>`,
    );
    expect(problemOf(unknownBuiltin)).toBe(
      'mini.wsdl: unknown XML Schema type "xs:integr" (element "n" in complexType "Ping")',
    );
    const missingElement = projectText.replace('element="mkt:paramsGetTags"', 'element="mkt:paramsGetTag"');
    expect(problemOf(missingElement)).toBe(
      'mini.wsdl: unresolved element reference "mkt:paramsGetTag" (part "paramsGetTags" in message "GetTagsRequest")',
    );
    const twoMissing = missingElement.replace('element="mkt:paramsGetLead"', 'element="mkt:paramsGetLeed"');
    expect(problemOf(twoMissing)).toMatch(/^mini\.wsdl: unresolved element reference "mkt:\w+" \(.*\) \(and 1 more\)$/);
  });

  it('names an undeclared prefix, a header part its message lacks, and a bound operation its port type lacks', () => {
    const prefix = miniWsdl(
      `<xs:complexType name="Ping"><xs:sequence><xs:element name="n" type="zz:Int"/></xs:sequence></xs:complexType>`,
    );
    expect(problemOf(prefix)).toBe(
      'mini.wsdl: undeclared namespace prefix "zz" in type reference "zz:Int" (element "n" in complexType "Ping")',
    );
    const header = miniWsdl(
      '<xs:complexType name="Ping"><xs:sequence/></xs:complexType>',
      '<soap:header message="tns:PingRequest" part="auth" use="literal"/>',
    );
    expect(problemOf(header)).toBe(
      'mini.wsdl: header part "auth" is not in message "tns:PingRequest" (header in operation "ping")',
    );
    const unbound = miniWsdl('<xs:complexType name="Ping"><xs:sequence/></xs:complexType>').replace(
      '<operation name="ping"><soap:operation',
      '<operation name="pong"><soap:operation',
    );
    expect(problemOf(unbound)).toBe(
      'mini.wsdl: operation "pong" of binding "MiniBinding" is not in port type "MiniPort"',
    );
  });

  it('refuses a type declared twice instead of keeping one of them', () => {
    const twice = miniWsdl(`
      <xs:complexType name="Ping"><xs:sequence/></xs:complexType>
      <xs:complexType name="Ping"><xs:sequence><xs:element name="n" type="xs:int"/></xs:sequence></xs:complexType>`);
    expect(problemOf(twice, 'twice.wsdl')).toBe('twice.wsdl: complexType "Ping" is declared more than once');
  });

  it('names constructs the model does not describe', () => {
    const group = miniWsdl(
      `<xs:complexType name="Ping"><xs:sequence><xs:group ref="tns:g"/></xs:sequence></xs:complexType>`,
    );
    expect(problemOf(group)).toBe('mini.wsdl: complexType "Ping": xs:group is not supported');
    const list = miniWsdl(
      `<xs:complexType name="Ping"><xs:sequence/></xs:complexType><xs:simpleType name="L"><xs:list itemType="xs:int"/></xs:simpleType>`,
    );
    expect(problemOf(list)).toBe('mini.wsdl: simpleType "L": only xs:restriction is supported');
    const occurs = miniWsdl(
      `<xs:complexType name="Ping"><xs:sequence><xs:element name="n" type="xs:int" maxOccurs="many"/></xs:sequence></xs:complexType>`,
    );
    expect(problemOf(occurs)).toBe('mini.wsdl: invalid occurrence "many" (element "n" in complexType "Ping")');
  });

  it('says why unreadable input is unreadable', async () => {
    expect(problemOf('this is not XML <')).toMatch(/^mini\.wsdl: not well-formed XML: /);
    expect(problemOf('<root/>')).toBe('mini.wsdl: root element is <root>, not wsdl:definitions');
    const missing = path.join(repoRoot, 'wsdl/does-not-exist.wsdl');
    await expect(readWsdlFile(missing, 'wsdl/does-not-exist.wsdl')).rejects.toThrow(
      'wsdl/does-not-exist.wsdl: file not found',
    );
    await expect(readWsdlFile(missing, 'x')).rejects.toBeInstanceOf(CodegenError);
  });
});
