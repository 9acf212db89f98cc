/**
 * Canonical description of a WSDL 1.1 document (document/literal SOAP 1.1, XSD schema inline), and a
 * comparison of two such descriptions.
 *
 * Two WSDLs that describe the same API produce equal canonical descriptions even when they differ in
 * prefixes, whitespace, comments, documentation, top-level declaration order, or in whether XSD defaults
 * (`minOccurs="1"`, `maxOccurs="1"`, `nillable="false"`, `abstract="false"`) are written out. Order that
 * matters on the wire is kept: the children of a sequence and the values of an enumeration.
 *
 * Qualified names are written in Clark notation, `{namespace}local` (e.g.
 * `{http://www.w3.org/2001/XMLSchema}string`), so they do not depend on the prefixes a file chose.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';

/** Namespace of WSDL 1.1 elements (`wsdl:definitions`, `wsdl:message`, ...). */
export const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
/** Namespace of the WSDL 1.1 SOAP 1.1 binding extension (`soap:operation`, `soap:body`, ...). */
export const WSDL_SOAP_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
/** Namespace of XML Schema (`xs:complexType`, and the built-in types such as `xs:string`). */
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

/** A qualified name in Clark notation: `{namespace}local`, or just `local` when it has no namespace. */
export type ClarkName = string;

/** `maxOccurs` after defaults: a number, or `'unbounded'`. */
export type MaxOccurs = number | 'unbounded';

/** One element particle inside a complex type's sequence (or all/choice). */
export interface CanonicalParticle {
  /** Local name of the child element (for `ref=` particles: the referenced element's local name). */
  name: string;
  /** The element's declared type; `null` when the type is declared inline or the particle is a `ref`. */
  type: ClarkName | null;
  /** The referenced top-level element for `<xs:element ref="...">` particles, otherwise `null`. */
  ref: ClarkName | null;
  /** An anonymous type declared inside the element, otherwise `null`. */
  inlineType: CanonicalComplexType | CanonicalSimpleType | null;
  /** `minOccurs`, default 1. */
  minOccurs: number;
  /** `maxOccurs`, default 1. */
  maxOccurs: MaxOccurs;
  /** `nillable`, default false. */
  nillable: boolean;
}

/** One attribute declared on a complex type. */
export interface CanonicalAttribute {
  /** Local name of the attribute. */
  name: string;
  /** Declared type, `null` when absent (any simple type). */
  type: ClarkName | null;
  /** `use`, default `optional`. */
  use: 'optional' | 'required' | 'prohibited';
}

/** A complex type, named or anonymous. */
export interface CanonicalComplexType {
  /** Discriminates complex from simple inline types. */
  kind: 'complexType';
  /** `abstract`, default false. */
  abstract: boolean;
  /** `mixed`, default false. */
  mixed: boolean;
  /** Base type for `complexContent` extension/restriction, otherwise `null`. */
  base: ClarkName | null;
  /** How the type derives from `base`, `null` when it has no base. */
  derivation: 'extension' | 'restriction' | null;
  /** The model group holding `children` (an empty type counts as an empty sequence). */
  compositor: 'sequence' | 'all' | 'choice';
  /** Element particles in document order (the order is part of the contract for sequences). */
  children: CanonicalParticle[];
  /** Attributes in document order. */
  attributes: CanonicalAttribute[];
}

/** A facet other than `enumeration` on a simple type restriction (e.g. `maxLength`). */
export interface CanonicalFacet {
  /** Facet element name, e.g. `maxLength` or `pattern`. */
  facet: string;
  /** The facet's `value` attribute. */
  value: string;
}

/** A simple type derived by restriction, named or anonymous. */
export interface CanonicalSimpleType {
  /** Discriminates simple from complex inline types. */
  kind: 'simpleType';
  /** The restricted base type. */
  base: ClarkName;
  /** Enumeration values in document order (empty when the type is not an enumeration). */
  enumeration: string[];
  /** Other facets in document order. */
  facets: CanonicalFacet[];
}

/** A top-level `xs:element` declaration. */
export interface CanonicalElementDecl {
  /** Declared type, `null` when the type is inline. */
  type: ClarkName | null;
  /** Anonymous type declared inside the element, otherwise `null`. */
  inlineType: CanonicalComplexType | CanonicalSimpleType | null;
  /** `nillable`, default false. */
  nillable: boolean;
  /** `abstract`, default false. */
  abstract: boolean;
}

/** One part of a WSDL message. */
export interface CanonicalMessagePart {
  /** Part name. */
  name: string;
  /** The global element the part carries (document style), otherwise `null`. */
  element: ClarkName | null;
  /** The type the part carries (rpc style), otherwise `null`. */
  type: ClarkName | null;
}

