// Reads the documentation texts of a WSDL (`wsdl:documentation`, `xs:annotation/xs:documentation`) by the
// path of what they document (see `WsdlModel.documentation`). The generator turns them into doc comments;
// the diff reports their changes.
import type { Element } from '@xmldom/xmldom';
import { WSDL_NS, WSDL_SOAP_NS, XSD_NS } from './namespaces.js';
import { childElements } from './xml.js';

/** Every documentable node of `definitions` by path -> its text (`''` if none). */
export function readDocumentation(definitions: Element): Record<string, string> {
  const documentation = new Map<string, string>();
  visit(definitions, 'wsdl', documentation);
  return Object.fromEntries(documentation);
}

/** Trims each line and drops blank lines at either end, keeping paragraph breaks. */
function tidy(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The path of `node` given its parent's path, or the parent's path when the node is a mere container. */
function pathOf(node: Element, parentPath: string): string {
  const name = node.getAttribute('name') ?? '';
  const inWsdl = node.namespaceURI === WSDL_NS;
  const inXsd = node.namespaceURI === XSD_NS;
  const parent = node.parentNode as Element | null;
  const topLevelXsd = inXsd && parent?.namespaceURI === XSD_NS && parent.localName === 'schema';
  switch (inWsdl || inXsd ? node.localName : null) {
    case 'operation':
      return inWsdl && parent?.localName === 'binding' ? `operations.${name}.binding` : `operations.${name}`;
    case 'message':
      return inWsdl ? `messages.${name}` : parentPath;
    case 'part':
    case 'port':
      return inWsdl ? `${parentPath}.${name}` : parentPath;
    case 'service':
      return inWsdl ? `services.${name}` : parentPath;
    case 'complexType':
    case 'simpleType':
      return topLevelXsd ? `types.${name}` : parentPath;
    case 'element':
      if (!inXsd) return parentPath;
      if (topLevelXsd) return `elements.${name}`;
      return `${parentPath}.${name || (node.getAttribute('ref') ?? '').replace(/^.*:/, '')}`;
    case 'attribute':
      return inXsd ? `${parentPath}.@${name}` : parentPath;
    case 'enumeration':
      return inXsd ? `${parentPath}[${JSON.stringify(node.getAttribute('value') ?? '')}]` : parentPath;
    default:
      return parentPath; // definitions, types, schema, portType, binding, sequence, input, ...: containers
  }
}

function isDocumentation(node: Element): boolean {
  return node.localName === 'documentation' && (node.namespaceURI === WSDL_NS || node.namespaceURI === XSD_NS);
}

function visit(node: Element, path: string, documentation: Map<string, string>): void {
  if (!documentation.has(path)) documentation.set(path, '');
  for (const child of childElements(node)) {
    if (child.namespaceURI === WSDL_SOAP_NS) continue;
    if (isDocumentation(child)) {
      append(documentation, path, tidy(child.textContent ?? ''));
    } else if (child.namespaceURI === XSD_NS && child.localName === 'annotation') {
      for (const text of childElements(child).filter(isDocumentation))
        append(documentation, path, tidy(text.textContent ?? ''));
    } else {
      visit(child, pathOf(child, path), documentation);
    }
  }
}

function append(documentation: Map<string, string>, path: string, text: string): void {
  const current = documentation.get(path) ?? '';
  documentation.set(path, current && text ? `${current}\n\n${text}` : current || text);
}
