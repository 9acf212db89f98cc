// `mktows-codegen api-report [--package DIR] [--update]`: checks (or rewrites) a package's committed API
// report, `<package>/api/<name>.api.txt`, against the report of its built ESM declarations.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { CliIo } from '../cli.js';
import { CodegenError } from '../errors.js';
import { findRepoRoot } from '../repo-root.js';
import { renderApiReport } from './render-api-report.js';

/** Default package whose API is reported, relative to the repository root. */
export const DEFAULT_API_PACKAGE = 'packages/mktows-types';

/** Options of the api-report command. */
export interface ApiReportOptions {
  /** The package folder (default `packages/mktows-types`). */
  readonly package?: string;
  /** Rewrite the report instead of checking it. */
  readonly update?: boolean;
}

interface PackageManifest {
  name?: string;
  exports?: { '.'?: { import?: { types?: string } } };
}

/** Where the report of a package comes from and goes to. */
interface ApiReportPaths {
  readonly packageName: string;
  /** The built ESM entry declarations. */
  readonly entry: string;
  /** The committed report. */
  readonly report: string;
  /** Paths relative to the repository root, for messages. */
  readonly entryDisplay: string;
  readonly reportDisplay: string;
}

/** Resolves a package folder to its entry declarations (the `exports["."].import.types`) and report path. */
function resolveApiReportPaths(packageDir: string, root: string): ApiReportPaths {
  const show = (path: string) => relative(root, path).split(sep).join('/');
  const manifestPath = join(packageDir, 'package.json');
  if (!existsSync(manifestPath)) throw new CodegenError(show(manifestPath), 'file not found');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageManifest;
  const types = manifest.exports?.['.']?.import?.types;
  if (!manifest.name || !types) {
    throw new CodegenError(show(manifestPath), 'needs "name" and exports["."].import.types for an API report');
  }
  const entry = resolve(packageDir, types);
  const report = join(packageDir, 'api', `${manifest.name.replace(/^@[^/]+\//, '')}.api.txt`);
  return { packageName: manifest.name, entry, report, entryDisplay: show(entry), reportDisplay: show(report) };
}

/** Runs the command; resolves to the exit code (1: report out of date, or the package is not built). */
export async function runApiReportCommand(options: ApiReportOptions, io: CliIo): Promise<number> {
  const root = findRepoRoot(io.cwd);
  const packageDir = resolve(options.package === undefined ? root : io.cwd, options.package ?? DEFAULT_API_PACKAGE);
  const paths = resolveApiReportPaths(packageDir, root);
  const build = `npx nx run ${paths.packageName}:build`;
  if (!existsSync(paths.entry)) {
    throw new CodegenError(paths.entryDisplay, `not found: build the package first (${build})`);
  }
  const packageArg = options.package === undefined ? '' : ` --package ${options.package}`;
  const updateCommand = `${build} && npx mktows-codegen api-report${packageArg} --update`;
  const report = renderApiReport(paths.entry, {
    packageName: paths.packageName,
    entryDisplay: relative(packageDir, paths.entry).split(sep).join('/'),
  });
  if (options.update) {
    await mkdir(dirname(paths.report), { recursive: true });
    await writeFile(paths.report, report);
    io.stdout(`mktows-codegen: wrote ${paths.reportDisplay} from ${paths.entryDisplay}`);
    return 0;
  }
  const committed = existsSync(paths.report) ? readFileSync(paths.report, 'utf8') : undefined;
  if (committed === report) {
    io.stdout(`mktows-codegen: ${paths.reportDisplay} matches ${paths.entryDisplay}`);
    return 0;
  }
  for (const line of describeDifference(committed ?? '', report)) io.stderr(line);
  const state = committed === undefined ? 'is missing' : `differs from the API of ${paths.entryDisplay}`;
  io.stderr(`mktows-codegen: ${paths.reportDisplay} ${state}; review the change, then run: ${updateCommand}`);
  return 1;
}

/** The lines only in one of the two reports, `-` committed and `+` current (at most 40 of them). */
function describeDifference(committed: string, current: string): string[] {
  const before = committed.split('\n');
  const after = current.split('\n');
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  const lines = [
    ...before.filter((line) => !afterSet.has(line)).map((line) => `- ${line}`),
    ...after.filter((line) => !beforeSet.has(line)).map((line) => `+ ${line}`),
  ];
  return lines.length > 40 ? [...lines.slice(0, 40), `... and ${lines.length - 40} more changed lines`] : lines;
}
