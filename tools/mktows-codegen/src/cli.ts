// The `mktows-codegen` command line: generate (optionally with a changeset), check, diff, api-report.
import { relative, resolve, sep } from 'node:path';
import { Command, CommanderError } from 'commander';
import { DEFAULT_API_PACKAGE, runApiReportCommand, type ApiReportOptions } from './api-report/api-report-command.js';
import { applyWsdlChangeset, planWsdlChangeset } from './changeset/wsdl-changeset.js';
import { DIFF_INPUT_ERROR, runDiffCommand, type DiffCommandOptions } from './diff/diff-command.js';
import { CodegenError } from './errors.js';
import { renderGeneratedFiles } from './generate.js';
import { reportStaleFiles, writeGeneratedFolder } from './output-dir.js';
import { findRepoRoot } from './repo-root.js';
import {
  DEFAULT_OPENAPI_OUT,
  DEFAULT_OPENAPI_SPEC,
  runOpenApiCheck,
  runOpenApiGenerate,
  type OpenApiCommandOptions,
} from './openapi/openapi-command.js';

/** Default WSDL, relative to the repository root. */
export const DEFAULT_WSDL = 'wsdl/mktows.wsdl';
/** Default output folder, relative to the repository root. */
export const DEFAULT_OUT = 'packages/mktows-types/src/generated';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

