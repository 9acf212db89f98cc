// The `mktows-mock` command: starts a mock server, prints its endpoint URL (and its REST endpoint when a
// REST client is configured), and stops cleanly on SIGINT or SIGTERM. The secret key and the REST client
// secret come only from the environment (MARKETO_SECRET_KEY, MARKETO_CLIENT_SECRET), never from
// arguments, so they cannot show up in a process list or shell history.
import { parseArgs } from 'node:util';

import { ValidationError } from '@org/mktows-auth';

import type { MockServerOptions } from './mock-options.js';
import { startMockServer } from './mock-server.js';
import { checkStateFileTarget, readStateFile, writeStateFile } from './state/state-file.js';

/** Where the command writes; injectable for tests. */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  stopSignal: Promise<string>;
}

/** The usage text of `mktows-mock --help`. */
export const USAGE = `Usage: mktows-mock [options]

Starts a local Marketo mktows 2_2 SOAP server and prints its endpoint URL on stdout; with a REST
client (--client-id and MARKETO_CLIENT_SECRET) also its REST endpoint, on a second line (the identity
service is beside it: replace /rest with /identity). Same port, same instance.
Stops on SIGINT or SIGTERM.

Options:
  --port <n>                TCP port (default 0: a free port)
  --host <address>          interface to listen on (default 127.0.0.1)
  --user-id <id>            the mktowsUserId to accept (default: $MARKETO_USER_ID)
  --rate-limit <calls/ms>   calls per window, e.g. 100/20000 (Marketo's limit, the default), or "off"
  --concurrency-limit <n>   calls in flight at once (default 10), or "off"
  --daily-quota <n>         calls per Marketo day (default 10000), or "off"
  --seed <n>                seed of injected faults
  --fault-rate <kind=rate>  inject faults, repeatable: http503, reset, resetAfterCommit, malformed,
                            or a Marketo code, e.g. --fault-rate http503=0.05 --fault-rate 20011=0.01
  --state <file>            start from the instance in this JSON file (leads, lists, campaigns, ...)
  --save-state <file>       on exit, write the instance to this JSON file (atomically)
  --client-id <id>          the REST client id to accept (default: $MARKETO_CLIENT_ID)
  --token-lifetime <s>      seconds a REST access token lives (default 3600)
  -h, --help                show this help

Environment:
  MARKETO_SECRET_KEY        the secret key requests must be signed with (required)
  MARKETO_USER_ID           the user id, when --user-id is not given
  MARKETO_CLIENT_ID         the REST client id, when --client-id is not given
  MARKETO_CLIENT_SECRET     the REST client secret (required with a client id)`;

function limitValue(field: string, text: string | undefined): number | false | undefined {
  if (text === undefined) return undefined;
  if (text === 'off') return false;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new ValidationError(field, 'must be a positive integer or "off"');
  return value;
}

function rateLimitValue(text: string | undefined): MockServerOptions['rateLimit'] {
  if (text === undefined) return undefined;
  if (text === 'off') return false;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new ValidationError('--rate-limit', 'must look like CALLS/WINDOW_MS (e.g. 100/20000) or "off"');
  return { calls: Number(match[1]), windowMs: Number(match[2]) };
}

function faultOptions(entries: readonly string[]): MockServerOptions['faults'] {
  if (entries.length === 0) return undefined;
  const faults: NonNullable<MockServerOptions['faults']> & { marketo: Array<{ code: number; rate: number }> } = {
    marketo: [],
  };
  for (const entry of entries) {
    const match = /^([A-Za-z][A-Za-z0-9]*|\d{5})=(\d*\.?\d+)$/.exec(entry);
    const kind = match?.[1];
    const rate = Number(match?.[2]);
    if (kind === undefined) throw new ValidationError('--fault-rate', 'must look like KIND=RATE, e.g. http503=0.05');
    if (/^\d{5}$/.test(kind)) faults.marketo.push({ code: Number(kind), rate });
    else if (kind === 'http503' || kind === 'reset' || kind === 'resetAfterCommit' || kind === 'malformed')
      faults[kind] = rate;
    else
      throw new ValidationError(
        '--fault-rate',
        'kind must be http503, reset, resetAfterCommit, malformed or a Marketo code',
      );
  }
  return faults;
}

