// `generate --changeset`: diffs the WSDL being generated from with its version at git HEAD, prints the
// API diff, and writes `.changeset/<name>.md` for the generated package with the bump (none: no file).
// The file is named after HEAD, so re-running before a commit rewrites the same file with the whole
// diff since HEAD instead of adding a second changeset for the same change.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { CliIo } from '../cli.js';
import type { WsdlDiff } from '../diff/changes.js';
import { diffWsdl } from '../diff/diff-wsdl.js';
import { formatDiffText } from '../diff/format-diff.js';
import { CodegenError } from '../errors.js';
import { readWsdlText } from '../wsdl/xml.js';
import { renderChangeset } from './changeset-file.js';
import { headCommit, readFileAtHead } from './git-head.js';

/** Where the WSDL and the generated package are. */
interface WsdlChangesetInput {
  /** The repository root (holds `.changeset/`). */
  readonly root: string;
  /** The WSDL file generated from (its committed version is read from git HEAD). */
  readonly wsdlPath: string;
  /** The WSDL as shown to the user, e.g. `wsdl/mktows.wsdl`. */
  readonly wsdlDisplay: string;
  /** The generated folder; the package is the nearest package.json above it. */
  readonly outDir: string;
}

/** A changeset decided but not yet written. */
interface WsdlChangesetPlan {
  /** The API diff of the WSDL since HEAD. */
  readonly diff: WsdlDiff;
  /** The package the changeset is for. */
  readonly packageName: string;
  /** Absolute path of the changeset file. */
  readonly file: string;
  /** The file relative to the root, forward slashes. */
  readonly fileDisplay: string;
  /** The WSDL as shown to the user. */
  readonly wsdlDisplay: string;
}

/** Reads HEAD's WSDL and diffs it with the working copy. Writes nothing; throws CodegenError on bad input. */
export async function planWsdlChangeset(input: WsdlChangesetInput): Promise<WsdlChangesetPlan> {
  const packageName = findPackageName(input.outDir, input.root);
  const headSource = `HEAD:${input.wsdlDisplay}`;
  const before = readFileAtHead(input.wsdlPath, input.wsdlDisplay);
  const after = await readWsdlText(input.wsdlPath, input.wsdlDisplay);
  const diff = diffWsdl({ text: before, source: headSource }, { text: after, source: input.wsdlDisplay });
  const file = join(input.root, '.changeset', `${unscoped(packageName)}-wsdl-${headCommit(input.root)}.md`);
  const fileDisplay = relative(input.root, file).split(sep).join('/');
  return { diff, packageName, file, fileDisplay, wsdlDisplay: input.wsdlDisplay };
}

/** Prints the diff, then writes the changeset (or removes this HEAD's stale one when the bump is none). */
export async function applyWsdlChangeset(plan: WsdlChangesetPlan, io: CliIo): Promise<void> {
  io.stdout(`mktows-codegen: API changes of ${plan.wsdlDisplay} since git HEAD:`);
  for (const line of formatDiffText(plan.diff)) io.stdout(`  ${line}`);
  if (plan.diff.bump === 'none') {
    if (existsSync(plan.file)) {
      await rm(plan.file);
      io.stdout(`mktows-codegen: removed ${plan.fileDisplay} (the bump is now none)`);
    } else {
      io.stdout('mktows-codegen: no changeset written (bump: none)');
    }
    return;
  }
  await mkdir(dirname(plan.file), { recursive: true });
  await writeFile(plan.file, renderChangeset(plan));
  io.stdout(`mktows-codegen: wrote ${plan.fileDisplay} (${plan.packageName}: ${plan.diff.bump})`);
}

function unscoped(packageName: string): string {
  return packageName.replace(/^@[^/]+\//, '');
}

/** The name in the nearest package.json at or above `outDir`, below `root`. */
function findPackageName(outDir: string, root: string): string {
  const top = resolve(root);
  for (let dir = resolve(outDir); dir !== top && dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
    if (typeof name === 'string' && name) return name;
  }
  throw new CodegenError(
    relative(root, outDir) || '.',
    'is not inside a package with a name, so there is no package to write a changeset for',
  );
}
