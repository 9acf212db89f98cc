// Where the repository and the shared reference data are. CI clones the repo elsewhere with shared/
// beside it, so ../shared is found relative to the repository root, never by an absolute path.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/** The documentation's envelopes (`../shared/fixtures/marketo-docs`). */
export const docsFixturesDir = path.resolve(repoRoot, '../shared/fixtures/marketo-docs');

/** The project's WSDL. */
export const projectWsdlPath = path.resolve(repoRoot, 'wsdl/mktows.wsdl');

/** Whether the shared documentation fixtures are available. */
export const hasDocsFixtures = existsSync(docsFixturesDir);

/** A documentation fixture's text. */
export function readDocsFixture(name: string): string {
  return readFileSync(path.join(docsFixturesDir, name), 'utf8');
}