function restOptions(
  clientId: string | undefined,
  clientSecret: string | undefined,
  lifetime: string | undefined,
): MockServerOptions['rest'] {
  if (!clientId) {
    if (lifetime !== undefined) throw new ValidationError('--token-lifetime', 'needs a REST client (--client-id)');
    return undefined;
  }
  if (!clientSecret)
    throw new ValidationError('MARKETO_CLIENT_SECRET', 'must be set in the environment with a client id');
  const tokenLifetimeSeconds = lifetime === undefined ? undefined : Number(lifetime);
  if (tokenLifetimeSeconds !== undefined && !Number.isInteger(tokenLifetimeSeconds)) {
    throw new ValidationError('--token-lifetime', 'must be a whole number of seconds');
  }
  return { clientId, clientSecret, ...(tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds }) };
}

/**
 * Runs the command until the stop signal. Returns the exit code: 0 after a clean stop or `--help`,
 * 2 for bad usage (including a bad `--state` file), 1 when the server cannot start or the state cannot
 * be saved.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: MockServerOptions;
  let saveStateTo: string | undefined;
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'user-id': { type: 'string' },
        'rate-limit': { type: 'string' },
        'concurrency-limit': { type: 'string' },
        'daily-quota': { type: 'string' },
        seed: { type: 'string' },
        'fault-rate': { type: 'string', multiple: true },
        state: { type: 'string' },
        'save-state': { type: 'string' },
        'client-id': { type: 'string' },
        'token-lifetime': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const userId = values['user-id'] ?? io.env.MARKETO_USER_ID;
    const secretKey = io.env.MARKETO_SECRET_KEY;
    if (!userId) throw new ValidationError('--user-id', 'is required (or set MARKETO_USER_ID)');
    if (!secretKey) throw new ValidationError('MARKETO_SECRET_KEY', 'must be set in the environment');
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !Number.isInteger(port)) throw new ValidationError('--port', 'must be an integer');
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isFinite(seed)) throw new ValidationError('--seed', 'must be a number');
    const rest = restOptions(
      values['client-id'] ?? io.env.MARKETO_CLIENT_ID,
      io.env.MARKETO_CLIENT_SECRET,
      values['token-lifetime'],
    );
    saveStateTo = values['save-state'];
    if (saveStateTo !== undefined) await checkStateFileTarget(saveStateTo);
    options = {
      ...(values.state === undefined ? {} : { state: await readStateFile(values.state) }),
      userId,
      secretKey,
      port,
      host: values.host,
      rateLimit: rateLimitValue(values['rate-limit']),
      concurrencyLimit: limitValue('--concurrency-limit', values['concurrency-limit']),
      dailyQuota: limitValue('--daily-quota', values['daily-quota']),
      seed,
      faults: faultOptions(values['fault-rate'] ?? []),
      ...(rest ? { rest } : {}),
    };
  } catch (error) {
    io.stderr(`mktows-mock: ${error instanceof Error ? error.message : String(error)}`);
    io.stderr('Run mktows-mock --help for usage.');
    return 2;
  }

  let server;
  try {
    server = await startMockServer(options);
  } catch (error) {
    // A bad state file is bad input (2), like a bad option; anything else kept the server from starting.
    const badInput = error instanceof ValidationError;
    io.stderr(`mktows-mock: cannot start: ${error instanceof Error ? error.message : String(error)}`);
    return badInput ? 2 : 1;
  }
  io.stdout(server.url);
  if (options.rest) io.stdout(server.restUrl);
  const signal = await io.stopSignal;
  await server.close();
  if (saveStateTo !== undefined) {
    try {
      await writeStateFile(saveStateTo, server.state());
    } catch (error) {
      io.stderr(
        `mktows-mock: cannot save the state to ${saveStateTo}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 1;
    }
  }
  io.stderr(`mktows-mock: stopped (${signal})`);
  return 0;
}

/** Runs the command in this process: real stdout/stderr/env, stopping on SIGINT or SIGTERM. */
export function runCliInProcess(argv: readonly string[]): Promise<number> {
  const stopSignal = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  return runCli(argv, {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    stopSignal,
  });
}
