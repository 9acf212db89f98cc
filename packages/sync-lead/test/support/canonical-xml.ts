// Canonical form of a SOAP body for structural comparison: element namespace + local name, in
// document order, with trimmed text; namespace prefixes, whitespace between elements, comments and
// xmlns declarations do not matter, attributes other than xmlns do.
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

/** One element of a canonical body. */
export interface CanonicalElement {
  name: string;
  attributes: Record<string, string>;
  children: CanonicalElement[];
  text: string;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

function canonicalize(element: Element): CanonicalElement {
  const attributes: Record<string, string> = {};
  for (let i = 0; i < element.attributes.length; i += 1) {
    const attribute = element.attributes.item(i);
    if (!attribute || attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:')) continue;
    attributes[`{${attribute.namespaceURI ?? ''}}${attribute.localName ?? attribute.name}`] = attribute.value;
  }
  const children: CanonicalElement[] = [];
  let text = '';
  for (let node: Node | null = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) children.push(canonicalize(node as Element));
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) text += node.nodeValue ?? '';
  }
  return { name: `{${element.namespaceURI ?? ''}}${element.localName ?? element.nodeName}`, attributes, children, text: text.trim() };
}

/** The canonical form of the first element inside the envelope's Body. */
export function canonicalBody(envelopeXml: string): CanonicalElement {
  const document = new DOMParser().parseFromString(envelopeXml, 'text/xml');
  const bodies = document.getElementsByTagNameNS('http://schemas.xmlsoap.org/soap/envelope/', 'Body');
  const body = bodies.item(0);
  if (!body) throw new Error('no SOAP Body in the envelope');
  for (let node: Node | null = body.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) return canonicalize(node as Element);
  }
  throw new Error('the SOAP Body is empty');
}

/** The text of every element with this local name, in document order. */
export function elementTexts(envelopeXml: string, localName: string): string[] {
  const document = new DOMParser().parseFromString(envelopeXml, 'text/xml');
  const found = document.getElementsByTagNameNS('*', localName);
  const texts: string[] = [];
  for (let i = 0; i < found.length; i += 1) texts.push(found.item(i)?.textContent ?? '');
  return texts;
}
