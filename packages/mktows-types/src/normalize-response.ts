// Makes soap's parsed response match the generated types:
// - every list element is an array, even with one item or when soap could not
//   tell it was a list,
// - an empty element of a non-nillable complex type is `{}` (soap gives null
//   for an element without content).
// Works in place on soap's fresh result object.
import type { FieldMetadata, SchemaMetadata } from './generated/metadata.js';

/** `value` (soap's result for schema type `typeName`), normalised in place and returned. */
export function normalizeResponse(typeName: string, value: unknown, metadata: SchemaMetadata): unknown {
  normalizeComplex(value, typeName, metadata);
  return value;
}

function normalizeComplex(value: unknown, typeName: string, metadata: SchemaMetadata): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const type = metadata.complexTypes[actualTypeName(value as Record<string, unknown>, typeName, metadata)];
  if (!type) return;
  const record = value as Record<string, unknown>;
  for (const field of type.fields) {
    if (!(field.name in record) || record[field.name] === undefined) continue;
    const isList = field.maxOccurs === 'unbounded' || field.maxOccurs > 1;
    if (isList) {
      const items = Array.isArray(record[field.name]) ? (record[field.name] as unknown[]) : [record[field.name]];
      record[field.name] = items.map((item) => normalizeItem(item, field, metadata));
    } else {
      record[field.name] = normalizeItem(record[field.name], field, metadata);
    }
  }
}

function normalizeItem(item: unknown, field: FieldMetadata, metadata: SchemaMetadata): unknown {
  if (field.kind !== 'complex') return item;
  if (item === null && !field.nillable) return {};
  normalizeComplex(item, field.type, metadata);
  return item;
}

/** The type named by an `xsi:type` soap kept in the attributes, else the declared type. */
function actualTypeName(record: Record<string, unknown>, declared: string, metadata: SchemaMetadata): string {
  const attributes: unknown = record.attributes;
  if (attributes === null || typeof attributes !== 'object') return declared;
  const xsiType = Object.entries(attributes as Record<string, unknown>).find(([name]) => name === 'type' || name.endsWith(':type'))?.[1];
  if (typeof xsiType !== 'string') return declared;
  const localName = xsiType.slice(xsiType.indexOf(':') + 1);
  return metadata.complexTypes[localName] ? localName : declared;
}
