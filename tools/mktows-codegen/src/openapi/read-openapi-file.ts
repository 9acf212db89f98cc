// Reads the project's OpenAPI description (YAML or JSON) and checks the little the generator relies on:
// an OpenAPI 3.x document whose schemas and operations have names usable in TypeScript.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { CodegenError } from '../errors.js';

/** A schema of `components.schemas`, as far as the generator reads it. */
export interface OpenApiSchema {
  readonly description?: string;
  readonly enum?: readonly unknown[];
}

/** One operation of `paths`, as far as the generator reads it. */
export interface OpenApiOperation {
  readonly operationId?: string;
  readonly summary?: string;
}

/** The parts of an OpenAPI document the generator reads (openapi-typescript reads the rest). */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, OpenApiSchema>> };
}

/** An OpenAPI description read from a file: its text and its parsed document. */
interface OpenApiInput {
  readonly text: string;
  readonly document: OpenApiDocument;
}

/** HTTP methods an OpenAPI path item may hold. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads and parses `path`.
 * @throws CodegenError naming `displayPath` when the file is missing, not YAML, or not OpenAPI 3
 */
export async function readOpenApiFile(path: string, displayPath: string): Promise<OpenApiInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CodegenError(displayPath, code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = parse(text, { prettyErrors: false });
  } catch (error) {
    throw new CodegenError(displayPath, `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isRecord(parsed) || typeof parsed.openapi !== 'string' || !parsed.openapi.startsWith('3.')) {
    throw new CodegenError(displayPath, 'not an OpenAPI 3 document (no "openapi: 3.x" at the top)');
  }
  if (!isRecord(parsed.paths)) throw new CodegenError(displayPath, 'has no "paths"');
  return { text, document: parsed as unknown as OpenApiDocument };
}