/** A WSDL message. */
export interface CanonicalMessage {
  /** Parts in document order. */
  parts: CanonicalMessagePart[];
}

/** A SOAP header an operation's input or output carries. */
export interface CanonicalHeader {
  /** The message holding the header part. */
  message: ClarkName;
  /** The part of `message` sent as the header. */
  part: string;
  /** The global element the part carries (resolved through the message). */
  element: ClarkName | null;
  /** `use` of the `soap:header`, default `literal`. */
  use: string;
}

/** One direction (input or output) of a bound operation. */
export interface CanonicalOperationIO {
  /** The abstract message from the port type. */
  message: ClarkName;
  /** Global elements of the message's body parts, in part order (document style). */
  bodyElements: (ClarkName | null)[];
  /** `use` of the `soap:body`, default `literal`. */
  use: string;
  /** SOAP headers, in the order the binding lists them. */
  headers: CanonicalHeader[];
}

/** An operation as bound in a binding: the port type's messages joined with the binding's SOAP details. */
export interface CanonicalOperation {
  /** `soapAction` of `soap:operation`, `''` when absent. */
  soapAction: string;
  /** `document` or `rpc`: the operation's own style, else the binding's, else `document`. */
  style: string;
  /** The request. */
  input: CanonicalOperationIO;
  /** The response, `null` for one-way operations. */
  output: CanonicalOperationIO | null;
  /** Fault messages by fault name. */
  faults: Record<string, ClarkName>;
}

/** A SOAP binding of a port type. */
export interface CanonicalBinding {
  /** The port type the binding implements. */
  portType: ClarkName;
  /** Transport URI of `soap:binding`. */
  transport: string;
  /** Operations by name. */
  operations: Record<string, CanonicalOperation>;
}

/** A port of a service. */
export interface CanonicalPort {
  /** The binding the port exposes. */
  binding: ClarkName;
  /** `soap:address` location; compared only on request (see {@link CompareOptions}). */
  address: string | null;
}

/** A WSDL service. */
export interface CanonicalService {
  /** Ports by name. */
  ports: Record<string, CanonicalPort>;
}

/**
 * The canonical API description of one WSDL. Records are keyed by name (Clark names for schema
 * components and messages, local names for services, bindings and operations) and their keys are
 * sorted, so two descriptions of the same API are deep-equal and serialise to the same JSON.
 */
export interface CanonicalWsdl {
  /** `targetNamespace` of `wsdl:definitions`. */
  targetNamespace: string;
  /** Services by name. */
  services: Record<string, CanonicalService>;
  /** Bindings by name. */
  bindings: Record<string, CanonicalBinding>;
  /** Messages by Clark name. */
  messages: Record<ClarkName, CanonicalMessage>;
  /** Top-level schema elements by Clark name. */
  elements: Record<ClarkName, CanonicalElementDecl>;
  /** Named complex types by Clark name. */
  complexTypes: Record<ClarkName, CanonicalComplexType>;
  /** Named simple types by Clark name. */
  simpleTypes: Record<ClarkName, CanonicalSimpleType>;
}

/** What went wrong while reading a WSDL. */
export type WsdlCanonicalErrorCode =
  'READ_FAILED' | 'INVALID_XML' | 'NOT_A_WSDL' | 'UNRESOLVED_REFERENCE' | 'UNSUPPORTED';

/** A WSDL could not be read into a canonical description. The message is one line naming the source. */
export class WsdlCanonicalError extends Error {
  /** Machine-readable reason. */
  readonly code: WsdlCanonicalErrorCode;
  /** The file name or label of the WSDL. */
  readonly source: string;

  /**
   * @param code - the reason
   * @param source - file name or label of the WSDL
   * @param detail - what was wrong and where
   */
  constructor(code: WsdlCanonicalErrorCode, source: string, detail: string) {
    super(`${source}: ${detail}`);
    this.name = 'WsdlCanonicalError';
    this.code = code;
    this.source = source;
  }
}

/** Options of {@link canonicalizeWsdl}. */
export interface CanonicalizeOptions {
  /** Name of the WSDL in error messages (a file path or a label). Default `'WSDL'`. */
  source?: string;
}

