// A client configured from the environment, the way deployments and the CLI provide credentials.
import { ValidationError } from './errors.js';
import type { SyncLeadClientOptions } from './client-options.js';
import { createSyncLeadClient, type SyncLeadClient } from './create-sync-lead-client.js';

/** Environment variables {@link createSyncLeadClientFromEnv} reads. */
export const ENVIRONMENT_VARIABLES = Object.freeze({
  endpoint: 'MARKETO_SOAP_ENDPOINT',
  userId: 'MARKETO_USER_ID',
  secretKey: 'MARKETO_SECRET_KEY',
  workspace: 'MARKETO_WORKSPACE',
});

function fromEnv(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Creates a client from `MARKETO_SOAP_ENDPOINT`, `MARKETO_USER_ID`, `MARKETO_SECRET_KEY` and the
 * optional `MARKETO_WORKSPACE`; `overrides` win over the environment.
 *
 * @param overrides - any client option (e.g. `{ endpoint, retry, onTrace }`)
 * @param env - where to read the variables (default `process.env`)
 * @throws {@link ValidationError} naming the missing variable
 *
 * @example
 * ```ts
 * const client = createSyncLeadClientFromEnv({ timeoutMs: 10_000 });
 * await client.syncLead({ email: 't@t.com', attributes: { FirstName: 'George' } });
 * ```
 */
export function createSyncLeadClientFromEnv(
  overrides: Partial<SyncLeadClientOptions> = {},
  env: Record<string, string | undefined> = process.env,
): SyncLeadClient {
  const endpoint = overrides.endpoint ?? fromEnv(env, ENVIRONMENT_VARIABLES.endpoint);
  const userId = overrides.userId ?? fromEnv(env, ENVIRONMENT_VARIABLES.userId);
  const secretKey = overrides.secretKey ?? fromEnv(env, ENVIRONMENT_VARIABLES.secretKey);
  const workspace = overrides.workspace ?? fromEnv(env, ENVIRONMENT_VARIABLES.workspace);
  if (endpoint === undefined) throw new ValidationError(ENVIRONMENT_VARIABLES.endpoint, 'must be set (or pass endpoint)');
  if (userId === undefined) throw new ValidationError(ENVIRONMENT_VARIABLES.userId, 'must be set');
  if (secretKey === undefined) throw new ValidationError(ENVIRONMENT_VARIABLES.secretKey, 'must be set');
  return createSyncLeadClient({ ...overrides, endpoint, userId, secretKey, workspace });
}
