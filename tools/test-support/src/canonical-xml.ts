// A canonical form of XML for structural comparison: namespace URI + local name, attributes other than
// namespace declarations, trimmed text and child elements. Prefixes, comments and whitespace between
// elements do not matter, so pretty-printed and compact documents compare equal.
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

/** One element in canonical form (empty attributes, children and text are left out). */
export interface CanonicalElement {
  name: string;
  attributes?: Record<string, string>;
  children?: CanonicalElement[];
  text?: string;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** The document element of `xml` (throws on malformed XML). */
export function parseXml(xml: string): Element {
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(xml, 'text/xml');
  if (!document.documentElement) throw new Error('no document element');
  return document.documentElement;
}

/** The canonical form of one element. */
export function canonicalElement(element: Element): CanonicalElement {
  const result: CanonicalElement = { name: `{${element.namespaceURI ?? ''}}${element.localName ?? element.nodeName}` };
  const attributes: Record<string, string> = {};
  for (let index = 0; index < element.attributes.length; index += 1) {
    const attribute = element.attributes.item(index);
    if (!attribute || attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:')) continue;
    attributes[`{${attribute.namespaceURI ?? ''}}${attribute.localName ?? attribute.name}`] = attribute.value;
  }
  if (Object.keys(attributes).length > 0) result.attributes = attributes;
  const children: CanonicalElement[] = [];
  let text = '';
  for (let node: Node | null = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) children.push(canonicalElement(node as Element));
    else if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) text += node.nodeValue ?? '';
  }
  if (children.length > 0) result.children = children;
  else if (text.trim() !== '') result.text = text.trim();
  return result;
}

/** The canonical form of an XML document's root element. */
export function canonicalXml(xml: string): CanonicalElement {
  return canonicalElement(parseXml(xml));
}

/** The canonical form of the first element inside a SOAP envelope's Body. */
export function canonicalBody(envelopeXml: string): CanonicalElement {
  const body = parseXml(envelopeXml).getElementsByTagNameNS(SOAP_ENV_NS, 'Body').item(0);
  if (!body) throw new Error('no SOAP Body in the envelope');
  for (let node: Node | null = body.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) return canonicalElement(node as Element);
  }
  throw new Error('the SOAP Body is empty');
}

/** The text of every element with this local name, in document order. */
export function elementTexts(xml: string, localName: string): string[] {
  const found = new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagNameNS('*', localName);
  const texts: string[] = [];
  for (let index = 0; index < found.length; index += 1) texts.push(found.item(index)?.textContent ?? '');
  return texts;
}