/** The XSD built-in type names a type reference may use. */
const XSD_BUILTIN_TYPES = new Set([
  'anyType',
  'anySimpleType',
  'string',
  'normalizedString',
  'token',
  'language',
  'Name',
  'NCName',
  'ID',
  'IDREF',
  'IDREFS',
  'ENTITY',
  'ENTITIES',
  'NMTOKEN',
  'NMTOKENS',
  'boolean',
  'base64Binary',
  'hexBinary',
  'float',
  'double',
  'decimal',
  'integer',
  'nonPositiveInteger',
  'negativeInteger',
  'long',
  'int',
  'short',
  'byte',
  'nonNegativeInteger',
  'unsignedLong',
  'unsignedInt',
  'unsignedShort',
  'unsignedByte',
  'positiveInteger',
  'duration',
  'dateTime',
  'time',
  'date',
  'gYearMonth',
  'gYear',
  'gMonthDay',
  'gDay',
  'gMonth',
  'anyURI',
  'QName',
  'NOTATION',
]);

/** Reads and canonicalizes a WSDL file; errors name the file. */
export function canonicalizeWsdlFile(file: string): CanonicalWsdl {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WsdlCanonicalError('READ_FAILED', file, `cannot read the file (${reason})`);
  }
  return canonicalizeWsdl(text, { source: file });
}

/**
 * Builds the canonical description of a WSDL given as text.
 *
 * @throws {@link WsdlCanonicalError} when the text is not XML, not a WSDL 1.1 document, uses a construct
 * this reader does not model (an external schema, a nested model group, ...), or refers to a type,
 * element, message, part, port type or binding that the document does not declare.
 */
export function canonicalizeWsdl(text: string, options: CanonicalizeOptions = {}): CanonicalWsdl {
  const source = options.source ?? 'WSDL';
  const root = parseXml(text, source);
  if (root.namespaceURI !== WSDL_NS || root.localName !== 'definitions') {
    throw new WsdlCanonicalError('NOT_A_WSDL', source, `root element is <${root.nodeName}>, not wsdl:definitions`);
  }
  const reader = new WsdlReader(root, source);
  const result = reader.read();
  reader.checkReferences(result);
  return result;
}

function parseXml(text: string, source: string): XmlElement {
  const problems: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problems.push(message.split('\n')[0] ?? message);
    },
  });
  let root: XmlElement | null = null;
  try {
    root = parser.parseFromString(text, 'text/xml').documentElement;
  } catch (error) {
    problems.push(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error));
  }
  if (problems.length > 0 || root === null) {
    throw new WsdlCanonicalError('INVALID_XML', source, `not well-formed XML (${problems[0] ?? 'no root element'})`);
  }
  return root;
}

function clark(namespace: string | null, local: string): ClarkName {
  return namespace ? `{${namespace}}${local}` : local;
}

function childElements(parent: XmlElement, namespace?: string, localName?: string): XmlElement[] {
  const result: XmlElement[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    const element = node as XmlElement;
    if (namespace !== undefined && element.namespaceURI !== namespace) continue;
    if (localName !== undefined && element.localName !== localName) continue;
    result.push(element);
  }
  return result;
}

function attr(element: XmlElement, name: string): string | null {
  return element.hasAttribute(name) ? element.getAttribute(name) : null;
}

/** A reference found while reading, checked once every declaration is known. */
interface PendingReference {
  kind: 'type' | 'element' | 'message' | 'portType' | 'binding';
  name: ClarkName;
  /** The QName as the document wrote it, e.g. `tns:Foo`. */
  written: string;
  where: string;
}

/** Walks one `wsdl:definitions` element. Holds the references seen so that they can be checked afterwards. */
class WsdlReader {
  private readonly references: PendingReference[] = [];
  private readonly portTypes = new Map<ClarkName, Map<string, XmlElement>>();

  constructor(
    private readonly root: XmlElement,
    private readonly source: string,
  ) {}

