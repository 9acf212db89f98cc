// The state as a JSON file, for the `--state FILE` and `--save-state FILE` options of the bin. Saving is
// atomic: the JSON goes to a temporary file beside the target, which is then renamed over it, so a reader
// (or a crash) never sees half a file.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ValidationError } from '@org/mktows-auth';

import type { MockState } from './mock-state.js';

/**
 * Reads a state file (its content is checked when the server loads it).
 * @throws ValidationError naming `option` when the file cannot be read or is not JSON
 */
export async function readStateFile(file: string, option = '--state'): Promise<MockState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ValidationError(option, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text) as MockState;
  } catch (error) {
    throw new ValidationError(option, `${file} is not JSON: ${(error as Error).message}`);
  }
}

/**
 * Checks that a state can be saved to `file` later (its directory exists).
 * @throws ValidationError naming `option` otherwise
 */
export async function checkStateFileTarget(file: string, option = '--save-state'): Promise<void> {
  const directory = path.dirname(path.resolve(file));
  const found = await stat(directory).catch(() => undefined);
  if (!found?.isDirectory()) throw new ValidationError(option, `the directory ${directory} does not exist`);
}

/** Writes `state` to `file` as JSON, atomically (temporary file, then rename). */
export async function writeStateFile(file: string, state: MockState): Promise<void> {
  const target = path.resolve(file);
  const temporary = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { encoding: 'utf8', flush: true });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
