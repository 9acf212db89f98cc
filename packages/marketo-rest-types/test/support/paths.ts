// Locations the tests read from: the repository and the reference data beside it (../shared, which CI
// lays beside the clone and a user's clone does not have).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/** The project's OpenAPI description. */
export const projectSpecPath = path.join(repoRoot, 'openapi/marketo-rest.yaml');

/** Marketo's Swagger 2.0 documents (read at test time, never copied into the repo). */
export const referenceOpenApiDir = path.resolve(repoRoot, '../shared/openapi');

/** Whether the reference documents are available. */
export const haveReferenceOpenApi = existsSync(path.join(referenceOpenApiDir, 'marketo-rest-mapi.swagger.json'));

/** Says once, clearly, why the comparison with Marketo's documents is skipped. */
export function noteWhenReferenceMissing(): void {
  if (!haveReferenceOpenApi) {
    console.warn(`skipped: Marketo's REST Swagger documents not found at ${referenceOpenApiDir} (../shared beside the repo)`);
  }
}

/** A reference document, parsed. */
export function readReference(name: 'marketo-rest-mapi.swagger.json' | 'marketo-rest-identity.swagger.json'): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(referenceOpenApiDir, name), 'utf8')) as Record<string, unknown>;
}

/** The project's OpenAPI description, parsed. */
export function readProjectSpec(): Record<string, unknown> {
  return parse(readFileSync(projectSpecPath, 'utf8')) as Record<string, unknown>;
}
