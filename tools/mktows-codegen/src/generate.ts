// Renders the generated sources of @org/mktows-types from a WSDL, in memory.
// Nothing is written here, so every input error surfaces before any write.
import type { ApiModel } from './api-model.js';
import { buildApiModel } from './build-api-model.js';
import { emitIndexFile } from './emit/index-file.js';
import { emitMetadataFile } from './emit/metadata-file.js';
import { emitOperationsFile } from './emit/operations-file.js';
import { SchemaView } from './emit/schema-view.js';
import { emitTypesFile } from './emit/types-file.js';
import { emitWsdlCopy, emitWsdlDocumentFile } from './emit/wsdl-files.js';
import { formatTypeScript } from './format.js';
import { readWsdlFile } from './wsdl/read-wsdl.js';

/** Name of the WSDL copy in the generated folder (exported by the package as `./mktows.wsdl`). */
export const WSDL_COPY_NAME = 'mktows.wsdl';

/** One generated file: its path inside the output folder (forward slashes) and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** Where to read the WSDL and how to name it. */
export interface RenderInput {
  /** Path of the WSDL file to read. */
  readonly wsdlPath: string;
  /** How errors name the file (e.g. as the user typed it). */
  readonly displayPath: string;
  /** How the generated headers name the source, e.g. `wsdl/mktows.wsdl`. */
  readonly source: string;
}

/** Reads, validates and models a WSDL. Throws CodegenError on bad input. */
export async function loadModel(input: Omit<RenderInput, 'source'>): Promise<ApiModel> {
  return (await loadWsdl(input)).model;
}

/** Every generated file for the WSDL, sorted by path. Deterministic: same input, same bytes. */
export async function renderGeneratedFiles(input: RenderInput): Promise<GeneratedFile[]> {
  const { text, model } = await loadWsdl(input);
  const view = new SchemaView(model);
  const wsdlCopy = emitWsdlCopy(text, input.source);
  const modules: Record<string, string> = {
    types: emitTypesFile(view, input.source),
    operations: emitOperationsFile(view, input.source),
    metadata: emitMetadataFile(view, input.source),
    'wsdl-document': emitWsdlDocumentFile(wsdlCopy, input.source, WSDL_COPY_NAME),
  };
  modules.index = emitIndexFile(Object.keys(modules), input.source);
  const files: GeneratedFile[] = [{ path: WSDL_COPY_NAME, content: wsdlCopy }];
  for (const [name, source] of Object.entries(modules)) {
    files.push({ path: `${name}.ts`, content: await formatTypeScript(source) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function loadWsdl(input: Omit<RenderInput, 'source'>): Promise<{ text: string; model: ApiModel }> {
  const wsdl = await readWsdlFile(input.wsdlPath, input.displayPath);
  return { text: wsdl.text, model: buildApiModel(wsdl.model, input.displayPath) };
}
