// Reduces a Swagger 2.0 or an OpenAPI 3.1 description to what the comparison looks at, in one vocabulary:
// per operation its id, parameters (name, place, required, type, format, enum, items, collection format),
// request body schema and response schemas; a schema as type, format, enum, required, properties, items,
// additional properties and the name it was referenced by. Descriptions are not compared.

type Json = Record<string, unknown>;

/** A schema in the comparison's vocabulary. */
export interface SchemaShape {
  ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, SchemaShape>;
  items?: SchemaShape;
  additionalProperties?: boolean;
}

/** A parameter in the comparison's vocabulary (Swagger 2.0's words). */
export interface ParameterShape {
  in: string;
  required: boolean;
  schema: SchemaShape;
  collectionFormat?: string;
}

/** An operation in the comparison's vocabulary. */
export interface OperationShape {
  operationId: string;
  parameters: Record<string, ParameterShape>;
  body?: SchemaShape;
  responses: Record<string, SchemaShape | undefined>;
}

const asJson = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});

/** `format: string` (the identity Swagger's) says nothing beyond `type: string`. */
function meaningfulFormat(format: unknown): string | undefined {
  return typeof format === 'string' && format !== 'string' ? format : undefined;
}

function schemaShape(root: Json, schema: Json, depth = 0): SchemaShape {
  if (depth > 8) throw new Error('schema nesting deeper than 8: a cycle?');
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const parts = ref.replace(/^#\//, '').split('/');
    const target = parts.reduce<Json>((node, part) => asJson(node[part]), root);
    return { ...schemaShape(root, target, depth + 1), ref: parts.at(-1)! };
  }
  const shape: SchemaShape = {};
  if (typeof schema.type === 'string') shape.type = schema.type;
  const format = meaningfulFormat(schema.format);
  if (format) shape.format = format;
  if (Array.isArray(schema.enum)) shape.enum = schema.enum;
  if (Array.isArray(schema.required)) shape.required = [...(schema.required as string[])].sort();
  if (schema.properties) {
    shape.properties = Object.fromEntries(
      Object.entries(asJson(schema.properties)).map(([name, property]) => [name, schemaShape(root, asJson(property), depth + 1)]),
    );
  }
  if (schema.items) shape.items = schemaShape(root, asJson(schema.items), depth + 1);
  shape.additionalProperties = schema.additionalProperties === true;
  return shape;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The operations of a Swagger 2.0 document by `METHOD path`, those named in `only` (its other schemas may be cyclic). */
export function swaggerOperations(doc: Json, only: readonly string[]): Record<string, OperationShape> {
  const operations: Record<string, OperationShape> = {};
  for (const [path, item] of Object.entries(asJson(doc.paths))) {
    for (const method of METHODS) {
      const operation = asJson(asJson(item)[method]);
      if (typeof operation.operationId !== 'string' || !only.includes(`${method.toUpperCase()} ${path}`)) continue;
      const shape: OperationShape = { operationId: operation.operationId, parameters: {}, responses: {} };
      for (const parameter of (operation.parameters ?? []) as Json[]) {
        if (parameter.in === 'body') {
          shape.body = schemaShape(doc, asJson(parameter.schema));
          continue;
        }
        const { name, in: place, required, collectionFormat, ...schema } = parameter;
        shape.parameters[String(name)] = {
          in: String(place),
          required: required === true,
          schema: schemaShape(doc, schema),
          ...(typeof collectionFormat === 'string' ? { collectionFormat } : {}),
        };
      }
      for (const [status, response] of Object.entries(asJson(operation.responses))) {
        const schema = asJson(response).schema;
        shape.responses[status] = schema ? schemaShape(doc, asJson(schema)) : undefined;
      }
      operations[`${method.toUpperCase()} ${path}`] = shape;
    }
  }
  return operations;
}

/** OpenAPI 3's style/explode of an array query parameter in Swagger 2.0's `collectionFormat` words. */
function collectionFormatOf(parameter: Json): string | undefined {
  if (asJson(parameter.schema).type !== 'array') return undefined;
  const style = typeof parameter.style === 'string' ? parameter.style : 'form';
  const explode = typeof parameter.explode === 'boolean' ? parameter.explode : style === 'form';
  if (style === 'form') return explode ? 'multi' : 'csv';
  return `${style}${explode ? '-exploded' : ''}`;
}

function jsonSchemaOf(content: unknown): Json | undefined {
  const json = asJson(asJson(content)['application/json']);
  return json.schema ? asJson(json.schema) : undefined;
}

/** Every operation of an OpenAPI 3 document by `METHOD path`. */
export function openApiOperations(doc: Json): Record<string, OperationShape> {
  const operations: Record<string, OperationShape> = {};
  for (const [path, item] of Object.entries(asJson(doc.paths))) {
    for (const method of METHODS) {
      const operation = asJson(asJson(item)[method]);
      if (typeof operation.operationId !== 'string') continue;
      const shape: OperationShape = { operationId: operation.operationId, parameters: {}, responses: {} };
      for (const parameter of (operation.parameters ?? []) as Json[]) {
        const collectionFormat = collectionFormatOf(parameter);
        shape.parameters[String(parameter.name)] = {
          in: String(parameter.in),
          required: parameter.required === true,
          schema: schemaShape(doc, asJson(parameter.schema)),
          ...(collectionFormat ? { collectionFormat } : {}),
        };
      }
      const body = jsonSchemaOf(asJson(operation.requestBody).content);
      if (body) shape.body = schemaShape(doc, body);
      for (const [status, response] of Object.entries(asJson(operation.responses))) {
        const schema = jsonSchemaOf(asJson(response).content);
        shape.responses[status] = schema ? schemaShape(doc, schema) : undefined;
      }
      operations[`${method.toUpperCase()} ${path}`] = shape;
    }
  }
  return operations;
}

/**
 * Every difference between the reference's schema and ours, one line each, `where: what`. The same
 * schema reached twice (e.g. `Reason` under two responses) is reported where it is reached.
 */
export function diffSchemas(where: string, reference: SchemaShape | undefined, ours: SchemaShape | undefined, out: string[]): void {
  if (!reference || !ours) {
    if (reference !== ours) out.push(`${where}: ${reference ? 'missing' : 'added'}`);
    return;
  }
  if (reference.ref && ours.ref && reference.ref !== ours.ref) out.push(`${where}: named ${reference.ref} -> ${ours.ref}`);
  for (const key of ['type', 'format', 'enum', 'required', 'additionalProperties'] as const) {
    const [a, b] = [JSON.stringify(reference[key]), JSON.stringify(ours[key])];
    if (a !== b) out.push(`${where}: ${key} ${a ?? 'none'} -> ${b ?? 'none'}`);
  }
  const names = [...new Set([...Object.keys(reference.properties ?? {}), ...Object.keys(ours.properties ?? {})])].sort();
  for (const name of names) diffSchemas(`${where}.${name}`, reference.properties?.[name], ours.properties?.[name], out);
  if (reference.items || ours.items) diffSchemas(`${where}[]`, reference.items, ours.items, out);
}

/** Every difference between two operations, one line each. */
export function diffOperations(where: string, reference: OperationShape, ours: OperationShape): string[] {
  const out: string[] = [];
  if (reference.operationId !== ours.operationId) out.push(`${where}: operationId ${reference.operationId} -> ${ours.operationId}`);
  const names = [...new Set([...Object.keys(reference.parameters), ...Object.keys(ours.parameters)])].sort();
  for (const name of names) {
    const [a, b] = [reference.parameters[name], ours.parameters[name]];
    const at = `${where} parameter ${name}`;
    if (!a || !b) {
      out.push(`${at}: ${a ? 'missing' : 'added'}`);
      continue;
    }
    if (a.in !== b.in) out.push(`${at}: in ${a.in} -> ${b.in}`);
    if (a.required !== b.required) out.push(`${at}: required ${a.required} -> ${b.required}`);
    if (a.collectionFormat !== b.collectionFormat) {
      out.push(`${at}: collectionFormat ${a.collectionFormat ?? 'none'} -> ${b.collectionFormat ?? 'none'}`);
    }
    diffSchemas(`${at} schema`, { ...a.schema, ref: undefined }, { ...b.schema, ref: undefined }, out);
  }
  diffSchemas(`${where} body`, reference.body, ours.body, out);
  const statuses = [...new Set([...Object.keys(reference.responses), ...Object.keys(ours.responses)])].sort();
  for (const status of statuses) {
    const at = `${where} response ${status}`;
    if (!(status in reference.responses) || !(status in ours.responses)) {
      out.push(`${at}: ${status in reference.responses ? 'missing' : 'added'}`);
      continue;
    }
    diffSchemas(at, reference.responses[status], ours.responses[status], out);
  }
  return out;
}
