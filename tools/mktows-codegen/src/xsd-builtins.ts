// The one table of XML Schema built-in types: which names exist (references to others are refused) and
// how each appears in the generated TypeScript.

const NUMBER_TYPES = [
  'byte',
  'decimal',
  'double',
  'float',
  'int',
  'integer',
  'long',
  'negativeInteger',
  'nonNegativeInteger',
  'nonPositiveInteger',
  'positiveInteger',
  'short',
  'unsignedByte',
  'unsignedInt',
  'unsignedLong',
  'unsignedShort',
];

const STRING_TYPES = [
  'ENTITIES',
  'ENTITY',
  'ID',
  'IDREF',
  'IDREFS',
  'NCName',
  'NMTOKEN',
  'NMTOKENS',
  'NOTATION',
  'Name',
  'QName',
  'anyURI',
  'base64Binary',
  'date',
  'duration',
  'gDay',
  'gMonth',
  'gMonthDay',
  'gYear',
  'gYearMonth',
  'hexBinary',
  'language',
  'normalizedString',
  'string',
  'time',
  'token',
];

const TS_TYPE_OF_BUILTIN: ReadonlyMap<string, string> = new Map([
  ...NUMBER_TYPES.map((name): [string, string] => [name, 'number']),
  ...STRING_TYPES.map((name): [string, string] => [name, 'string']),
  ['boolean', 'boolean'],
  // Sent and received as W3C strings (soap 1.13 would send a Date as an empty element).
  ['dateTime', 'W3CDateTime'],
  ['anySimpleType', 'string | number | boolean'],
  ['anyType', 'unknown'],
]);

/** Whether `localName` is an XML Schema built-in type this generator maps. */
export function isXsdBuiltin(localName: string): boolean {
  return TS_TYPE_OF_BUILTIN.has(localName);
}

/** The TypeScript type of an XML Schema built-in type, e.g. `int` -> `number`. */
export function tsTypeOfBuiltin(localName: string): string {
  const tsType = TS_TYPE_OF_BUILTIN.get(localName);
  if (tsType === undefined) throw new Error(`not an XML Schema built-in type: ${localName}`);
  return tsType;
}

/** The XML Schema built-in types the generated types declare as `number`, in table order (emitted as `XSD_NUMBER_TYPES`). */
export function numberBuiltins(): readonly string[] {
  return NUMBER_TYPES;
}
