// Collects the human documentation of a WSDL (wsdl:documentation and
// xs:annotation/xs:documentation) so emitters can turn it into doc comments.
// soap's parsed model drops these texts, hence this small DOM pass.
import type { Document, Element } from '@xmldom/xmldom';
import { XSD_NAMESPACE } from './xsd-builtins.js';

const WSDL_NAMESPACE = 'http://schemas.xmlsoap.org/wsdl/';

/** Documentation texts keyed by what they document. Keys use schema names. */
export interface DocumentationIndex {
  /** Operation name -> text (portType, else binding operation). */
  readonly operations: ReadonlyMap<string, string>;
  /** complexType/simpleType name -> text. */
  readonly types: ReadonlyMap<string, string>;
  /** `Type.element` -> text for elements inside a complex type. */
  readonly fields: ReadonlyMap<string, string>;
  /** Global element name -> text. */
  readonly elements: ReadonlyMap<string, string>;
  /** `Type.value` -> text for enumeration values. */
  readonly enumValues: ReadonlyMap<string, string>;
}

/** Reads every documentation text of the target namespace's schema(s) and of the port types. */
export function collectDocumentation(document: Document, targetNamespace: string): DocumentationIndex {
  const operations = new Map<string, string>();
  const types = new Map<string, string>();
  const fields = new Map<string, string>();
  const elements = new Map<string, string>();
  const enumValues = new Map<string, string>();

  for (const section of ['binding', 'portType']) {
    for (const container of childrenNS(document.documentElement!, WSDL_NAMESPACE, section)) {
      for (const operation of childrenNS(container, WSDL_NAMESPACE, 'operation')) {
        const text = wsdlDocumentation(operation);
        if (text) operations.set(operation.getAttribute('name') ?? '', text);
      }
    }
  }

  for (const schema of descendantsNS(document, XSD_NAMESPACE, 'schema')) {
    if ((schema.getAttribute('targetNamespace') ?? '') !== targetNamespace) continue;
    for (const child of elementChildren(schema)) {
      const name = child.getAttribute('name');
      if (child.namespaceURI !== XSD_NAMESPACE || !name) continue;
      const text = xsdDocumentation(child);
      if (child.localName === 'element') {
        if (text) elements.set(name, text);
      } else if (child.localName === 'complexType' || child.localName === 'simpleType') {
        if (text) types.set(name, text);
        for (const element of descendantsNS(child, XSD_NAMESPACE, 'element')) {
          const elementText = xsdDocumentation(element);
          if (elementText) fields.set(`${name}.${element.getAttribute('name') ?? ''}`, elementText);
        }
        for (const enumeration of descendantsNS(child, XSD_NAMESPACE, 'enumeration')) {
          const valueText = xsdDocumentation(enumeration);
          if (valueText) enumValues.set(`${name}.${enumeration.getAttribute('value') ?? ''}`, valueText);
        }
      }
    }
  }
  return { operations, types, fields, elements, enumValues };
}

function wsdlDocumentation(node: Element): string | undefined {
  return joinTexts(childrenNS(node, WSDL_NAMESPACE, 'documentation'));
}

function xsdDocumentation(node: Element): string | undefined {
  const annotations = childrenNS(node, XSD_NAMESPACE, 'annotation');
  return joinTexts(annotations.flatMap((annotation) => childrenNS(annotation, XSD_NAMESPACE, 'documentation')));
}

function joinTexts(nodes: Element[]): string | undefined {
  const text = nodes
    .map((node) => tidy(node.textContent ?? ''))
    .filter((part) => part.length > 0)
    .join('\n\n');
  return text.length > 0 ? text : undefined;
}

/** Trims each line and drops blank lines at either end, keeping paragraph breaks. */
export function tidy(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}

function elementChildren(node: Element): Element[] {
  const result: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === child.ELEMENT_NODE) result.push(child as Element);
  }
  return result;
}

function childrenNS(node: Element, namespace: string, localName: string): Element[] {
  return elementChildren(node).filter((child) => child.namespaceURI === namespace && child.localName === localName);
}

function descendantsNS(node: Document | Element, namespace: string, localName: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(namespace, localName));
}
