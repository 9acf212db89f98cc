// Turns schema names into TypeScript names. Names come from the schema, never
// from position (no `Result14`) and never carry namespace prefixes (no `TnsFoo`).

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `paramsSyncLead` -> `ParamsSyncLead`; characters illegal in identifiers split words. */
export function toTypeName(schemaName: string): string {
  const words = schemaName.split(/[^A-Za-z0-9_$]+/).filter((word) => word.length > 0);
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** `LeadKeyRef` -> `LEAD_KEY_REF`, `MObjStatusEnum` -> `M_OBJ_STATUS_ENUM`. */
export function toConstantName(typeName: string): string {
  return typeName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** Name of the runtime `as const` list of an enumeration: `LEAD_KEY_REF_VALUES`. */
export function toEnumValuesName(typeName: string): string {
  return `${toConstantName(typeName)}_VALUES`;
}

/** Whether `name` can be used as a bare identifier. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A property key as written in an interface: bare when it is an identifier, quoted otherwise. */
export function toPropertyKey(elementName: string): string {
  return isIdentifier(elementName) ? elementName : JSON.stringify(elementName);
}

/** Names the generator itself exports next to the schema's types; a schema type may not take one. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'W3CDateTime',
  'OperationHeaderDescriptor',
  'OperationDescriptor',
  'MktowsCallOptions',
  'OperationName',
  'SoapHeaders',
  'SoapHeaderName',
  'OperationParams',
  'OperationResults',
  'OperationHeaders',
  'MktowsClient',
  'FieldMetadata',
  'ComplexTypeMetadata',
  'SimpleTypeMetadata',
  'SchemaMetadata',
  'ComplexTypes',
]);