  read(): CanonicalWsdl {
    const targetNamespace = attr(this.root, 'targetNamespace') ?? '';
    const elements: [string, CanonicalElementDecl][] = [];
    const complexTypes: [string, CanonicalComplexType][] = [];
    const simpleTypes: [string, CanonicalSimpleType][] = [];
    for (const types of childElements(this.root, WSDL_NS, 'types')) {
      for (const schema of childElements(types, XSD_NS, 'schema')) {
        this.readSchema(schema, elements, complexTypes, simpleTypes);
      }
    }
    const messages = childElements(this.root, WSDL_NS, 'message').map((message): [string, CanonicalMessage] => [
      clark(targetNamespace, this.requiredAttr(message, 'name', 'wsdl:message')),
      this.readMessage(message),
    ]);
    for (const portType of childElements(this.root, WSDL_NS, 'portType')) {
      const operations = new Map<string, XmlElement>();
      for (const operation of childElements(portType, WSDL_NS, 'operation')) {
        operations.set(this.requiredAttr(operation, 'name', 'wsdl:portType/wsdl:operation'), operation);
      }
      this.portTypes.set(clark(targetNamespace, this.requiredAttr(portType, 'name', 'wsdl:portType')), operations);
    }
    const canonical: CanonicalWsdl = {
      targetNamespace,
      services: {},
      bindings: {},
      messages: this.sortedRecord(messages, 'message'),
      elements: this.sortedRecord(elements, 'element'),
      complexTypes: this.sortedRecord(complexTypes, 'complexType'),
      simpleTypes: this.sortedRecord(simpleTypes, 'simpleType'),
    };
    canonical.bindings = this.sortedRecord(
      childElements(this.root, WSDL_NS, 'binding').map((binding): [string, CanonicalBinding] => [
        this.requiredAttr(binding, 'name', 'wsdl:binding'),
        this.readBinding(binding, canonical.messages),
      ]),
      'wsdl:binding',
    );
    canonical.services = this.sortedRecord(
      childElements(this.root, WSDL_NS, 'service').map((service): [string, CanonicalService] => [
        this.requiredAttr(service, 'name', 'wsdl:service'),
        this.readService(service),
      ]),
      'wsdl:service',
    );
    // Complex and simple types share one symbol space in XML Schema.
    const clash = Object.keys(canonical.complexTypes).find((name) => name in canonical.simpleTypes);
    if (clash !== undefined) this.fail('NOT_A_WSDL', `type ${clash} is declared both as complexType and simpleType`);
    return canonical;
  }

  /** Fails on the first reference that names nothing the document declares. */
  checkReferences(canonical: CanonicalWsdl): void {
    const bindingNames = new Set(Object.keys(canonical.bindings).map((name) => clark(canonical.targetNamespace, name)));
    for (const reference of this.references) {
      if (this.resolves(reference, canonical, bindingNames)) continue;
      throw new WsdlCanonicalError(
        'UNRESOLVED_REFERENCE',
        this.source,
        `unresolved ${reference.kind} reference "${reference.written}" (${reference.name}) in ${reference.where}`,
      );
    }
  }

  private resolves(reference: PendingReference, canonical: CanonicalWsdl, bindingNames: Set<string>): boolean {
    const { kind, name } = reference;
    switch (kind) {
      case 'type':
        if (name.startsWith(`{${XSD_NS}}`)) return XSD_BUILTIN_TYPES.has(name.slice(XSD_NS.length + 2));
        return name in canonical.complexTypes || name in canonical.simpleTypes;
      case 'element':
        return name in canonical.elements;
      case 'message':
        return name in canonical.messages;
      case 'portType':
        return this.portTypes.has(name);
      case 'binding':
        return bindingNames.has(name);
    }
  }

  private fail(code: WsdlCanonicalErrorCode, detail: string): never {
    throw new WsdlCanonicalError(code, this.source, detail);
  }

  /** Builds a record with sorted keys; a name declared twice is an error, not a silent overwrite. */
  private sortedRecord<T>(entries: [string, T][], what: string): Record<string, T> {
    const record: Record<string, T> = {};
    for (const [key, value] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (key in record) this.fail('NOT_A_WSDL', `${what} ${key} is declared more than once`);
      record[key] = value;
    }
    return record;
  }

  private requiredAttr(element: XmlElement, name: string, what: string): string {
    const value = attr(element, name);
    if (value === null || value === '') this.fail('NOT_A_WSDL', `${what} without the required "${name}" attribute`);
    return value;
  }

  /** Resolves a QName-valued attribute against the namespaces in scope at `element`. */
  private qnameAttr(
    element: XmlElement,
    name: string,
    kind: PendingReference['kind'],
    where: string,
  ): ClarkName | null {
    const value = attr(element, name);
    if (value === null) return null;
    const colon = value.indexOf(':');
    const prefix = colon >= 0 ? value.slice(0, colon) : null;
    const local = colon >= 0 ? value.slice(colon + 1) : value;
    const namespace = element.lookupNamespaceURI(prefix);
    if (prefix !== null && namespace === null) {
      this.fail('UNRESOLVED_REFERENCE', `undeclared namespace prefix "${prefix}" in ${name}="${value}" of ${where}`);
    }
    const qname = clark(namespace, local);
    this.references.push({ kind, name: qname, written: value, where });
    return qname;
  }

