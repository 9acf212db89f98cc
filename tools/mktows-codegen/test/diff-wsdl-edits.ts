// Programmatic edits of wsdl/mktows.wsdl for the diff tests: the project WSDL parsed with @xmldom/xmldom,
// changed through the DOM (never by text search), and serialised again. Every lookup fails loudly when
// its target is missing, so an edit can never silently do nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@org/test-support';
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';

export { repoRoot };
/** The project WSDL's path and text. */
export const projectWsdlPath = path.join(repoRoot, 'wsdl/mktows.wsdl');
export const projectWsdlText = readFileSync(projectWsdlPath, 'utf8');

const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const SOAP = 'http://schemas.xmlsoap.org/wsdl/soap/';
const XSD = 'http://www.w3.org/2001/XMLSchema';

/** The project WSDL as a DOM with lookups for the parts tests change. */
export class WsdlEditor {
  readonly document: Document;

  constructor(text = projectWsdlText) {
    this.document = new DOMParser().parseFromString(text, 'text/xml');
  }

  /** The serialised document. */
  toString(): string {
    return new XMLSerializer().serializeToString(this.document);
  }

  private root(): Element {
    const root = this.document.documentElement;
    if (!root) throw new Error('WSDL has no root element');
    return root;
  }

  private only(candidates: Element[], what: string): Element {
    const [found] = candidates;
    if (candidates.length !== 1 || !found) throw new Error(`expected exactly one ${what}, found ${candidates.length}`);
    return found;
  }

  private all(parent: Document | Element, namespace: string, localName: string): Element[] {
    return Array.from(parent.getElementsByTagNameNS(namespace, localName));
  }

  /** The xs:schema element. */
  schema(): Element {
    return this.only(this.all(this.document, XSD, 'schema'), 'xs:schema');
  }

  /** The element children of xs:schema (top-level declarations). */
  schemaChildren(): Element[] {
    return Array.from(this.schema().childNodes).filter((node): node is Element => node.nodeType === node.ELEMENT_NODE);
  }

  /** A named top-level complexType or simpleType. */
  type(name: string): Element {
    const types = [...this.all(this.document, XSD, 'complexType'), ...this.all(this.document, XSD, 'simpleType')];
    return this.only(
      types.filter((type) => type.getAttribute('name') === name),
      `type ${name}`,
    );
  }

  /** An element particle of a named complex type. */
  property(typeName: string, elementName: string): Element {
    return this.only(
      this.all(this.type(typeName), XSD, 'element').filter((element) => element.getAttribute('name') === elementName),
      `element ${elementName} in ${typeName}`,
    );
  }

  /** An enumeration facet of a named simple type. */
  enumValue(typeName: string, value: string): Element {
    return this.only(
      this.all(this.type(typeName), XSD, 'enumeration').filter((element) => element.getAttribute('value') === value),
      `value ${value} of ${typeName}`,
    );
  }

  /** The operation of the port type (`'portType'`) or of the binding (`'binding'`). */
  operation(name: string, where: 'portType' | 'binding'): Element {
    const container = this.only(this.all(this.root(), WSDL, where), `wsdl:${where}`);
    return this.only(
      this.all(container, WSDL, 'operation').filter((operation) => operation.getAttribute('name') === name),
      `${where} operation ${name}`,
    );
  }

  /** The soap:operation of a bound operation. */
  soapOperation(name: string): Element {
    return this.only(this.all(this.operation(name, 'binding'), SOAP, 'operation'), `soap:operation of ${name}`);
  }

  /** The soap:header elements of a bound operation's input. */
  inputHeaders(name: string): Element[] {
    const input = this.only(this.all(this.operation(name, 'binding'), WSDL, 'input'), `input of ${name}`);
    return this.all(input, SOAP, 'header');
  }

  /** A top-level WSDL element (`message`, `portType`, `binding`, `service`) by name. */
  wsdlElement(localName: string, name: string): Element {
    return this.only(
      this.all(this.root(), WSDL, localName).filter((element) => element.getAttribute('name') === name),
      `wsdl:${localName} ${name}`,
    );
  }

  /** The only child of `parent` with that namespace and local name. */
  child(parent: Element, namespace: 'wsdl' | 'soap' | 'xsd', localName: string): Element {
    const uri = { wsdl: WSDL, soap: SOAP, xsd: XSD }[namespace];
    return this.only(this.all(parent, uri, localName), `${namespace}:${localName} in ${parent.tagName}`);
  }

  /** The soap:address of the (only) port. */
  address(): Element {
    return this.only(this.all(this.document, SOAP, 'address'), 'soap:address');
  }

  /** The xs:documentation text node holder of a schema component (its first one). */
  documentation(of: Element): Element {
    const [first] = this.all(of, XSD, 'documentation');
    if (!first) throw new Error(`no documentation under ${of.getAttribute('name') ?? of.tagName}`);
    return first;
  }

  /** A new element in the XML Schema namespace with the given attributes, prefixed like the file's. */
  xsd(localName: string, attributes: Record<string, string>): Element {
    const element = this.document.createElementNS(XSD, `${this.schema().prefix ?? 'xsd'}:${localName}`);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  }

  /** Removes `node` from its parent. */
  remove(node: Element): void {
    node.parentNode?.removeChild(node);
  }

  /** A deep copy of `node` inserted right after it. */
  duplicate(node: Element): Element {
    const copy = node.cloneNode(true) as Element;
    node.parentNode?.insertBefore(copy, node.nextSibling);
    return copy;
  }
}

/** Applies `edit` to the project WSDL and returns the edited text. */
export function editProjectWsdl(edit: (wsdl: WsdlEditor) => void): string {
  const editor = new WsdlEditor();
  edit(editor);
  return editor.toString();
}
