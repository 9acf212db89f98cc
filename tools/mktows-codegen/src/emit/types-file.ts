// Emits types.ts: enumerations (union + `as const` list), simple aliases,
// complex types as interfaces, abstract types as unions, element aliases.
import type { ComplexTypeModel, SimpleTypeModel } from '../api-model.js';
import { toEnumValuesName, toPropertyKey, toTypeName } from '../naming.js';
import { tsTypeOfBuiltin } from '../xsd-builtins.js';
import { code, docComment } from './doc-comment.js';
import { tsHeader } from './header.js';
import { describeField, type SchemaView } from './schema-view.js';

const W3C_DATE_TIME = `${docComment(
  'An `xs:dateTime` value as a W3C date-time string, e.g. `2013-07-31T12:38:47-07:00`.',
  [
    'Requests: give a string (soap 1.13 would serialise a `Date` as an EMPTY element;',
    'the client converts a stray `Date` with `toISOString()` as a safety net).',
    'Responses: the client returns the text exactly as received (zone offset kept), not a `Date`.',
  ].join('\n'),
)}export type W3CDateTime = string;
`;

/** The source of `types.ts`. */
export function emitTypesFile(view: SchemaView, source: string): string {
  const parts = [tsHeader(source), W3C_DATE_TIME];
  for (const type of view.model.simpleTypes) parts.push(simpleType(type));
  for (const type of view.model.complexTypes) parts.push(complexType(view, type));
  parts.push(elementAliases(view), recordShapes(view));
  return parts.join('\n');
}

function simpleType(type: SimpleTypeModel): string {
  const name = toTypeName(type.name);
  const origin = `XML Schema: simpleType ${code(type.name)}, a restriction of ${code(`xs:${type.base}`)}.`;
  if (type.values.length === 0) {
    return `${docComment(type.documentation, origin)}export type ${name} = ${tsTypeOfBuiltin(type.base)};\n`;
  }
  const literals = type.values.map((value) => JSON.stringify(value));
  const valueDocs = type.values
    .filter((value) => type.valueDocumentation[value] !== undefined)
    .map((value) => `- ${code(value)}: ${type.valueDocumentation[value]!.replace(/\n/g, ' ')}`);
  const valuesName = toEnumValuesName(name);
  return [
    `${docComment(type.documentation, valueDocs.join('\n'), origin, `All values at run time: {@link ${valuesName}}.`)}`,
    `export type ${name} = ${literals.join(' | ')};\n\n`,
    docComment(`Every value of {@link ${name}}, in schema order.`),
    `export const ${valuesName} = [${literals.join(', ')}] as const satisfies readonly ${name}[];\n`,
  ].join('');
}

function complexType(view: SchemaView, type: ComplexTypeModel): string {
  const name = toTypeName(type.name);
  const origin = `XML Schema: complexType ${code(type.name)}${type.base ? `, extends ${code(type.base)}` : ''}.`;
  if (type.abstract) {
    const subtypes = view.concreteSubtypes(type.name);
    const union = subtypes.length > 0 ? subtypes.map(toTypeName).join(' | ') : 'never';
    const note = [
      `Abstract: a value is one of its subtypes (${subtypes.map((subtype) => code(subtype)).join(', ') || 'none'}).`,
      "Give the subtype's fields only; the client works out which subtype it is from them",
      'and writes the `xsi:type` the wire needs.',
    ].join('\n');
    return `${docComment(type.documentation, note, origin)}export type ${name} = ${union};\n`;
  }
  const fields = view.allFields(type);
  if (fields.length === 0) {
    return `${docComment(type.documentation, 'Has no elements.', origin)}export type ${name} = Record<string, never>;\n`;
  }
  const members = fields.map((field) => {
    const doc = docComment(field.documentation, `${code(field.name)}: ${describeField(field)}.`);
    const optional = field.minOccurs === 0 ? '?' : '';
    return `${doc}${toPropertyKey(field.name)}${optional}: ${view.fieldType(field)};`;
  });
  return `${docComment(type.documentation, origin)}export interface ${name} {\n${members.join('\n')}\n}\n`;
}

/** `AuthenticationHeader` = `AuthenticationHeaderInfo`: a global element whose name differs from its type's. */
function elementAliases(view: SchemaView): string {
  const typeNames = new Set(
    [...view.model.simpleTypes, ...view.model.complexTypes].map((type) => toTypeName(type.name)),
  );
  return view.model.elements
    .filter((element) => !typeNames.has(toTypeName(element.name)))
    .map((element) => {
      const origin = `XML Schema: global element ${code(element.name)} of type ${code(element.type)}.`;
      return `${docComment(element.documentation, origin)}export type ${toTypeName(element.name)} = ${toTypeName(element.type)};\n`;
    })
    .join('\n');
}

/** `ComplexTypes` (schema name -> TypeScript type) and `FIELD_NAMES`, the element names of each at run time. */
function recordShapes(view: SchemaView): string {
  const types = view.model.complexTypes;
  const members = types.map((type) => `${toPropertyKey(type.name)}: ${toTypeName(type.name)};`);
  const lists = types.map((type) => {
    const names = view.allFields(type).map((field) => JSON.stringify(field.name));
    return `${toPropertyKey(type.name)}: [${names.join(', ')}],`;
  });
  return [
    `${docComment('Every complex type of the schema, by its schema name.')}export interface ComplexTypes {\n${members.join('\n')}\n}\n`,
    `${docComment(
      [
        'The element names of every complex type, by schema name, in wire order (inherited elements first),',
        'e.g. `FIELD_NAMES.LeadRecord`. Each list holds exactly the properties of the type (see {@link ComplexTypes}).',
      ].join('\n'),
    )}export const FIELD_NAMES = {\n${lists.join('\n')}\n} as const satisfies { readonly [Name in keyof ComplexTypes]: readonly (keyof ComplexTypes[Name])[] };\n`,
  ].join('\n');
}
