// Shapes a typed request object for soap's serialiser using the generated
// schema metadata, fixing what soap 1.13 gets wrong on the wire:
// - elements in schema order (soap keeps the caller's key order here),
// - `Date` values as W3C strings (soap writes a Date as an empty element),
// - `xsi:type` on values of abstract types (LeadSelector subtypes), worked out
//   from the fields given, so callers never write soap's attribute objects,
// - text shaped like a CDATA section escaped like all other text (soap writes
//   it raw; see soap-text.ts), and refused as an XML attribute value, where
//   soap writes it raw too and no form of it would reach the receiver intact.
// The caller's object is never modified.
import type { ComplexTypeMetadata, FieldMetadata, SchemaMetadata } from './generated/metadata.js';
import { escapeSoapText, isWrittenRawBySoap } from './soap-text.js';

/** What request preparation needs to know besides the value. */
export interface RequestShape {
  readonly metadata: SchemaMetadata;
  /** soap's key for XML attributes (`attributes` unless the client options say otherwise). */
  readonly attributesKey: string;
  /** soap's key for XML it writes as given (`$xml` unless the client options say otherwise). */
  readonly xmlKey: string;
  /** soap's key for an element's own text (`$value` unless the client options say otherwise). */
  readonly valueKey: string;
  /**
   * Whether soap escapes text (its `escapeXML` option, on unless turned off). When off, the caller sends
   * markup on purpose, so CDATA-shaped text is sent as given too.
   */
  readonly escapeText: boolean;
}

/** Prefix declared on each element that carries an `xsi:type`, bound to the target namespace. */
const TYPE_PREFIX = 'mkt';

/** A copy of `value` (of schema type `typeName`) ready for soap's `objectToXML`. */
export function prepareRequest(typeName: string, value: unknown, shape: RequestShape): unknown {
  return prepareComplex(value, typeName, typeName, shape);
}

function prepareComplex(value: unknown, typeName: string, path: string, shape: RequestShape): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return value;
  const declared = complexType(shape.metadata, typeName);
  const record = value as Record<string, unknown>;
  const actualName = declared.abstract || declared.subtypes.length > 0 ? pickType(typeName, record, path, shape) : typeName;
  const actual = complexType(shape.metadata, actualName);
  const prepared: Record<string, unknown> = {};
  const attributes = record[shape.attributesKey];
  if (actualName !== typeName) {
    prepared[shape.attributesKey] = {
      ...(isObject(attributes) ? attributes : {}),
      [`xmlns:${TYPE_PREFIX}`]: shape.metadata.targetNamespace,
      'xsi:type': `${TYPE_PREFIX}:${actualName}`,
    };
  } else if (attributes !== undefined) {
    prepared[shape.attributesKey] = attributes;
  }
  if (isObject(attributes)) assertAttributeValues(attributes, `${path}.${shape.attributesKey}`);
  for (const field of actual.fields) {
    if (!(field.name in record) || record[field.name] === undefined) continue;
    prepared[field.name] = prepareField(record[field.name], field, `${path}.${field.name}`, shape);
  }
  // Keys the schema does not know are kept (after the known ones) so soap writes them as it always did,
  // their text escaped like the rest; soap's own xml and value keys are the caller's explicit choice.
  for (const key of Object.keys(record)) {
    if (key in prepared || key === shape.attributesKey || record[key] === undefined) continue;
    const isSoapKey = key === shape.xmlKey || key === shape.valueKey;
    prepared[key] = isSoapKey ? record[key] : prepareText(record[key], shape);
  }
  return prepared;
}

function prepareField(value: unknown, field: FieldMetadata, path: string, shape: RequestShape): unknown {
  if (Array.isArray(value)) return value.map((item, index) => prepareItem(item, field, `${path}[${index}]`, shape));
  return prepareItem(value, field, path, shape);
}

function prepareItem(value: unknown, field: FieldMetadata, path: string, shape: RequestShape): unknown {
  if (field.kind === 'complex') return prepareComplex(value, field.type, path, shape);
  if (field.kind === 'builtin' && value instanceof Date) return formatDate(value, field.type, path);
  return prepareText(value, shape);
}

/** `value`, or for text soap would write raw, that text escaped under soap's xml key. */
function prepareText(value: unknown, shape: RequestShape): unknown {
  if (typeof value !== 'string' || !shape.escapeText || !isWrittenRawBySoap(value)) return value;
  return { [shape.xmlKey]: escapeSoapText(value) };
}

/** soap writes a CDATA-shaped attribute value raw and escapes every other form, so none can be sent as given. */
function assertAttributeValues(attributes: Record<string, unknown>, path: string): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'string' && isWrittenRawBySoap(value)) {
      throw new TypeError(`${path}.${name}: an XML attribute value cannot have the shape of a CDATA section ("<![CDATA[...]]>")`);
    }
  }
}

/** W3C text of a Date for xs:dateTime (UTC, `Z`), xs:date or xs:time. */
function formatDate(date: Date, xsdType: string, path: string): string {
  if (Number.isNaN(date.getTime())) throw new TypeError(`${path}: Invalid Date cannot be sent as xs:${xsdType}`);
  const iso = date.toISOString();
  if (xsdType === 'date') return iso.slice(0, 10);
  if (xsdType === 'time') return iso.slice(11);
  return iso;
}

/**
 * The concrete type of a value given for an abstract (or extended) type: the one
 * whose elements include every key given and whose required elements are all there.
 */
function pickType(typeName: string, record: Record<string, unknown>, path: string, shape: RequestShape): string {
  const declared = complexType(shape.metadata, typeName);
  const keys = Object.keys(record).filter((key) => key !== shape.attributesKey && record[key] !== undefined);
  const candidates = [...(declared.abstract ? [] : [typeName]), ...declared.subtypes];
  const fits = candidates.filter((name) => {
    const fields = complexType(shape.metadata, name).fields;
    const names = new Set(fields.map((field) => field.name));
    const required = fields.filter((field) => field.minOccurs > 0).map((field) => field.name);
    return keys.every((key) => names.has(key)) && required.every((name) => keys.includes(name));
  });
  if (fits.length === 1) return fits[0]!;
  if (fits.length > 1 && fits.includes(typeName)) return typeName;
  const options = candidates
    .map((name) => `${name} { ${complexType(shape.metadata, name).fields.map(describeField).join(', ')} }`)
    .join('; ');
  const problem = fits.length === 0 ? 'matches none of its types' : `matches several types (${fits.join(', ')})`;
  throw new TypeError(`${path}: a ${typeName} with fields [${keys.join(', ')}] ${problem}; give the fields of exactly one of: ${options}`);
}

function describeField(field: FieldMetadata): string {
  return field.minOccurs > 0 ? field.name : `${field.name}?`;
}

function complexType(metadata: SchemaMetadata, name: string): ComplexTypeMetadata {
  const type = metadata.complexTypes[name];
  if (!type) throw new Error(`schema metadata has no complex type ${name}`);
  return type;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
