// Where the repository and the shared reference data are. CI clones the repository elsewhere with
// shared/ beside it, so everything is located relative to the repository root.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** ../shared beside the repository. */
export const sharedDir = path.resolve(repoRoot, '../shared');

/** Reads one of Marketo's documentation envelopes from ../shared/fixtures/marketo-docs. */
export function readDocFixture(name: string): string {
  return readFileSync(path.join(sharedDir, 'fixtures/marketo-docs', name), 'utf8');
}
