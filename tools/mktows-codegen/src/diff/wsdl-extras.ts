// What the canonical model leaves out on purpose but a diff must see: documentation texts (ignored by
// the equivalence check) and the schemas' elementFormDefault/attributeFormDefault. Read from the DOM.
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { tidy } from '../documentation.js';
import { WSDL_NS, WSDL_SOAP_NS, XSD_NS } from '../wsdl-canonical.js';

/** Documentation and schema settings of one WSDL. */
export interface WsdlExtras {
  /** Every documentable node by path (`types.LeadRecord.Email`, `operations.syncLead`, ...) -> its text ('' if none). */
  readonly documentation: ReadonlyMap<string, string>;
  /** `elementFormDefault attributeFormDefault` of each schema, by target namespace. */
  readonly schemaForms: ReadonlyMap<string, string>;
}

/** Reads the extras of a WSDL already known to be well-formed (the canonical reader parsed it first). */
export function readWsdlExtras(text: string): WsdlExtras {
  const root = new DOMParser().parseFromString(text, 'text/xml').documentElement;
  const documentation = new Map<string, string>();
  const schemaForms = new Map<string, string>();
  if (root) visit(root, 'wsdl', documentation, schemaForms);
  return { documentation, schemaForms };
}

function elementChildren(node: XmlElement): XmlElement[] {
  const children: XmlElement[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === child.ELEMENT_NODE) children.push(child as XmlElement);
  }
  return children;
}

/** The path of `node` given its parent's path, or the parent's path when the node is a mere container. */
function pathOf(node: XmlElement, parentPath: string): string {
  const name = node.getAttribute('name') ?? '';
  const inWsdl = node.namespaceURI === WSDL_NS;
  const inXsd = node.namespaceURI === XSD_NS;
  const parent = node.parentNode as XmlElement | null;
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

function isDocumentation(node: XmlElement): boolean {
  return node.localName === 'documentation' && (node.namespaceURI === WSDL_NS || node.namespaceURI === XSD_NS);
}

function visit(
  node: XmlElement,
  path: string,
  documentation: Map<string, string>,
  schemaForms: Map<string, string>,
): void {
  if (!documentation.has(path)) documentation.set(path, '');
  if (node.namespaceURI === XSD_NS && node.localName === 'schema') {
    const forms = ['elementFormDefault', 'attributeFormDefault'].map(
      (attribute) => `${attribute}=${node.getAttribute(attribute) || 'unqualified'}`,
    );
    schemaForms.set(node.getAttribute('targetNamespace') ?? '', forms.join(' '));
  }
  for (const child of elementChildren(node)) {
    if (child.namespaceURI === WSDL_SOAP_NS) continue;
    if (isDocumentation(child)) {
      append(documentation, path, tidy(child.textContent ?? ''));
    } else if (child.namespaceURI === XSD_NS && child.localName === 'annotation') {
      for (const text of elementChildren(child).filter(isDocumentation)) {
        append(documentation, path, tidy(text.textContent ?? ''));
      }
    } else {
      visit(child, pathOf(child, path), documentation, schemaForms);
    }
  }
}

function append(documentation: Map<string, string>, path: string, text: string): void {
  const current = documentation.get(path) ?? '';
  documentation.set(path, current && text ? `${current}\n\n${text}` : current || text);
}
