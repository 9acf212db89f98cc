// Emits schemas.ts of @org/marketo-rest-types: a named type for every schema of `components.schemas`
// (`SyncLeadRequest`, not `components['schemas']['SyncLeadRequest']`), a runtime `as const` list for
// every enumeration (`SYNC_ACTION_VALUES`), and the table of operations (method and path by operationId).
import { CodegenError } from '../errors.js';
import { code, docComment } from '../emit/doc-comment.js';
import { tsHeader } from '../emit/header.js';
import { isIdentifier, toEnumValuesName } from '../naming.js';
import { HTTP_METHODS, type OpenApiDocument } from './read-openapi-file.js';

/** Names the generated files export themselves (openapi-typescript's and this file's). */
const RESERVED = new Set(['paths', 'webhooks', 'components', '$defs', 'operations', 'REST_OPERATIONS', 'RestOperationId', 'RestOperation']);

/** Globals of the JavaScript standard library a schema type must not hide in a consumer's module. */
const GLOBALS = new Set(['Error', 'Date', 'Map', 'Set', 'Object', 'Array', 'String', 'Number', 'Boolean', 'Promise', 'Record', 'Symbol', 'JSON', 'URL']);

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkSchemaName(name: string, displayPath: string): void {
  if (!isIdentifier(name)) throw new CodegenError(displayPath, `schema "${name}" is not a TypeScript identifier`);
  if (RESERVED.has(name)) throw new CodegenError(displayPath, `schema "${name}" takes a name the generator exports itself`);
  if (GLOBALS.has(name)) {
    throw new CodegenError(displayPath, `schema "${name}" would hide JavaScript's global ${name} in consumers; rename it`);
  }
}

function emitSchemas(document: OpenApiDocument, source: string, displayPath: string): string[] {
  const schemas = document.components?.schemas ?? {};
  return Object.keys(schemas)
    .sort(byName)
    .map((name) => {
      checkSchemaName(name, displayPath);
      const schema = schemas[name]!;
      const alias = `${docComment(schema.description?.trim() || `The ${code(name)} schema of ${source}.`)}export type ${name} = components['schemas']['${name}'];`;
      if (!Array.isArray(schema.enum)) return alias;
      if (!schema.enum.every((value) => typeof value === 'string')) {
        throw new CodegenError(displayPath, `schema "${name}": only string enumerations are supported`);
      }
      const values = schema.enum.map((value) => JSON.stringify(value)).join(', ');
      const list = `${docComment(`Every {@link ${name}} value, in the order of ${source}.`)}export const ${toEnumValuesName(name)} = [${values}] as const satisfies readonly ${name}[];`;
      return `${alias}\n\n${list}`;
    });
}

function emitOperations(document: OpenApiDocument, source: string, displayPath: string): string {
  const rows: string[] = [];
  const seen = new Set<string>();
  for (const path of Object.keys(document.paths).sort(byName)) {
    const item = document.paths[path]!;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const id = operation.operationId;
      if (id === undefined || !isIdentifier(id)) {
        throw new CodegenError(displayPath, `${method.toUpperCase()} ${path} needs an operationId that is a TypeScript identifier`);
      }
      if (seen.has(id)) throw new CodegenError(displayPath, `operationId "${id}" is used twice`);
      seen.add(id);
      const doc = docComment(operation.summary?.trim() ? `${operation.summary}: ${code(`${method.toUpperCase()} ${path}`)}.` : undefined);
      rows.push(`${doc}${id}: { method: '${method}', path: '${path}' },`);
    }
  }
  return [
    docComment(`One operation of ${source}: its HTTP method and path template.`),
    `export interface RestOperation {\n/** The HTTP method, lower case. */\nreadonly method: ${HTTP_METHODS.map((method) => `'${method}'`).join(' | ')};\n/** The path template, e.g. ${code('/rest/v1/lead/{leadId}.json')}. */\nreadonly path: string;\n}\n\n`,
    docComment(`Every operation of ${source} by operationId, in path order.`),
    `export const REST_OPERATIONS = {\n${rows.join('\n')}\n} as const satisfies Record<string, RestOperation>;\n\n`,
    docComment(`An operationId of ${source}.`),
    'export type RestOperationId = keyof typeof REST_OPERATIONS;\n',
  ].join('');
}

/** The source of `schemas.ts` (unformatted). */
export function emitSchemasFile(document: OpenApiDocument, source: string, displayPath: string): string {
  return [
    tsHeader(source),
    "import type { components } from './openapi.js';\n\n",
    emitSchemas(document, source, displayPath).join('\n\n'),
    '\n\n',
    emitOperations(document, source, displayPath),
  ].join('');
}
