// Small readers for the package manifests the release test compares.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The manifest fields the release test looks at. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
}

/** Reads `dir/package.json`. */
export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** The next release version of a plain `major.minor.patch` version for a changeset bump type. */
export function bumpVersion(version: string, bump: 'major' | 'minor' | 'patch'): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`bumpVersion: "${version}" is not a plain major.minor.patch version`);
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
