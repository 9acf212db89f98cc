// `mktows-codegen diff OLD NEW [--json]`: reads two WSDL files and prints their API diff.
// Exit 0 whenever the comparison ran, whatever the bump (scripts read the bump from --json); 2 when it
// could not (missing file, not XML, not a WSDL, unresolved reference), with one line on stderr.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIo } from '../cli.js';
import { WsdlCanonicalError } from '../wsdl-canonical.js';
import { diffWsdl, type WsdlInput } from './diff-wsdl.js';
import { formatDiffJson, formatDiffText } from './format-diff.js';

/** Exit code of `diff` when an input cannot be read or is not a WSDL. */
export const DIFF_INPUT_ERROR = 2;

/** Options of the diff command. */
export interface DiffCommandOptions {
  /** Print `{ "bump", "changes" }` as JSON instead of the readable list. */
  readonly json?: boolean;
}

/** Runs the diff command; resolves to the exit code. Paths resolve against `io.cwd` and are shown as typed. */
export async function runDiffCommand(
  oldPath: string,
  newPath: string,
  options: DiffCommandOptions,
  io: CliIo,
): Promise<number> {
  try {
    // One after the other, so that when both inputs are bad the error always names the OLD one.
    const before = await readInput(oldPath, io.cwd);
    const after = await readInput(newPath, io.cwd);
    const diff = diffWsdl(before, after);
    if (options.json) io.stdout(formatDiffJson(diff));
    else for (const line of formatDiffText(diff)) io.stdout(line);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const prefix = error instanceof WsdlCanonicalError ? '' : 'unexpected failure: ';
    io.stderr(`mktows-codegen diff: ${prefix}${message.split('\n')[0] ?? ''}`);
    return DIFF_INPUT_ERROR;
  }
}

async function readInput(path: string, cwd: string): Promise<WsdlInput> {
  try {
    return { text: await readFile(resolve(cwd, path), 'utf8'), source: path };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory'
          : `cannot be read (${code ?? String(error)})`;
    throw new WsdlCanonicalError('READ_FAILED', path, reason);
  }
}
