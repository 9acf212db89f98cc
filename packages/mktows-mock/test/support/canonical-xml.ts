// A canonical form of an XML document for structural comparison: namespace URI + local name, attributes
// other than namespace declarations, and either text or child elements. Comments and whitespace-only text
// between elements are ignored, so pretty-printed and compact documents compare equal.
import type { Element } from '@xmldom/xmldom';

import { parseXml } from './soap-http.js';

/** One element in canonical form. */
export interface CanonicalElement {
  name: string;
  attributes?: Record<string, string>;
  text?: string;
  children?: CanonicalElement[];
}

function canonical(element: Element): CanonicalElement {
  const result: CanonicalElement = { name: `{${element.namespaceURI ?? ''}}${element.localName ?? ''}` };
  const attributes: Record<string, string> = {};
  for (let index = 0; index < element.attributes.length; index += 1) {
    const attribute = element.attributes.item(index);
    if (!attribute || attribute.name === 'xmlns' || attribute.prefix === 'xmlns') continue;
    attributes[`{${attribute.namespaceURI ?? ''}}${attribute.localName ?? ''}`] = attribute.value;
  }
  if (Object.keys(attributes).length > 0) result.attributes = attributes;
  const children: CanonicalElement[] = [];
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) children.push(canonical(node as Element));
    else if (node.nodeType === 3 || node.nodeType === 4) text += node.nodeValue ?? '';
  }
  if (children.length > 0) result.children = children;
  else if (text !== '') result.text = text;
  return result;
}

/** The canonical form of an XML document's root element. */
export function canonicalXml(xml: string): CanonicalElement {
  return canonical(parseXml(xml));
}
