// Emits metadata.ts: the schema facts the runtime client needs on the wire
// (child order, types, cardinality, nillability, abstract types and their
// subtypes, the target namespace), keyed by schema name.
import type { FieldModel } from '../api-model.js';
import { numberBuiltins } from '../xsd-builtins.js';
import { code, docComment } from './doc-comment.js';
import { tsHeader } from './header.js';
import type { SchemaView } from './schema-view.js';

const METADATA_TYPES = `${docComment('One child element of a complex type.')}export interface FieldMetadata {
  ${docComment('Element name on the wire.')}readonly name: string;
  ${docComment('`builtin`: an XML Schema type (`type` is its local name); `simple`/`complex`: a schema type of the target namespace.')}readonly kind: 'builtin' | 'simple' | 'complex';
  ${docComment('Local name of the type.')}readonly type: string;
  readonly minOccurs: number;
  readonly maxOccurs: number | 'unbounded';
  readonly nillable: boolean;
}

${docComment('A complex type: its elements in wire order (inherited first) and its place in the type hierarchy.')}export interface ComplexTypeMetadata {
  readonly abstract: boolean;
  ${docComment('The type it extends, if any.')}readonly base?: string;
  ${docComment('Non-abstract types extending it, directly or not, sorted.')}readonly subtypes: readonly string[];
  readonly fields: readonly FieldMetadata[];
}

${docComment('A simple type: its built-in base and its enumeration values (empty when not an enumeration).')}export interface SimpleTypeMetadata {
  readonly base: string;
  readonly values: readonly string[];
}

${docComment('What the runtime client knows about the schema.')}export interface SchemaMetadata {
  readonly targetNamespace: string;
  ${docComment('Whether local elements are namespace-qualified (elementFormDefault).')}readonly elementFormQualified: boolean;
  ${docComment('The service, port and binding, and the address written in the WSDL (clients always use their own endpoint).')}readonly service: { readonly name: string; readonly port: string; readonly binding: string; readonly address: string };
  readonly complexTypes: Readonly<Record<string, ComplexTypeMetadata>>;
  readonly simpleTypes: Readonly<Record<string, SimpleTypeMetadata>>;
  ${docComment('Global element name -> its complex type.')}readonly elements: Readonly<Record<string, string>>;
}
`;

/** The source of `metadata.ts`. */
export function emitMetadataFile(view: SchemaView, source: string): string {
  const { model } = view;
  const complexTypes = model.complexTypes.map((type) => {
    const base = type.base === undefined ? '' : `base: ${JSON.stringify(type.base)}, `;
    const subtypes = view.concreteSubtypes(type.name).map((name) => JSON.stringify(name));
    const fields = view.allFields(type).map(fieldLiteral);
    return `${JSON.stringify(type.name)}: { abstract: ${type.abstract}, ${base}subtypes: [${subtypes.join(', ')}], fields: [${fields.join(', ')}] },`;
  });
  const simpleTypes = model.simpleTypes.map(
    (type) =>
      `${JSON.stringify(type.name)}: { base: ${JSON.stringify(type.base)}, values: [${type.values.map((value) => JSON.stringify(value)).join(', ')}] },`,
  );
  const elements = model.elements.map((element) => `${JSON.stringify(element.name)}: ${JSON.stringify(element.type)},`);
  const service = model.service;
  const numberTypes = numberBuiltins().map((name) => JSON.stringify(name));
  return [
    tsHeader(source),
    METADATA_TYPES,
    `${docComment('The target namespace of the schema (`schemaMetadata.targetNamespace`): the namespace of every element of the API on the wire.')}export const MKTOWS_NAMESPACE = ${JSON.stringify(model.targetNamespace)};\n`,
    `${docComment('The XML Schema built-in types the generated types declare as `number` (e.g. `int`, `unsignedLong`), for code that converts the text of such elements itself.')}export const XSD_NUMBER_TYPES = [${numberTypes.join(', ')}] as const;\n`,
    docComment(
      `Schema facts of ${code(model.targetNamespace)} for the runtime (xsi:type, element order, conversions).`,
    ),
    `export const schemaMetadata: SchemaMetadata = {
  targetNamespace: MKTOWS_NAMESPACE,
  elementFormQualified: ${model.elementFormQualified},
  service: { name: ${JSON.stringify(service.name)}, port: ${JSON.stringify(service.port)}, binding: ${JSON.stringify(service.binding)}, address: ${JSON.stringify(service.address)} },
  complexTypes: {\n${complexTypes.join('\n')}\n},
  simpleTypes: {\n${simpleTypes.join('\n')}\n},
  elements: {\n${elements.join('\n')}\n},
};\n`,
  ].join('\n');
}

function fieldLiteral(field: FieldModel): string {
  const maxOccurs = field.maxOccurs === 'unbounded' ? "'unbounded'" : String(field.maxOccurs);
  return `{ name: ${JSON.stringify(field.name)}, kind: '${field.type.kind}', type: ${JSON.stringify(field.type.name)}, minOccurs: ${field.minOccurs}, maxOccurs: ${maxOccurs}, nillable: ${field.nillable} }`;
}
