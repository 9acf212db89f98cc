// Reads what git HEAD holds: a file's committed text and the commit id. The WSDL diff of a changeset
// compares the working copy with HEAD, the version the last release (or review) saw.
import { execFileSync } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { CodegenError } from '../errors.js';

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
}

function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const text =
    typeof stderr === 'string' && stderr.trim() ? stderr : error instanceof Error ? error.message : String(error);
  return text.trim().split('\n')[0] ?? '';
}

/** The text of `path` as committed at HEAD of the repository holding it; `display` names it in errors. */
export function readFileAtHead(path: string, display: string): string {
  try {
    return git(['show', `HEAD:./${basename(path)}`], dirname(path));
  } catch (error) {
    throw new CodegenError(display, `cannot read it at git HEAD (${firstLine(error)})`);
  }
}

/** The abbreviated id of HEAD in the repository at `cwd`. */
export function headCommit(cwd: string): string {
  try {
    return git(['rev-parse', '--short=12', 'HEAD'], cwd).trim();
  } catch (error) {
    throw new CodegenError(cwd, `no git HEAD (${firstLine(error)})`);
  }
}