  private readSchema(
    schema: XmlElement,
    elements: [string, CanonicalElementDecl][],
    complexTypes: [string, CanonicalComplexType][],
    simpleTypes: [string, CanonicalSimpleType][],
  ): void {
    const namespace = attr(schema, 'targetNamespace');
    for (const child of childElements(schema)) {
      const where = `${child.localName ?? '?'} ${attr(child, 'name') ?? ''}`.trim();
      if (child.namespaceURI !== XSD_NS) continue;
      switch (child.localName) {
        case 'element':
          elements.push([
            clark(namespace, this.requiredAttr(child, 'name', 'xs:element')),
            this.readElementDecl(child, where),
          ]);
          break;
        case 'complexType':
          complexTypes.push([
            clark(namespace, this.requiredAttr(child, 'name', 'xs:complexType')),
            this.readComplexType(child, where),
          ]);
          break;
        case 'simpleType':
          simpleTypes.push([
            clark(namespace, this.requiredAttr(child, 'name', 'xs:simpleType')),
            this.readSimpleType(child, where),
          ]);
          break;
        case 'annotation':
          break;
        case 'import':
          if (attr(child, 'schemaLocation') !== null)
            this.fail('UNSUPPORTED', `external schema import (schemaLocation) in xs:schema`);
          break;
        default:
          this.fail('UNSUPPORTED', `xs:${child.localName ?? '?'} at the top level of xs:schema is not supported`);
      }
    }
  }

  private readInlineType(element: XmlElement, where: string): CanonicalComplexType | CanonicalSimpleType | null {
    const [complexType] = childElements(element, XSD_NS, 'complexType');
    if (complexType) return this.readComplexType(complexType, `${where} (inline type)`);
    const [simpleType] = childElements(element, XSD_NS, 'simpleType');
    if (simpleType) return this.readSimpleType(simpleType, `${where} (inline type)`);
    return null;
  }

  private readElementDecl(element: XmlElement, where: string): CanonicalElementDecl {
    return {
      type: this.qnameAttr(element, 'type', 'type', where),
      inlineType: this.readInlineType(element, where),
      nillable: attr(element, 'nillable') === 'true',
      abstract: attr(element, 'abstract') === 'true',
    };
  }

  private readComplexType(complexType: XmlElement, where: string): CanonicalComplexType {
    const canonical: CanonicalComplexType = {
      kind: 'complexType',
      abstract: attr(complexType, 'abstract') === 'true',
      mixed: attr(complexType, 'mixed') === 'true',
      base: null,
      derivation: null,
      compositor: 'sequence',
      children: [],
      attributes: [],
    };
    let content = complexType;
    const [complexContent] = childElements(complexType, XSD_NS, 'complexContent');
    if (childElements(complexType, XSD_NS, 'simpleContent').length > 0) {
      this.fail('UNSUPPORTED', `xs:simpleContent in ${where}`);
    }
    if (complexContent) {
      const [derivation] = childElements(complexContent).filter((child) => child.localName !== 'annotation');
      if (!derivation || (derivation.localName !== 'extension' && derivation.localName !== 'restriction')) {
        this.fail('NOT_A_WSDL', `xs:complexContent without xs:extension or xs:restriction in ${where}`);
      }
      canonical.derivation = derivation.localName;
      canonical.base = this.qnameAttr(derivation, 'base', 'type', where);
      content = derivation;
    }
    for (const child of childElements(content, XSD_NS)) {
      switch (child.localName) {
        case 'sequence':
        case 'all':
        case 'choice':
          canonical.compositor = child.localName;
          canonical.children = this.readParticles(child, where);
          break;
        case 'attribute':
          canonical.attributes.push(this.readAttribute(child, where));
          break;
        case 'annotation':
        case 'complexContent':
          break;
        default:
          this.fail('UNSUPPORTED', `xs:${child.localName ?? '?'} in ${where}`);
      }
    }
    return canonical;
  }

