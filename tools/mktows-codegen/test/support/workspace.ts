// Test workspaces for the generator: temp folders laid out like the repository
// (wsdl/mktows.wsdl, an output folder), and the CLI run in-process against them.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { main } from '../../src/cli.js';

import { repoRoot, sharedPath } from '@org/test-support';

export { repoRoot };
/** The project WSDL. */
export const projectWsdl = path.join(repoRoot, 'wsdl/mktows.wsdl');
/** The committed generated folder. */
export const committedOutput = path.join(repoRoot, 'packages/mktows-types/src/generated');
/** Marketo's reference WSDL in ../shared (tests that read it are declared with itWithShared/describeWithShared). */
export const referenceWsdl = sharedPath('wsdl/marketo-mktows-2_2.wsdl');

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder holding `wsdl/mktows.wsdl` (the given text, or the project's); removed after the test. */
export function makeWorkspace(wsdlText = readFileSync(projectWsdl, 'utf8')): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mktows-codegen-'));
  created.push(dir);
  mkdirSync(path.join(dir, 'wsdl'));
  writeFileSync(path.join(dir, 'wsdl/mktows.wsdl'), wsdlText);
  return dir;
}

/** Copies the committed generated folder into `dir/out`. */
export function copyCommittedOutput(dir: string): string {
  const out = path.join(dir, 'out');
  cpSync(committedOutput, out, { recursive: true });
  return out;
}

/** Result of one CLI run. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

/** Runs `mktows-codegen <args>` in-process with `cwd`. */
export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { cwd, stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  return { code, stdout, stderr };
}

/** Every file under `dir` -> its text, for before/after comparisons. */
export function snapshotFolder(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    try {
      files[name] = readFileSync(full, 'utf8');
    } catch {
      // a folder
    }
  }
  return files;
}

/** Replaces exactly one occurrence of `from` in `text` (fails the test when it is not there exactly once). */
export function replaceOnce(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`expected exactly one "${from}", found ${count}`);
  return text.replace(from, to);
}
