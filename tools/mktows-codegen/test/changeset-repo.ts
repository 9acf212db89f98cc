// Temporary git repositories laid out like this one, for the changeset tests: the WSDL, the generated
// package and `.changeset/` copied from the working tree and committed, so `git show HEAD:...` works.
// The real tree is only read: every write (generated files, changesets, builds) lands in the copy.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { repoRoot } from './diff-wsdl-edits.js';

/** What the generator needs: the WSDL, the generated package, and the changesets configuration. */
const MINIMAL = [
  'package.json',
  '.prettierrc.json',
  '.changeset/config.json',
  'wsdl/mktows.wsdl',
  'packages/mktows-types/package.json',
  'packages/mktows-types/src/generated',
];

/**
 * Plus what `npm run generate` needs: Nx, the generator's sources (built inside the copy), and the REST
 * description with its generated package (the script regenerates both).
 */
const WORKSPACE = [
  ...MINIMAL,
  'openapi/marketo-rest.yaml',
  'packages/marketo-rest-types/package.json',
  'packages/marketo-rest-types/src/generated',
  'nx.json',
  'tsconfig.base.json',
  'scripts/build-package.mjs',
  'tools/mktows-codegen/package.json',
  'tools/mktows-codegen/tsconfig.json',
  'tools/mktows-codegen/tsconfig.build.json',
  'tools/mktows-codegen/bin',
  'tools/mktows-codegen/src',
];

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
};

/** A temporary repository, removed after the test. */
export interface TempRepo {
  /** Its root folder. */
  readonly dir: string;
  /** Runs git in it and returns stdout. */
  git(...args: string[]): string;
}

/**
 * Copies the given paths of the working tree into a fresh git repository and commits them on `main`.
 * `workspace: true` copies what `npm run generate` needs and links node_modules so that the
 * `mktows-codegen` bin resolves to the copy's own generator (built there), not the real tree's.
 */
export function makeTempRepo(options: { workspace?: boolean } = {}): TempRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'mktows-changeset-'));
  created.push(dir);
  for (const item of options.workspace ? WORKSPACE : MINIMAL) {
    mkdirSync(path.dirname(path.join(dir, item)), { recursive: true });
    cpSync(path.join(repoRoot, item), path.join(dir, item), { recursive: true });
  }
  if (options.workspace) linkNodeModules(dir);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: gitEnv });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all', '--', ...(options.workspace ? WORKSPACE : MINIMAL));
  git('-c', 'commit.gpgsign=false', 'commit', '--quiet', '--message', 'base');
  return { dir, git };
}

/**
 * node_modules of the copy: a link to each of the real tree's packages, except the generator itself,
 * which points at the copy's tools/mktows-codegen (also in .bin).
 */
function linkNodeModules(dir: string): void {
  const realModules = path.join(repoRoot, 'node_modules');
  const modules = path.join(dir, 'node_modules');
  mkdirSync(path.join(modules, '.bin'), { recursive: true });
  for (const entry of readdirSync(realModules)) {
    if (entry === '.bin' || entry === 'mktows-codegen') continue;
    symlinkSync(path.join(realModules, entry), path.join(modules, entry));
  }
  symlinkSync(path.join('..', 'tools', 'mktows-codegen'), path.join(modules, 'mktows-codegen'));
  for (const entry of readdirSync(path.join(realModules, '.bin'))) {
    const target =
      entry === 'mktows-codegen'
        ? '../mktows-codegen/bin/mktows-codegen.js'
        : path.resolve(realModules, '.bin', readlinkSync(path.join(realModules, '.bin', entry)));
    symlinkSync(target, path.join(modules, '.bin', entry));
  }
}
