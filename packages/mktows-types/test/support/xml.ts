// Reads request envelopes in tests: namespace-aware lookups with xmldom.
import { parseXml } from '@org/test-support';
import type { Element } from '@xmldom/xmldom';
import { MKTOWS_NAMESPACE } from '../../src/index.js';

export { parseXml };

export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const MKTOWS = MKTOWS_NAMESPACE;

/** Child elements of `node`. */
export function childElements(node: Element): Element[] {
  const result: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === child.ELEMENT_NODE) result.push(child as Element);
  }
  return result;
}

/** The only child element of `node` with this namespace and local name. */
export function child(node: Element, namespace: string | null, localName: string): Element {
  const found = childElements(node).filter((element) => element.namespaceURI === namespace && element.localName === localName);
  if (found.length !== 1) throw new Error(`expected one {${namespace ?? ''}}${localName} in ${node.tagName}, found ${found.length}`);
  return found[0]!;
}

/** Element tree as plain data: `{namespace}name` -> text or children, attributes ignored. Comments and whitespace dropped. */
export type XmlTree = { name: string; text?: string; children?: XmlTree[] };

export function toTree(node: Element): XmlTree {
  const name = `{${node.namespaceURI ?? ''}}${node.localName ?? ''}`;
  const children = childElements(node);
  if (children.length > 0) return { name, children: children.map(toTree) };
  return { name, text: (node.textContent ?? '').trim() };
}
