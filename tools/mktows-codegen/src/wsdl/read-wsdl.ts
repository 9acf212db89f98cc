// The generator's one WSDL front end: text -> well-formed XML -> a WSDL 1.1 document -> the model, with
// every reference resolved. `generate`, `diff`, `changeset` and the equivalence test all start here, so
// they can never disagree about what a WSDL means. Any problem is a CodegenError naming the source.
import type { Document } from '@xmldom/xmldom';
import { CodegenError } from '../errors.js';
import type { WsdlModel } from './model.js';
import { WSDL_NS, XSD_NS } from './namespaces.js';
import { readDefinitions } from './read-definitions.js';
import { readDocumentation } from './read-documentation.js';
import { readSchemas } from './read-schema.js';
import { clark, ReferenceResolver } from './references.js';
import { parseXml, readWsdlText } from './xml.js';

/** A WSDL file's text and its model. */
export interface WsdlSource {
  readonly text: string;
  readonly model: WsdlModel;
}

/** Reads and models the WSDL file at `path`; `displayPath` names it in errors. */
export async function readWsdlFile(path: string, displayPath: string): Promise<WsdlSource> {
  const text = await readWsdlText(path, displayPath);
  return { text, model: readWsdl(text, displayPath) };
}

/**
 * The model of the WSDL `text`; `source` names it in errors.
 *
 * @throws CodegenError when the text is not well-formed XML, not a WSDL 1.1 document, imports external
 * schemas, uses a construct the model does not describe, or refers to something it does not declare.
 */
export function readWsdl(text: string, source: string): WsdlModel {
  const document = parseXml(text, source);
  const definitions = document.documentElement!;
  if (definitions.namespaceURI !== WSDL_NS || definitions.localName !== 'definitions') {
    throw new CodegenError(source, `root element is <${definitions.nodeName}>, not wsdl:definitions`);
  }
  rejectExternalImports(document, source);
  const references = new ReferenceResolver(source);
  const schema = readSchemas(definitions, references, source);
  const { portTypes, ...wsdl } = readDefinitions(definitions, references, source);
  const targetNamespace = definitions.getAttribute('targetNamespace') ?? '';
  references.check({
    type: new Set([...Object.keys(schema.complexTypes), ...Object.keys(schema.simpleTypes)]),
    element: new Set(Object.keys(schema.elements)),
    message: new Set(Object.keys(wsdl.messages)),
    portType: portTypes,
    binding: new Set(Object.keys(wsdl.bindings).map((name) => clark(targetNamespace, name))),
  });
  return {
    targetNamespace,
    services: wsdl.services,
    bindings: wsdl.bindings,
    messages: wsdl.messages,
    elements: schema.elements,
    complexTypes: schema.complexTypes,
    simpleTypes: schema.simpleTypes,
    schemas: schema.schemas,
    documentation: readDocumentation(definitions),
  };
}

/** The generated package must be self-contained: nothing is fetched or read besides the WSDL itself. */
function rejectExternalImports(document: Document, source: string): void {
  const byTag = (namespace: string, localName: string) =>
    Array.from(document.getElementsByTagNameNS(namespace, localName));
  const [first] = [
    ...byTag(XSD_NS, 'include'),
    ...byTag(XSD_NS, 'redefine'),
    ...byTag(XSD_NS, 'import').filter((node) => node.hasAttribute('schemaLocation')),
    ...byTag(WSDL_NS, 'import'),
  ];
  if (first) {
    const location = first.getAttribute('schemaLocation') ?? first.getAttribute('location') ?? '';
    throw new CodegenError(
      source,
      `imports "${location}": external schemas are not supported (the generated package must be self-contained)`,
    );
  }
}
