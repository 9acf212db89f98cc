// The OpenAPI documents the tests read: the project's description and Marketo's Swagger 2.0 documents in
// ../shared/openapi (read at test time, never copied into the repo; see @org/test-support's ../shared policy).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readShared, repoRoot } from '@org/test-support';
import { parse } from 'yaml';

/** The project's OpenAPI description. */
export const projectSpecPath = path.join(repoRoot, 'openapi/marketo-rest.yaml');

/** A reference document, parsed ({} without ../shared: the tests that use it are declared with describeWithShared). */
export function readReference(name: 'marketo-rest-mapi.swagger.json' | 'marketo-rest-identity.swagger.json'): Record<string, unknown> {
  const text = readShared(`openapi/${name}`);
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/** The project's OpenAPI description, parsed. */
export function readProjectSpec(): Record<string, unknown> {
  return parse(readFileSync(projectSpecPath, 'utf8')) as Record<string, unknown>;
}