  private readParticles(group: XmlElement, where: string): CanonicalParticle[] {
    const particles: CanonicalParticle[] = [];
    for (const child of childElements(group, XSD_NS)) {
      if (child.localName === 'annotation') continue;
      if (child.localName !== 'element') {
        this.fail('UNSUPPORTED', `xs:${child.localName ?? '?'} inside a model group in ${where}`);
      }
      const ref = this.qnameAttr(child, 'ref', 'element', where);
      const name =
        ref === null ? this.requiredAttr(child, 'name', `xs:element in ${where}`) : ref.replace(/^\{[^}]*\}/, '');
      const childWhere = `${where}, element ${name}`;
      const maxOccurs = attr(child, 'maxOccurs');
      particles.push({
        name,
        type: this.qnameAttr(child, 'type', 'type', childWhere),
        ref,
        inlineType: this.readInlineType(child, childWhere),
        minOccurs: Number(attr(child, 'minOccurs') ?? '1'),
        maxOccurs: maxOccurs === null ? 1 : maxOccurs === 'unbounded' ? 'unbounded' : Number(maxOccurs),
        nillable: attr(child, 'nillable') === 'true',
      });
    }
    return particles;
  }

  private readAttribute(attribute: XmlElement, where: string): CanonicalAttribute {
    const use = attr(attribute, 'use') ?? 'optional';
    if (use !== 'optional' && use !== 'required' && use !== 'prohibited') {
      this.fail('NOT_A_WSDL', `xs:attribute with use="${use}" in ${where}`);
    }
    return {
      name: this.requiredAttr(attribute, 'name', `xs:attribute in ${where}`),
      type: this.qnameAttr(attribute, 'type', 'type', where),
      use,
    };
  }

  private readSimpleType(simpleType: XmlElement, where: string): CanonicalSimpleType {
    const [restriction] = childElements(simpleType, XSD_NS, 'restriction');
    if (!restriction) this.fail('UNSUPPORTED', `xs:simpleType other than xs:restriction in ${where}`);
    const base = this.qnameAttr(restriction, 'base', 'type', where);
    if (base === null) this.fail('UNSUPPORTED', `xs:restriction without base in ${where}`);
    const canonical: CanonicalSimpleType = { kind: 'simpleType', base, enumeration: [], facets: [] };
    for (const facet of childElements(restriction, XSD_NS)) {
      if (facet.localName === 'annotation') continue;
      const value = attr(facet, 'value') ?? '';
      if (facet.localName === 'enumeration') canonical.enumeration.push(value);
      else canonical.facets.push({ facet: facet.localName ?? '?', value });
    }
    return canonical;
  }

  private readMessage(message: XmlElement): CanonicalMessage {
    const where = `wsdl:message ${attr(message, 'name') ?? ''}`;
    return {
      parts: childElements(message, WSDL_NS, 'part').map((part) => ({
        name: this.requiredAttr(part, 'name', `wsdl:part in ${where}`),
        element: this.qnameAttr(part, 'element', 'element', where),
        type: this.qnameAttr(part, 'type', 'type', where),
      })),
    };
  }

  private readBinding(binding: XmlElement, messages: Record<ClarkName, CanonicalMessage>): CanonicalBinding {
    const name = attr(binding, 'name') ?? '';
    const where = `wsdl:binding ${name}`;
    const portTypeName = this.qnameAttr(binding, 'type', 'portType', where);
    if (portTypeName === null) this.fail('NOT_A_WSDL', `${where} without the required "type" attribute`);
    const [soapBinding] = childElements(binding, WSDL_SOAP_NS, 'binding');
    const bindingStyle = (soapBinding && attr(soapBinding, 'style')) ?? 'document';
    const portTypeOperations = this.portTypes.get(portTypeName);
    const operations: [string, CanonicalOperation][] = [];
    for (const operation of childElements(binding, WSDL_NS, 'operation')) {
      const operationName = this.requiredAttr(operation, 'name', `wsdl:operation in ${where}`);
      const operationWhere = `${where}, operation ${operationName}`;
      const abstract = portTypeOperations?.get(operationName);
      if (portTypeOperations && !abstract) {
        this.fail('UNRESOLVED_REFERENCE', `${operationWhere} has no operation of that name in its port type`);
      }
      if (!abstract) continue; // the port type itself is unresolved; checkReferences reports it
      operations.push([operationName, this.readOperation(operation, abstract, bindingStyle, messages, operationWhere)]);
    }
    return {
      portType: portTypeName,
      transport: (soapBinding && attr(soapBinding, 'transport')) ?? '',
      operations: this.sortedRecord(operations, `operation in ${where}:`),
    };
  }

  private readOperation(
    bound: XmlElement,
    abstract: XmlElement,
    bindingStyle: string,
    messages: Record<ClarkName, CanonicalMessage>,
    where: string,
  ): CanonicalOperation {
    const [soapOperation] = childElements(bound, WSDL_SOAP_NS, 'operation');
    const [input] = childElements(abstract, WSDL_NS, 'input');
    if (!input) this.fail('NOT_A_WSDL', `${where} has no wsdl:input in its port type`);
    const [output] = childElements(abstract, WSDL_NS, 'output');
    const [boundInput] = childElements(bound, WSDL_NS, 'input');
    const [boundOutput] = childElements(bound, WSDL_NS, 'output');
    const faults: [string, ClarkName][] = childElements(abstract, WSDL_NS, 'fault').map((fault) => [
      this.requiredAttr(fault, 'name', `wsdl:fault in ${where}`),
      this.qnameAttr(fault, 'message', 'message', where) ?? '',
    ]);
    return {
      soapAction: (soapOperation && attr(soapOperation, 'soapAction')) ?? '',
      style: (soapOperation && attr(soapOperation, 'style')) ?? bindingStyle,
      input: this.readOperationIO(input, boundInput, messages, `${where}, input`),
      output: output ? this.readOperationIO(output, boundOutput, messages, `${where}, output`) : null,
      faults: this.sortedRecord(faults, `fault in ${where}:`),
    };
  }

  private readOperationIO(
    abstract: XmlElement,
    bound: XmlElement | undefined,
    messages: Record<ClarkName, CanonicalMessage>,
    where: string,
  ): CanonicalOperationIO {
    const message = this.qnameAttr(abstract, 'message', 'message', where);
    if (message === null) this.fail('NOT_A_WSDL', `${where} without the required "message" attribute`);
    const [body] = bound ? childElements(bound, WSDL_SOAP_NS, 'body') : [];
    const headers = (bound ? childElements(bound, WSDL_SOAP_NS, 'header') : []).map((header): CanonicalHeader => {
      const headerMessage = this.qnameAttr(header, 'message', 'message', `${where}, soap:header`);
      if (headerMessage === null)
        this.fail('NOT_A_WSDL', `${where}: soap:header without the required "message" attribute`);
      const part = this.requiredAttr(header, 'part', `soap:header in ${where}`);
      const headerParts = messages[headerMessage]?.parts;
      const headerPart = headerParts?.find((candidate) => candidate.name === part);
      if (headerParts && !headerPart) {
        this.fail(
          'UNRESOLVED_REFERENCE',
          `unresolved part "${part}" of message ${headerMessage} in ${where}, soap:header`,
        );
      }
      return {
        message: headerMessage,
        part,
        element: headerPart?.element ?? null,
        use: attr(header, 'use') ?? 'literal',
      };
    });
    const bodyPartNames = body ? attr(body, 'parts')?.split(/\s+/).filter(Boolean) : undefined;
    const parts = (messages[message]?.parts ?? []).filter(
      (part) => !bodyPartNames || bodyPartNames.includes(part.name),
    );
    return {
      message,
      bodyElements: parts.map((part) => part.element),
      use: (body && attr(body, 'use')) ?? 'literal',
      headers,
    };
  }

  private readService(service: XmlElement): CanonicalService {
    const where = `wsdl:service ${attr(service, 'name') ?? ''}`;
    const ports = childElements(service, WSDL_NS, 'port').map((port): [string, CanonicalPort] => {
      const name = this.requiredAttr(port, 'name', `wsdl:port in ${where}`);
      const binding = this.qnameAttr(port, 'binding', 'binding', `${where}, port ${name}`);
      if (binding === null) this.fail('NOT_A_WSDL', `${where}, port ${name} without the required "binding" attribute`);
      const [address] = childElements(port, WSDL_SOAP_NS, 'address');
      return [name, { binding, address: address ? attr(address, 'location') : null }];
    });
    return { ports: this.sortedRecord(ports, `port in ${where}:`) };
  }
}

