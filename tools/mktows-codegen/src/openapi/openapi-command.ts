// `mktows-codegen openapi generate|check [--spec FILE] [--out DIR]`: writes, or compares with the
// committed folder, the generated sources of @org/marketo-rest-types. Same writer and same staleness
// check as the WSDL output.
import { relative, resolve, sep } from 'node:path';
import type { CliIo } from '../cli.js';
import { reportStaleFiles, writeGeneratedFolder } from '../output-dir.js';
import { findRepoRoot } from '../repo-root.js';
import { renderOpenApiFiles } from './render-openapi.js';

/** Default OpenAPI description, relative to the repository root. */
export const DEFAULT_OPENAPI_SPEC = 'openapi/marketo-rest.yaml';
/** Default output folder of the REST types, relative to the repository root. */
export const DEFAULT_OPENAPI_OUT = 'packages/marketo-rest-types/src/generated';

/** Options of `openapi generate` and `openapi check`. */
export interface OpenApiCommandOptions {
  /** The OpenAPI file (default `openapi/marketo-rest.yaml`). */
  spec?: string;
  /** The generated folder (default `packages/marketo-rest-types/src/generated`). */
  out?: string;
}

function resolveOpenApiPaths(options: OpenApiCommandOptions, cwd: string) {
  const root = findRepoRoot(cwd);
  const specPath = options.spec === undefined ? resolve(root, DEFAULT_OPENAPI_SPEC) : resolve(cwd, options.spec);
  const outDir = options.out === undefined ? resolve(root, DEFAULT_OPENAPI_OUT) : resolve(cwd, options.out);
  const show = (path: string): string => relative(root, path).split(sep).join('/') || '.';
  return { specPath, outDir, specDisplay: show(specPath), outDisplay: show(outDir) };
}

async function render(paths: ReturnType<typeof resolveOpenApiPaths>) {
  return renderOpenApiFiles({ specPath: paths.specPath, displayPath: paths.specDisplay, source: paths.specDisplay });
}

/** `openapi generate`: rewrites the output folder; resolves to the exit code. */
export async function runOpenApiGenerate(options: OpenApiCommandOptions, io: CliIo): Promise<number> {
  const paths = resolveOpenApiPaths(options, io.cwd);
  const files = await render(paths);
  await writeGeneratedFolder(paths.outDir, files, paths.outDisplay);
  io.stdout(`mktows-codegen: wrote ${files.length} files to ${paths.outDisplay} from ${paths.specDisplay}`);
  return 0;
}

/** `openapi check`: exit 1 naming the stale files when the folder differs from what generate would write. */
export async function runOpenApiCheck(options: OpenApiCommandOptions, io: CliIo): Promise<number> {
  const paths = resolveOpenApiPaths(options, io.cwd);
  const files = await render(paths);
  return reportStaleFiles(paths.outDir, files, { out: paths.outDisplay, source: paths.specDisplay }, io);
}
