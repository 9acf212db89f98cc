// Makes a throwaway copy of the repository to run release commands in, so that
// versioning and publishing never touch the real checkout.
import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Mirrors `source` (a node_modules folder) at `target` with symlinks instead of
 * copies (hundreds of MB, and `npm ci` would cost a minute). Links that npm made
 * (workspace packages under `@org/`, `.bin` entries) are re-created with the same
 * relative target, so in the copy they point at the copy's own workspaces; every
 * other entry links to the installed original.
 */
export function linkNodeModules(source: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    if (name === '.package-lock.json' || name === '.cache') continue;
    const from = join(source, name);
    const to = join(target, name);
    const stat = lstatSync(from);
    if (stat.isSymbolicLink()) {
      symlinkSync(readlinkSync(from), to);
    } else if (name.startsWith('@') || name === '.bin') {
      linkNodeModules(from, to);
    } else {
      symlinkSync(from, to);
    }
  }
}

/** The files git would put in a fresh clone, plus new files not yet committed (but not ignored ones). */
function listRepoFiles(repoRoot: string): string[] {
  const output = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return output.split('\0').filter((file) => file !== '');
}

/** Git with a fixed identity, so commits and tags work on machines without a git user. */
function git(cwd: string, args: readonly string[]): void {
  execFileSync(
    'git',
    [
      '-c',
      'user.name=release-check',
      '-c',
      'user.email=release-check@example.invalid',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { cwd, stdio: 'ignore' },
  );
}

/**
 * Copies the working tree of `repoRoot` (tracked and untracked, not ignored files)
 * to `target`, links its node_modules folders, and commits the copy into a new
 * git repository on `main` (changesets tags releases, which needs one).
 */
export function copyRepo(repoRoot: string, target: string): void {
  for (const file of listRepoFiles(repoRoot)) {
    let stat;
    try {
      stat = lstatSync(join(repoRoot, file));
    } catch {
      continue; // deleted in the working tree but still in the index
    }
    mkdirSync(dirname(join(target, file)), { recursive: true });
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(join(repoRoot, file)), join(target, file));
    else copyFileSync(join(repoRoot, file), join(target, file));
  }
  linkNodeModules(join(repoRoot, 'node_modules'), join(target, 'node_modules'));
  for (const workspaceParent of ['packages', 'tools']) {
    for (const workspace of readdirSync(join(repoRoot, workspaceParent))) {
      const nested = join(repoRoot, workspaceParent, workspace, 'node_modules');
      if (isDirectory(nested)) linkNodeModules(nested, join(target, workspaceParent, workspace, 'node_modules'));
    }
  }
  git(target, ['init', '-q', '-b', 'main']);
  git(target, ['add', '-A']);
  git(target, ['commit', '-q', '--no-verify', '-m', 'release-check: copy of the working tree']);
}

function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