/** One way two canonical descriptions differ. */
export interface WsdlDifference {
  /** Where, as a property path into {@link CanonicalWsdl}, e.g. `complexTypes["{ns}ParamsSyncLead"].children["marketoCookie"].minOccurs`. */
  path: string;
  /** The value in the expected description, `undefined` when it has no such item. */
  expected: unknown;
  /** The value in the actual description, `undefined` when it has no such item. */
  actual: unknown;
  /** One human-readable line: the path, then what was expected and what was found. */
  message: string;
}

/** Options of {@link compareCanonicalWsdl}. */
export interface CompareOptions {
  /**
   * Also compare `soap:address` locations. Default false: the address is where one deployment
   * listens, not part of the API (clients pass their own endpoint).
   */
  compareAddresses?: boolean;
}

/**
 * Lists every difference between two canonical descriptions, in a stable order. An empty list means the
 * two WSDLs describe the same API.
 *
 * Keyed records are compared key by key (a missing or extra key is one difference). Lists of named items
 * (sequence children, message parts, headers) are compared by name, and a change of order is reported
 * once as the list of names. Enumeration values are reported as missing or unexpected values, or as an
 * order change when only the order differs.
 */
export function compareCanonicalWsdl(
  expected: CanonicalWsdl,
  actual: CanonicalWsdl,
  options: CompareOptions = {},
): WsdlDifference[] {
  const differences: WsdlDifference[] = [];
  const ignoreAddresses = options.compareAddresses !== true;
  compareValues(
    expected,
    actual,
    '',
    differences,
    (path) => ignoreAddresses && /^services\[.*\]\.ports\[.*\]\.address$/.test(path),
  );
  return differences;
}

/** Formats a list of differences for an assertion message or a terminal, one per line. */
export function formatWsdlDifferences(differences: readonly WsdlDifference[]): string {
  return differences.map((difference) => difference.message).join('\n');
}

function summarize(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return '(present)';
  return JSON.stringify(value);
}

