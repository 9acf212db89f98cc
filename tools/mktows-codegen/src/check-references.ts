// Proves every QName reference in a WSDL resolves before anything is generated.
// A WSDL that names types it never defines (Marketo's partial 2_6 WSDL did) must
// fail with one line that says which reference and where, not with a soap crash.
import type { Document, Element } from '@xmldom/xmldom';
import { CodegenError } from './errors.js';
import { XSD_NAMESPACE, isXsdBuiltin } from './xsd-builtins.js';

const WSDL_NAMESPACE = 'http://schemas.xmlsoap.org/wsdl/';
const SOAP_BINDING_NAMESPACES = ['http://schemas.xmlsoap.org/wsdl/soap/', 'http://schemas.xmlsoap.org/wsdl/soap12/'];

type Symbols = 'type' | 'element' | 'message' | 'portType' | 'binding';

/** One QName-valued attribute to check: which symbol space it points into and where it sits. */
interface Reference {
  readonly node: Element;
  readonly attribute: string;
  readonly space: Symbols;
}

/**
 * Throws a {@link CodegenError} naming the first reference that does not resolve
 * (and how many more there are), or an external import the package cannot ship.
 */
export function checkReferences(document: Document, displayPath: string): void {
  rejectExternalImports(document, displayPath);
  const declared = collectDeclarations(document);
  const problems: string[] = [];
  for (const reference of collectReferences(document)) {
    for (const qname of (reference.node.getAttribute(reference.attribute) ?? '').split(/\s+/).filter(Boolean)) {
      const problem = checkOne(reference, qname, declared);
      if (problem) problems.push(problem);
    }
  }
  problems.push(...checkHeaderParts(document, declared.messageParts));
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new CodegenError(displayPath, `${problems[0]}${more}`);
  }
}

interface Declarations {
  readonly names: Map<Symbols, Set<string>>;
  /** `{ns}message` -> its part names */
  readonly messageParts: Map<string, Set<string>>;
}

function collectDeclarations(document: Document): Declarations {
  const names = new Map<Symbols, Set<string>>(
    (['type', 'element', 'message', 'portType', 'binding'] as const).map((space) => [space, new Set<string>()]),
  );
  const messageParts = new Map<string, Set<string>>();
  for (const schema of byTag(document, XSD_NAMESPACE, 'schema')) {
    const namespace = schema.getAttribute('targetNamespace') ?? '';
    for (const child of children(schema)) {
      const name = child.getAttribute('name');
      if (child.namespaceURI !== XSD_NAMESPACE || !name) continue;
      if (child.localName === 'complexType' || child.localName === 'simpleType') names.get('type')!.add(key(namespace, name));
      if (child.localName === 'element') names.get('element')!.add(key(namespace, name));
    }
  }
  const definitions = document.documentElement!;
  const namespace = definitions.getAttribute('targetNamespace') ?? '';
  for (const child of children(definitions)) {
    const name = child.getAttribute('name');
    if (child.namespaceURI !== WSDL_NAMESPACE || !name) continue;
    if (child.localName === 'message') {
      names.get('message')!.add(key(namespace, name));
      const parts = children(child).filter((part) => part.localName === 'part');
      messageParts.set(key(namespace, name), new Set(parts.map((part) => part.getAttribute('name') ?? '')));
    }
    if (child.localName === 'portType') names.get('portType')!.add(key(namespace, name));
    if (child.localName === 'binding') names.get('binding')!.add(key(namespace, name));
  }
  return { names, messageParts };
}

