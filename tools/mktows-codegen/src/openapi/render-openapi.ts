// Renders the generated sources of @org/marketo-rest-types from an OpenAPI description, in memory:
// openapi.ts is openapi-typescript's output (paths, components, operations) with doc comments on its
// top-level declarations; schemas.ts names every schema and lists enumerations and operations.
import { CodegenError } from '../errors.js';
import { emitIndexFile } from '../emit/index-file.js';
import { tsHeader } from '../emit/header.js';
import { formatTypeScript } from '../format.js';
import type { GeneratedFile } from '../generate.js';
import { emitSchemasFile } from './emit-schemas-file.js';
import { readOpenApiFile } from './read-openapi-file.js';
import { emitOpenApiTypes } from './openapi-types.js';

/** Where to read the OpenAPI description and how to name it. */
export interface OpenApiRenderInput {
  /** Path of the YAML (or JSON) file to read. */
  readonly specPath: string;
  /** How errors name the file. */
  readonly displayPath: string;
  /** How the generated headers name the source, e.g. `openapi/marketo-rest.yaml`. */
  readonly source: string;
}

/** Every generated file for the description, sorted by path. Deterministic: same input, same bytes. */
export async function renderOpenApiFiles(input: OpenApiRenderInput): Promise<GeneratedFile[]> {
  const { document } = await readOpenApiFile(input.specPath, input.displayPath);
  let types: string;
  try {
    types = await emitOpenApiTypes(document, input.source);
  } catch (error) {
    if (error instanceof CodegenError) throw error;
    throw new CodegenError(input.displayPath, `openapi-typescript failed: ${(error as Error).message.split('\n')[0]}`);
  }
  const modules: Record<string, string> = {
    openapi: `${tsHeader(input.source)}${types}`,
    schemas: emitSchemasFile(document, input.source, input.displayPath),
  };
  modules.index = emitIndexFile(Object.keys(modules), input.source);
  const files: GeneratedFile[] = [];
  for (const [name, source] of Object.entries(modules)) {
    files.push({ path: `${name}.ts`, content: await formatTypeScript(source) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
