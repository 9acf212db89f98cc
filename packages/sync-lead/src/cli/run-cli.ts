// Runs the `sync-lead` command: parses options, syncs one lead (or a file of leads) over SOAP, or over
// REST with `--rest`, and prints the result.
// Never calls process.exit, so tests can run it in-process; the bin turns the returned status into the
// exit code.
import { type Command, CommanderError } from 'commander';
import { createSyncLeadClientFromEnv, type EnvironmentOverrides } from '../create-sync-lead-client-from-env.js';
import { ValidationError } from '../errors.js';
import type { LimitStore } from '../limit-store.js';
import type { SyncLeadInput } from '../sync-lead-input.js';
import { formatTraceEvent, type TraceEvent } from '../trace.js';
import { BULK_ONLY_OPTIONS, type CliOptions, createCliProgram } from './cli-program.js';
import { defaultFailedFile, leadFileFormat } from './lead-file-format.js';
import { type BulkRunSettings, runBulkSync } from './run-bulk.js';
import { describeFailure, formatResult } from './cli-output.js';

/** Where the CLI reads and writes. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  /** A terminal (`isTTY`) gets the bulk mode's progress bar; it must then be a real stream. */
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** Exit status: synced. */
const EXIT_OK = 0;
/** Exit status: the call failed (fault, transport, invalid response). */
const EXIT_FAILED = 1;
/** Exit status: bad usage or input, nothing sent. */
const EXIT_USAGE = 2;

function toInput(options: CliOptions): SyncLeadInput {
  const input: SyncLeadInput = {};
  if (options.id !== undefined) input.id = options.id;
  if (options.email !== undefined) input.email = options.email;
  if (options.foreignSysPersonId !== undefined) input.foreignSysPersonId = options.foreignSysPersonId;
  if (options.foreignSysType !== undefined) input.foreignSysType = options.foreignSysType as SyncLeadInput['foreignSysType'];
  if (options.cookie !== undefined) input.marketoCookie = options.cookie;
  if (options.attr.length > 0) input.attributes = Object.fromEntries(options.attr);
  if (options.returnLead) input.returnLead = true;
  return input;
}

function bulkSettings(file: string, options: CliOptions): BulkRunSettings {
  const format = leadFileFormat(file, options.format);
  // Whether it is the input is decided by identity once it is open (see failed-leads-file.ts).
  const failedFile = options.failedFile ?? defaultFailedFile(file);
  return {
    file,
    format,
    failedFile,
    batchSize: options.batchSize,
    concurrency: options.concurrency,
    dedup: options.dedup,
    json: options.json === true,
  };
}

/** The client options the command line gives: over SOAP, or over REST with `--rest`. */
function clientOverrides(options: CliOptions, io: CliIo): EnvironmentOverrides {
  const common = {
    timeoutMs: options.timeoutMs,
    allowInsecureHttp: options.allowInsecureHttp,
    onTrace: options.trace ? (event: TraceEvent) => void io.stderr.write(`${formatTraceEvent(event)}\n`) : undefined,
  };
  if (options.rest !== true) {
    if (options.partition !== undefined) throw new ValidationError('--partition', 'is only used with --rest (SOAP uses --workspace)');
    return { ...common, transport: 'soap', endpoint: options.endpoint, workspace: options.workspace };
  }
  if (options.workspace !== undefined) {
    throw new ValidationError('--workspace', 'has no REST equivalent: REST names a lead partition (--partition)');
  }
  const rest = {
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.partition === undefined ? {} : { partitionName: options.partition }),
  };
  return { ...common, transport: 'rest', rest };
}

/** The environment variable bulk mode reads a Redis URL from when `--redis-url` is not given. */
const LIMITS_REDIS_URL_VARIABLE = 'MARKETO_LIMITS_REDIS_URL';

/**
 * The Redis limit store of a bulk run, when a URL is given; loaded only then, so that the command
 * without it never loads a Redis client.
 */
async function bulkLimitStore(options: CliOptions, env: CliIo['env']): Promise<LimitStore | undefined> {
  const fromOption = options.redisUrl !== undefined;
  const url = options.redisUrl ?? (env[LIMITS_REDIS_URL_VARIABLE] || undefined);
  if (url === undefined) return undefined;
  const { createRedisLimitStore } = await import('../redis/index.js');
  try {
    return createRedisLimitStore({ url });
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(fromOption ? '--redis-url' : LIMITS_REDIS_URL_VARIABLE, error.rule);
    throw error;
  }
}

/** Bulk options given without --file are a mistake worth naming rather than ignoring. */
function rejectBulkOnlyOptions(program: Command): void {
  for (const name of BULK_ONLY_OPTIONS) {
    if (program.getOptionValueSource(name) === 'cli') {
      const flag = program.options.find((option) => option.attributeName() === name)?.long ?? name;
      throw new ValidationError(flag, 'is only used with --file');
    }
  }
}

/**
 * Runs `sync-lead` with `argv` (without `node` and the script path).
 *
 * @returns the exit status: {@link EXIT_OK}, {@link EXIT_FAILED} or {@link EXIT_USAGE}
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createCliProgram({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  let options: CliOptions;
  try {
    options = program.parse([...argv], { from: 'user' }).opts<CliOptions>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    throw error;
  }
  const json = options.json === true;
  let client: ReturnType<typeof createSyncLeadClientFromEnv> | undefined;
  try {
    const bulk = options.file === undefined ? undefined : bulkSettings(options.file, options);
    if (!bulk) rejectBulkOnlyOptions(program);
    const limitStore = bulk ? await bulkLimitStore(options, io.env) : undefined;
    // Credentials come only from the environment: options would show up in shell history and `ps`.
    client = createSyncLeadClientFromEnv({ ...clientOverrides(options, io), limitStore }, io.env);
    if (bulk) return await runBulkSync(client, bulk, io);
    const result = await client.syncLead(toInput(options));
    io.stdout.write(formatResult(result, json));
    return EXIT_OK;
  } catch (error) {
    const failure = describeFailure(error);
    io.stderr.write(`sync-lead: ${failure.line}\n`);
    if (json) io.stdout.write(`${JSON.stringify({ error: failure.json })}\n`);
    return error instanceof ValidationError ? EXIT_USAGE : EXIT_FAILED;
  } finally {
    client?.close();
  }
}
