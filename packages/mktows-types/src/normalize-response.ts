// Makes soap's parsed response match the generated types:
// - every list element is an array, even with one item or when soap could not
//   tell it was a list,
// - an empty element of a non-nillable complex type is `{}` (soap gives null
//   for an element without content).
// Works in place on soap's fresh result object.
import type { FieldMetadata, SchemaMetadata } from './generated/metadata.js';

/** What normalisation needs to know besides the value. */
interface ResponseShape {
  readonly metadata: SchemaMetadata;
  /** soap's key for XML attributes of an element (where an `xsi:type` shows up). */
  readonly attributesKey: string;
}

/** `value` (soap's result for schema type `typeName`), normalised in place and returned. */
export function normalizeResponse(typeName: string, value: unknown, shape: ResponseShape): unknown {
  normalizeComplex(value, typeName, shape);
  return value;
}

function normalizeComplex(value: unknown, typeName: string, shape: ResponseShape): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const type = shape.metadata.complexTypes[actualTypeName(value as Record<string, unknown>, typeName, shape)];
  if (!type) return;
  const record = value as Record<string, unknown>;
  for (const field of type.fields) {
    if (!(field.name in record) || record[field.name] === undefined) continue;
    const isList = field.maxOccurs === 'unbounded' || field.maxOccurs > 1;
    if (isList) {
      const items = Array.isArray(record[field.name]) ? (record[field.name] as unknown[]) : [record[field.name]];
      record[field.name] = items.map((item) => normalizeItem(item, field, shape));
    } else {
      record[field.name] = normalizeItem(record[field.name], field, shape);
    }
  }
}

function normalizeItem(item: unknown, field: FieldMetadata, shape: ResponseShape): unknown {
  if (field.kind !== 'complex') return item;
  if (item === null && !field.nillable) return {};
  normalizeComplex(item, field.type, shape);
  return item;
}

/** The type named by an `xsi:type` soap kept in the attributes, else the declared type. */
function actualTypeName(record: Record<string, unknown>, declared: string, shape: ResponseShape): string {
  const attributes: unknown = record[shape.attributesKey];
  if (attributes === null || typeof attributes !== 'object') return declared;
  const xsiType = Object.entries(attributes as Record<string, unknown>).find(([name]) => name === 'type' || name.endsWith(':type'))?.[1];
  if (typeof xsiType !== 'string') return declared;
  const localName = xsiType.slice(xsiType.indexOf(':') + 1);
  return shape.metadata.complexTypes[localName] ? localName : declared;
}
