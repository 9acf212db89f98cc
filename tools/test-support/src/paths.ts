// Where the repository is, and the ../shared policy. ../shared (DESIGN.md, the spec, Marketo's WSDL and
// Swagger documents, the documentation's envelopes) lies beside the clone in CI and is absent from a
// user's clone: a test that needs it is declared with describeWithShared / itWithShared and then skips
// with one reason, SHARED_SKIP_REASON. Reading ../shared at load time never throws.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * ../shared beside the repository (found relative to the root, never by an absolute path);
 * `MKTOWS_SHARED_DIR` names another place (a missing one shows what a clone without ../shared does).
 */
export const sharedDir = path.resolve(repoRoot, process.env.MKTOWS_SHARED_DIR ?? '../shared');

/** Marketo's documented envelopes and error codes (`../shared/fixtures/marketo-docs`). */
export const docsFixturesDir = path.join(sharedDir, 'fixtures/marketo-docs');

/** Whether ../shared is there: its documentation fixtures, WSDL and OpenAPI folders. */
export const hasShared = ['fixtures/marketo-docs', 'wsdl', 'openapi'].every((entry) => existsSync(path.join(sharedDir, entry)));

/** The one reason every test that needs ../shared gives when it skips. */
export const SHARED_SKIP_REASON = `needs ../shared (reference documents beside the repository), not found at ${sharedDir}`;

const titled = (name: string): string => (hasShared ? name : `${name} [skipped: ${SHARED_SKIP_REASON}]`);

/** A `describe` that needs ../shared: skipped, with the reason in its title, when ../shared is absent. */
export function describeWithShared(name: string, body: () => void): void {
  describe.skipIf(!hasShared)(titled(name), body);
}

/** An `it` that needs ../shared: skipped, with the reason in its title, when ../shared is absent. */
export function itWithShared(name: string, test: () => unknown, timeout?: number): void {
  it.skipIf(!hasShared)(titled(name), async () => {
    await test();
  }, timeout);
}

/** The absolute path of `relative` inside ../shared. */
export function sharedPath(relative: string): string {
  return path.join(sharedDir, relative);
}

/**
 * A text file of ../shared; '' when ../shared is absent, so a file may read it at load time (its tests
 * are declared with describeWithShared and do not run then).
 */
export function readShared(relative: string): string {
  return hasShared ? readFileSync(sharedPath(relative), 'utf8') : '';
}

/** One of the documentation's envelopes (`../shared/fixtures/marketo-docs/<name>`); '' without ../shared. */
export function docsFixture(name: string): string {
  return readShared(path.join('fixtures/marketo-docs', name));
}