const processIo: CliIo = {
  cwd: process.cwd(),
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

interface PathOptions {
  wsdl?: string;
  out?: string;
}

interface GenerateOptions extends PathOptions {
  changeset?: boolean;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('mktows-codegen')
    .description('Generates @org/mktows-types from the mktows WSDL and @org/marketo-rest-types from the REST OpenAPI description.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text.trimEnd()), writeErr: (text) => io.stderr(text.trimEnd()) });

  const done = (code: number): void => {
    exitCode = code;
  };
  addGenerateAndCheck(program, {
    input: ['--wsdl <file>', 'WSDL to read'],
    defaults: `--wsdl ${DEFAULT_WSDL} --out ${DEFAULT_OUT}`,
    generateOptions: [
      ['--changeset', 'also diff the WSDL with git HEAD, print it, and write .changeset/<name>.md with the bump'],
    ],
    generate: async (options: GenerateOptions) => done(await generate(options, io)),
    check: async (options: PathOptions) => done(await check(options, io)),
  });

  program
    .command('diff')
    .description('API changes between two WSDLs and the semver bump they need (exit 0; 2 on unreadable input)')
    .argument('<old>', 'the WSDL before the change')
    .argument('<new>', 'the WSDL after the change')
    .option('--json', 'print exactly { "bump": ..., "changes": [...] }')
    .exitOverride(usageErrorExitCode(DIFF_INPUT_ERROR))
    .action(async (oldPath: string, newPath: string, options: DiffCommandOptions) => {
      exitCode = await runDiffCommand(oldPath, newPath, options, io);
    });

  const openapi = program
    .command('openapi')
    .description(`the REST types: generate or check ${DEFAULT_OPENAPI_OUT} from ${DEFAULT_OPENAPI_SPEC} (openapi-typescript)`);
  addGenerateAndCheck(openapi, {
    input: ['--spec <file>', 'OpenAPI description to read'],
    defaults: `--spec ${DEFAULT_OPENAPI_SPEC} --out ${DEFAULT_OPENAPI_OUT}`,
    generate: async (options: OpenApiCommandOptions) => done(await runOpenApiGenerate(options, io)),
    check: async (options: OpenApiCommandOptions) => done(await runOpenApiCheck(options, io)),
  });

  program
    .command('api-report')
    .description(`check (or --update) <package>/api/<name>.api.txt against the built declarations (default --package ${DEFAULT_API_PACKAGE})`)
    .option('--package <dir>', 'package folder')
    .option('--update', 'rewrite the report')
    .action(async (options: ApiReportOptions) => {
      exitCode = await runApiReportCommand(options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CodegenError) {
      io.stderr(`mktows-codegen: ${error.message}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`mktows-codegen: unexpected failure: ${message.split('\n')[0]}`);
    if (process.env.MKTOWS_CODEGEN_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack);
    return 1;
  }
}

/** The `generate` and `check` subcommands of one generated folder. */
interface GenerateAndCheck<G, C> {
  /** The input option and its help, e.g. `['--wsdl <file>', 'WSDL to read']`. */
  input: readonly [flags: string, help: string];
  /** The defaults, as options, for generate's help. */
  defaults: string;
  /** Options only `generate` has, after `--out`. */
  generateOptions?: ReadonlyArray<readonly [flags: string, help: string]>;
  generate: (options: G) => Promise<void>;
  check: (options: C) => Promise<void>;
}

function addGenerateAndCheck<G, C>(parent: Command, commands: GenerateAndCheck<G, C>): void {
  const generate = parent
    .command('generate')
    .description(`write the generated sources (defaults: ${commands.defaults})`)
    .option(...commands.input)
    .option('--out <dir>', 'folder to (re)write; it must hold only generated files');
  for (const option of commands.generateOptions ?? []) generate.option(...option);
  generate.action(commands.generate);
  parent
    .command('check')
    .description('exit 1, naming the stale files, when the output folder differs from what generate would write')
    .option(...commands.input)
    .option('--out <dir>', 'folder to compare')
    .action(commands.check);
}

/** Makes a command's usage errors (missing argument, unknown option) exit with `code`; help still exits 0. */
function usageErrorExitCode(code: number): (error: CommanderError) => never {
  return (error) => {
    throw error.exitCode === 0 ? error : new CommanderError(code, error.code, error.message);
  };
}

interface ResolvedPaths {
  readonly wsdlPath: string;
  readonly outDir: string;
  /** Paths as shown to the user and in headers: relative to the repository root, forward slashes. */
  readonly wsdlDisplay: string;
  readonly outDisplay: string;
}

/** Explicit paths resolve against the working directory; defaults against the repository root. */
function resolvePaths(options: PathOptions, cwd: string): ResolvedPaths {
  const root = findRepoRoot(cwd);
  const wsdlPath = options.wsdl === undefined ? resolve(root, DEFAULT_WSDL) : resolve(cwd, options.wsdl);
  const outDir = options.out === undefined ? resolve(root, DEFAULT_OUT) : resolve(cwd, options.out);
  const show = (path: string): string => relative(root, path).split(sep).join('/') || '.';
  return { wsdlPath, outDir, wsdlDisplay: show(wsdlPath), outDisplay: show(outDir) };
}

async function render(paths: ResolvedPaths) {
  return renderGeneratedFiles({ wsdlPath: paths.wsdlPath, displayPath: paths.wsdlDisplay, source: paths.wsdlDisplay });
}

async function generate(options: GenerateOptions, io: CliIo): Promise<number> {
  const paths = resolvePaths(options, io.cwd);
  const files = await render(paths);
  // Everything that can fail on input (the WSDL at HEAD, the diff) runs before anything is written.
  const changeset = options.changeset ? await planWsdlChangeset({ root: findRepoRoot(io.cwd), ...paths }) : undefined;
  await writeGeneratedFolder(paths.outDir, files, paths.outDisplay);
  io.stdout(`mktows-codegen: wrote ${files.length} files to ${paths.outDisplay} from ${paths.wsdlDisplay}`);
  if (changeset) await applyWsdlChangeset(changeset, io);
  return 0;
}

async function check(options: PathOptions, io: CliIo): Promise<number> {
  const paths = resolvePaths(options, io.cwd);
  const files = await render(paths);
  return reportStaleFiles(paths.outDir, files, { out: paths.outDisplay, source: paths.wsdlDisplay }, io);
}