function report(differences: WsdlDifference[], path: string, expected: unknown, actual: unknown, what?: string): void {
  const detail = what ?? `expected ${summarize(expected)}, actual ${summarize(actual)}`;
  differences.push({ path, expected, actual, message: `${path}: ${detail}` });
}

const MISSING = 'missing: in the expected WSDL, not in the actual one';
const UNEXPECTED = 'unexpected: in the actual WSDL, not in the expected one';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Fields of {@link CanonicalWsdl} (and its parts) whose records are keyed by names from the document. */
const NAME_KEYED_FIELDS =
  /(^|\.)(services|bindings|messages|elements|complexTypes|simpleTypes|ports|operations|faults)$/;

function compareValues(
  expected: unknown,
  actual: unknown,
  path: string,
  differences: WsdlDifference[],
  ignored: (path: string) => boolean,
): void {
  if (ignored(path)) return;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    compareLists(expected, actual, path, differences, ignored);
  } else if (isRecord(expected) && isRecord(actual)) {
    const keyedByName = NAME_KEYED_FIELDS.test(path);
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      const next = keyedByName ? `${path}[${JSON.stringify(key)}]` : path === '' ? key : `${path}.${key}`;
      if (!(key in expected)) report(differences, next, undefined, actual[key], UNEXPECTED);
      else if (!(key in actual)) report(differences, next, expected[key], undefined, MISSING);
      else compareValues(expected[key], actual[key], next, differences, ignored);
    }
  } else if (expected !== actual) {
    report(differences, path, expected, actual);
  }
}

/** Identity of an item in a list of named things; headers have no name and are identified by message and part. */
function itemKey(item: unknown): string | null {
  if (!isRecord(item)) return null;
  if (typeof item.name === 'string') return item.name;
  if (typeof item.message === 'string' && typeof item.part === 'string') return `${item.message}#${item.part}`;
  return null;
}

function reportOrder(differences: WsdlDifference[], path: string, expected: string[], actual: string[]): void {
  if (expected.join('\n') === actual.join('\n')) return;
  report(
    differences,
    `${path}.order`,
    expected,
    actual,
    `order differs: expected ${JSON.stringify(expected)}, actual ${JSON.stringify(actual)}`,
  );
}

function compareLists(
  expected: unknown[],
  actual: unknown[],
  path: string,
  differences: WsdlDifference[],
  ignored: (path: string) => boolean,
): void {
  const expectedKeys = expected.map(itemKey);
  const actualKeys = actual.map(itemKey);
  // Compared by name when every item has a name, once; otherwise (e.g. a name repeated in a sequence) by position.
  const identifiable = (keys: (string | null)[]) =>
    keys.every((key) => key !== null) && new Set(keys).size === keys.length;
  if (identifiable(expectedKeys) && identifiable(actualKeys)) {
    const expectedItems = new Map(expected.map((item, index) => [expectedKeys[index] as string, item]));
    const actualItems = new Map(actual.map((item, index) => [actualKeys[index] as string, item]));
    for (const [key, item] of expectedItems) {
      const itemPath = `${path}[${JSON.stringify(key)}]`;
      if (!actualItems.has(key)) report(differences, itemPath, item, undefined, MISSING);
      else compareValues(item, actualItems.get(key), itemPath, differences, ignored);
    }
    for (const [key, item] of actualItems) {
      if (!expectedItems.has(key)) report(differences, `${path}[${JSON.stringify(key)}]`, undefined, item, UNEXPECTED);
    }
    const common = [...expectedItems.keys()].filter((key) => actualItems.has(key));
    reportOrder(
      differences,
      path,
      common,
      [...actualItems.keys()].filter((key) => expectedItems.has(key)),
    );
    return;
  }
  if (expected.every((item) => typeof item === 'string') && actual.every((item) => typeof item === 'string')) {
    for (const value of expected) {
      if (!actual.includes(value))
        report(differences, path, value, undefined, `missing value ${JSON.stringify(value)}`);
    }
    for (const value of actual) {
      if (!expected.includes(value))
        report(differences, path, undefined, value, `unexpected value ${JSON.stringify(value)}`);
    }
    reportOrder(
      differences,
      path,
      expected.filter((value) => actual.includes(value)),
      actual.filter((value) => expected.includes(value)),
    );
    return;
  }
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index += 1) {
    const itemPath = `${path}[${index}]`;
    if (index >= actual.length) report(differences, itemPath, expected[index], undefined, MISSING);
    else if (index >= expected.length) report(differences, itemPath, undefined, actual[index], UNEXPECTED);
    else compareValues(expected[index], actual[index], itemPath, differences, ignored);
  }
}
