// Locations the tests read from: the repository and the reference data beside it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** ../shared beside the repository (CI clones the repo elsewhere with shared/ beside it). */
export const sharedDir = path.resolve(repoRoot, '../shared');

/** Marketo's documented envelopes (read at test time, never copied into the repo). */
export const docsFixturesDir = path.join(sharedDir, 'fixtures/marketo-docs');

/** Whether the documentation fixtures are available. */
export const haveDocsFixtures = existsSync(docsFixturesDir);

/** Says once, clearly, why fixture-based tests are skipped. */
export function noteWhenFixturesMissing(): void {
  if (!haveDocsFixtures) {
    console.warn(`skipped: Marketo documentation fixtures not found at ${docsFixturesDir} (../shared beside the repo)`);
  }
}
