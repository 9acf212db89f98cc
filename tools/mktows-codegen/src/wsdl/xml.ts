// The one XML set-up of the generator: reads a WSDL file, proves it is well-formed XML (so a bad input
// fails with one line naming the file and the spot), and the small DOM helpers the readers share.
import { readFile } from 'node:fs/promises';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { CodegenError } from '../errors.js';

/** Reads a WSDL file's text; `displayPath` names the file in errors. */
export async function readWsdlText(path: string, displayPath: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CodegenError(displayPath, 'file not found');
    if (code === 'EISDIR') throw new CodegenError(displayPath, 'is a directory, not a WSDL file');
    throw new CodegenError(displayPath, `cannot be read (${code ?? String(error)})`);
  }
}

/**
 * Parses `text` as XML, rejecting anything that is not a well-formed document. @xmldom/xmldom expands no
 * external entities and fetches nothing.
 */
export function parseXml(text: string, source: string): Document {
  let firstProblem: string | undefined;
  const parser = new DOMParser({
    onError: (level, message, context: unknown) => {
      if (level === 'warning') return;
      firstProblem ??= `${oneLine(message)}${describeLocation(context)}`;
      throw new Error(firstProblem);
    },
  });
  let document: Document;
  try {
    document = parser.parseFromString(text, 'text/xml');
  } catch {
    throw new CodegenError(source, `not well-formed XML: ${firstProblem ?? 'parse failed'}`);
  }
  if (!document.documentElement) throw new CodegenError(source, 'not XML: no root element');
  return document;
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

function describeLocation(context: unknown): string {
  const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
  return locator?.lineNumber === undefined ? '' : ` (line ${locator.lineNumber}, column ${locator.columnNumber ?? 0})`;
}

/** The element children of `parent`, optionally only those with the given namespace and local name. */
export function childElements(parent: Element, namespace?: string, localName?: string): Element[] {
  const result: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    const element = node as Element;
    if (namespace !== undefined && element.namespaceURI !== namespace) continue;
    if (localName !== undefined && element.localName !== localName) continue;
    result.push(element);
  }
  return result;
}

/** An attribute's value, `null` when the attribute is absent. */
export function attr(element: Element, name: string): string | null {
  return element.hasAttribute(name) ? element.getAttribute(name) : null;
}

/** An XSD boolean attribute (`true`/`1`), false when absent. */
export function booleanAttr(element: Element, name: string): boolean {
  const value = attr(element, name)?.trim();
  return value === 'true' || value === '1';
}

/** Where a node is, for messages: `element "leadRecord" in complexType "ParamsSyncLead"`. */
export function describeNode(node: Element): string {
  const ownName = node.getAttribute('name');
  const own = ownName ? `${node.localName ?? ''} "${ownName}"` : (node.localName ?? 'node');
  for (let parent = node.parentNode; parent && parent.nodeType === parent.ELEMENT_NODE; parent = parent.parentNode) {
    const element = parent as Element;
    const name = element.getAttribute('name');
    if (name && element.localName !== 'schema' && element.localName !== 'definitions') {
      return `${own} in ${element.localName} "${name}"`;
    }
  }
  return own;
}