function collectReferences(document: Document): Reference[] {
  const references: Reference[] = [];
  const add = (namespace: string, tag: string, attribute: string, space: Symbols): void => {
    for (const node of byTag(document, namespace, tag)) {
      if (node.hasAttribute(attribute)) references.push({ node, attribute, space });
    }
  };
  add(XSD_NAMESPACE, 'element', 'type', 'type');
  add(XSD_NAMESPACE, 'element', 'ref', 'element');
  add(XSD_NAMESPACE, 'attribute', 'type', 'type');
  add(XSD_NAMESPACE, 'extension', 'base', 'type');
  add(XSD_NAMESPACE, 'restriction', 'base', 'type');
  add(XSD_NAMESPACE, 'list', 'itemType', 'type');
  add(XSD_NAMESPACE, 'union', 'memberTypes', 'type');
  add(WSDL_NAMESPACE, 'part', 'element', 'element');
  add(WSDL_NAMESPACE, 'part', 'type', 'type');
  add(WSDL_NAMESPACE, 'input', 'message', 'message');
  add(WSDL_NAMESPACE, 'output', 'message', 'message');
  add(WSDL_NAMESPACE, 'fault', 'message', 'message');
  add(WSDL_NAMESPACE, 'binding', 'type', 'portType');
  add(WSDL_NAMESPACE, 'port', 'binding', 'binding');
  for (const soapNamespace of SOAP_BINDING_NAMESPACES) add(soapNamespace, 'header', 'message', 'message');
  return references;
}

function checkOne(reference: Reference, qname: string, declared: Declarations): string | undefined {
  const { node, space } = reference;
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? null : qname.slice(0, colon);
  const localName = colon === -1 ? qname : qname.slice(colon + 1);
  const namespace = node.lookupNamespaceURI(prefix) ?? '';
  const where = describe(node);
  if (prefix !== null && namespace === '') return `undeclared namespace prefix "${prefix}" in ${space} reference "${qname}" (${where})`;
  if (namespace === XSD_NAMESPACE && space === 'type') {
    return isXsdBuiltin(localName) ? undefined : `unknown XML Schema type "${qname}" (${where})`;
  }
  if (declared.names.get(space)!.has(key(namespace, localName))) return undefined;
  const noun = space === 'portType' ? 'port type' : space;
  return `unresolved ${noun} reference "${qname}" (${where})`;
}

/** soap:header names a message AND a part of it; both must exist. */
function checkHeaderParts(document: Document, messageParts: Map<string, Set<string>>): string[] {
  const problems: string[] = [];
  for (const soapNamespace of SOAP_BINDING_NAMESPACES) {
    for (const header of byTag(document, soapNamespace, 'header')) {
      const message = header.getAttribute('message') ?? '';
      const part = header.getAttribute('part') ?? '';
      const colon = message.indexOf(':');
      const namespace = header.lookupNamespaceURI(colon === -1 ? null : message.slice(0, colon)) ?? '';
      const parts = messageParts.get(key(namespace, message.slice(colon + 1)));
      if (parts && !parts.has(part)) problems.push(`header part "${part}" is not in message "${message}" (${describe(header)})`);
    }
  }
  return problems;
}

function rejectExternalImports(document: Document, displayPath: string): void {
  const external = [
    ...byTag(document, XSD_NAMESPACE, 'include'),
    ...byTag(document, XSD_NAMESPACE, 'import').filter((node) => node.hasAttribute('schemaLocation')),
    ...byTag(document, WSDL_NAMESPACE, 'import'),
  ];
  const first = external[0];
  if (first) {
    const location = first.getAttribute('schemaLocation') ?? first.getAttribute('location') ?? '';
    throw new CodegenError(
      displayPath,
      `imports "${location}": external schemas are not supported (the generated package must be self-contained)`,
    );
  }
}

/** `element "leadRecord" in complexType "ParamsSyncLead"` style location of a node. */
function describe(node: Element): string {
  const ownName = node.getAttribute("name");
  const own = ownName ? `${node.localName ?? ""} "${ownName}"` : (node.localName ?? "node");
  for (let parent = node.parentNode; parent && parent.nodeType === parent.ELEMENT_NODE; parent = parent.parentNode) {
    const element = parent as Element;
    const name = element.getAttribute('name');
    if (name && element.localName !== 'schema' && element.localName !== 'definitions') {
      return `${own} in ${element.localName} "${name}"`;
    }
  }
  return own;
}

function key(namespace: string, name: string): string {
  return `{${namespace}}${name}`;
}

function children(node: Element): Element[] {
  const result: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === child.ELEMENT_NODE) result.push(child as Element);
  }
  return result;
}

function byTag(document: Document, namespace: string, localName: string): Element[] {
  return Array.from(document.getElementsByTagNameNS(namespace, localName));
}
