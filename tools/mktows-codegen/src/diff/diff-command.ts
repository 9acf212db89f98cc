// `mktows-codegen diff OLD NEW [--json]`: reads two WSDL files and prints their API diff.
// Exit 0 whenever the comparison ran, whatever the bump (scripts read the bump from --json); 2 when it
// could not (missing file, not XML, not a WSDL, unresolved reference), with one line on stderr.
import { resolve } from 'node:path';
import type { CliIo } from '../cli.js';
import { CodegenError } from '../errors.js';
import { readWsdlText } from '../wsdl/xml.js';
import { diffWsdl } from './diff-wsdl.js';
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
    const before = { text: await readWsdlText(resolve(io.cwd, oldPath), oldPath), source: oldPath };
    const after = { text: await readWsdlText(resolve(io.cwd, newPath), newPath), source: newPath };
    const diff = diffWsdl(before, after);
    if (options.json) io.stdout(formatDiffJson(diff));
    else for (const line of formatDiffText(diff)) io.stdout(line);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const prefix = error instanceof CodegenError ? '' : 'unexpected failure: ';
    io.stderr(`mktows-codegen diff: ${prefix}${message.split('\n')[0] ?? ''}`);
    return DIFF_INPUT_ERROR;
  }
}
