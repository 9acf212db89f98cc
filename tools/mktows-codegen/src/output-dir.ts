// Writes the generated folder atomically and compares it with fresh output.
// The folder is the generator's alone: it is replaced as a whole, and it is
// refused when it holds a file the generator did not write.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { hasGeneratedHeader } from './emit/header.js';
import { CodegenError } from './errors.js';
import type { GeneratedFile } from './generate.js';

/** Why a file of the output folder is stale. */
export type StaleReason = 'differs' | 'missing' | 'unexpected';

/** A file whose committed content is not what `generate` would write. */
export interface StaleFile {
  /** Path inside the output folder (forward slashes). */
  readonly path: string;
  readonly reason: StaleReason;
}

/**
 * Replaces `outDir` with exactly `files`: writes a sibling temp folder, then swaps
 * it in with renames. On any failure the previous folder is left as it was.
 */
export async function writeGeneratedFolder(outDir: string, files: readonly GeneratedFile[], displayDir: string): Promise<void> {
  const previous = await readFolder(outDir, displayDir);
  if (previous) {
    for (const [path, content] of previous) {
      if (!hasGeneratedHeader(content)) {
        throw new CodegenError(displayDir, `refusing to replace the folder: ${path} was not written by mktows-codegen`);
      }
    }
  }
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = `${outDir}.tmp-${suffix}`;
  const old = `${outDir}.old-${suffix}`;
  try {
    for (const file of files) {
      const target = join(temp, ...file.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    if (previous) {
      await rename(outDir, old);
      try {
        await rename(temp, outDir);
      } catch (error) {
        await rename(old, outDir);
        throw error;
      }
      await rm(old, { recursive: true, force: true });
    } else {
      await mkdir(dirname(outDir), { recursive: true });
      await rename(temp, outDir);
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (error instanceof CodegenError) throw error;
    throw new CodegenError(displayDir, `cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** The files of `outDir` that differ from `files`, are missing, or should not be there; sorted by path. */
export async function findStaleFiles(outDir: string, files: readonly GeneratedFile[], displayDir: string): Promise<StaleFile[]> {
  const current = (await readFolder(outDir, displayDir)) ?? new Map<string, string>();
  const stale: StaleFile[] = [];
  for (const file of files) {
    const content = current.get(file.path);
    if (content === undefined) stale.push({ path: file.path, reason: 'missing' });
    else if (content !== file.content) stale.push({ path: file.path, reason: 'differs' });
  }
  const expected = new Set(files.map((file) => file.path));
  for (const path of current.keys()) if (!expected.has(path)) stale.push({ path, reason: 'unexpected' });
  return stale.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Every file under `dir` (path with forward slashes -> text), or undefined when `dir` does not exist. */
async function readFolder(dir: string, displayDir: string): Promise<Map<string, string> | undefined> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new CodegenError(displayDir, 'exists and is not a folder');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const files = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(dir, full).split(sep).join('/'), await readFile(full, 'utf8'));
  }
  return files;
}

/** Where a generator command reports: one line at a time. */
interface LineOutput {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

/**
 * `check`: compares the output folder with `files` (generated from `sourceDisplay`) and says so.
 * @returns 0 when the folder is up to date, 1 (naming each stale file) when it is not
 */
export async function reportStaleFiles(
  outDir: string,
  files: readonly GeneratedFile[],
  display: { readonly out: string; readonly source: string },
  io: LineOutput,
): Promise<number> {
  const stale = await findStaleFiles(outDir, files, display.out);
  if (stale.length === 0) {
    io.stdout(`mktows-codegen: ${display.out} is up to date with ${display.source}`);
    return 0;
  }
  for (const file of stale) io.stderr(`stale (${file.reason}): ${display.out}/${file.path}`);
  io.stderr(`mktows-codegen: ${stale.length} generated file(s) out of date with ${display.source}; run: npm run generate`);
  return 1;
}

