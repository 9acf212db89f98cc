// Builds the SOAP header XML of one request from the caller's header values.
// Written by hand (not by soap) so that only the headers the operation declares
// are sent, in the right namespace, with every value escaped.
import type { FieldMetadata, SchemaMetadata } from './generated/metadata.js';
import type { OperationDescriptor } from './generated/operations.js';
import { escapeSoapText } from './soap-text.js';

const HEADER_PREFIX = 'mkt';

/** Header values by header element name (e.g. `AuthenticationHeader`). */
type HeaderValues = Readonly<Record<string, unknown>>;

/** The `<mkt:Header ...>` elements for the headers `operation` declares and `values` holds; '' for none. */
export function buildHeaderXml(operation: OperationDescriptor, values: HeaderValues, metadata: SchemaMetadata): string {
  return operation.headers
    .filter((header) => values[header.element] !== undefined && values[header.element] !== null)
    .map((header) => {
      const tag = `${HEADER_PREFIX}:${header.element}`;
      const content = complexContent(values[header.element], header.type, metadata, `${header.element}`);
      return `<${tag} xmlns:${HEADER_PREFIX}="${escapeSoapText(metadata.targetNamespace)}">${content}</${tag}>`;
    })
    .join('');
}

function complexContent(value: unknown, typeName: string, metadata: SchemaMetadata, path: string): string {
  const type = metadata.complexTypes[typeName];
  if (!type) throw new Error(`schema metadata has no complex type ${typeName}`);
  if (value === null || typeof value !== 'object') throw new TypeError(`${path}: expected an object of type ${typeName}`);
  const record = value as Record<string, unknown>;
  return type.fields
    .filter((field) => record[field.name] !== undefined)
    .flatMap((field) => {
      const items = Array.isArray(record[field.name]) ? (record[field.name] as unknown[]) : [record[field.name]];
      return items.map((item) => element(field, item, metadata, `${path}.${field.name}`));
    })
    .join('');
}

function element(field: FieldMetadata, value: unknown, metadata: SchemaMetadata, path: string): string {
  const name = metadata.elementFormQualified ? `${HEADER_PREFIX}:${field.name}` : field.name;
  if (value === null) return `<${name} xsi:nil="true"/>`;
  const content =
    field.kind === 'complex' ? complexContent(value, field.type, metadata, path) : escapeSoapText(scalarText(value, path));
  return `<${name}>${content}</${name}>`;
}

function scalarText(value: unknown, path: string): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  throw new TypeError(`${path}: expected a string, number or boolean`);
}
