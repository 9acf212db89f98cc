// A client configured from the environment, the way deployments and the CLI provide credentials: the
// SOAP variables, or the REST ones (the migration path).
import { ValidationError } from './errors.js';
import type { SyncLeadClientOptions } from './client-options.js';
import { createSyncLeadClient, type SyncLeadClient } from './create-sync-lead-client.js';
import type { RestTransportOptions } from './rest/rest-client-options.js';

/** Environment variables {@link createSyncLeadClientFromEnv} reads. */
export const ENVIRONMENT_VARIABLES = Object.freeze({
  endpoint: 'MARKETO_SOAP_ENDPOINT',
  userId: 'MARKETO_USER_ID',
  secretKey: 'MARKETO_SECRET_KEY',
  workspace: 'MARKETO_WORKSPACE',
  restEndpoint: 'MARKETO_REST_ENDPOINT',
  identityEndpoint: 'MARKETO_IDENTITY_ENDPOINT',
  clientId: 'MARKETO_CLIENT_ID',
  clientSecret: 'MARKETO_CLIENT_SECRET',
});

/** What {@link createSyncLeadClientFromEnv} takes besides the environment: any client option, which wins over it. */
export interface EnvironmentOverrides extends Partial<Omit<SyncLeadClientOptions, 'rest'>> {
  /**
   * The API to use: `'soap'` reads the SOAP variables, `'rest'` the REST ones. Default: SOAP when
   * `MARKETO_SOAP_ENDPOINT` (or `endpoint`) is set, else REST when `MARKETO_REST_ENDPOINT` (or
   * `rest.endpoint`) is, else SOAP.
   */
  transport?: 'soap' | 'rest' | undefined;
  /** REST options that win over the REST variables. */
  rest?: Partial<RestTransportOptions> | undefined;
}

function fromEnv(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function required(value: string | undefined, variable: string, option?: string): string {
  if (value === undefined) throw new ValidationError(variable, option ? `must be set (or pass ${option})` : 'must be set');
  return value;
}

function transportOf(overrides: EnvironmentOverrides, env: Record<string, string | undefined>): 'soap' | 'rest' {
  const { transport } = overrides;
  if (transport !== undefined && transport !== 'soap' && transport !== 'rest') {
    throw new ValidationError('transport', 'must be "soap" or "rest"');
  }
  if (transport !== undefined) return transport;
  if (overrides.endpoint !== undefined || fromEnv(env, ENVIRONMENT_VARIABLES.endpoint) !== undefined) return 'soap';
  if (overrides.rest?.endpoint !== undefined || fromEnv(env, ENVIRONMENT_VARIABLES.restEndpoint) !== undefined) return 'rest';
  return 'soap';
}

/**
 * Creates a client from the environment; `overrides` win over it.
 *
 * - SOAP: `MARKETO_SOAP_ENDPOINT`, `MARKETO_USER_ID`, `MARKETO_SECRET_KEY` and the optional `MARKETO_WORKSPACE`.
 * - REST (`transport: 'rest'`, or when only the REST endpoint is set): `MARKETO_REST_ENDPOINT`,
 *   `MARKETO_CLIENT_ID`, `MARKETO_CLIENT_SECRET` and the optional `MARKETO_IDENTITY_ENDPOINT`.
 *
 * @param overrides - any client option (e.g. `{ endpoint, retry, onTrace }`), `transport`, and `rest` options
 * @param env - where to read the variables (default `process.env`)
 * @throws {@link ValidationError} naming the missing variable
 *
 * @example
 * ```ts
 * const client = createSyncLeadClientFromEnv({ timeoutMs: 10_000 });
 * await client.syncLead({ email: 't@t.com', attributes: { FirstName: 'George' } });
 * const restClient = createSyncLeadClientFromEnv({ transport: 'rest' });
 * ```
 */
export function createSyncLeadClientFromEnv(
  overrides: EnvironmentOverrides = {},
  env: Record<string, string | undefined> = process.env,
): SyncLeadClient {
  const { transport: _transport, rest, endpoint: soapEndpoint, userId: soapUserId, secretKey: soapSecret, workspace: soapWorkspace, ...common } = overrides;
  if (transportOf(overrides, env) === 'rest') {
    for (const [option, value] of Object.entries({ endpoint: soapEndpoint, userId: soapUserId, secretKey: soapSecret, workspace: soapWorkspace })) {
      if (value !== undefined) throw new ValidationError(option, 'is a SOAP option; a REST client takes rest options');
    }
    const identityEndpoint = rest?.identityEndpoint ?? fromEnv(env, ENVIRONMENT_VARIABLES.identityEndpoint);
    return createSyncLeadClient({
      ...common,
      rest: {
        ...rest,
        endpoint: required(rest?.endpoint ?? fromEnv(env, ENVIRONMENT_VARIABLES.restEndpoint), ENVIRONMENT_VARIABLES.restEndpoint, 'rest.endpoint'),
        clientId: required(rest?.clientId ?? fromEnv(env, ENVIRONMENT_VARIABLES.clientId), ENVIRONMENT_VARIABLES.clientId),
        clientSecret: required(rest?.clientSecret ?? fromEnv(env, ENVIRONMENT_VARIABLES.clientSecret), ENVIRONMENT_VARIABLES.clientSecret),
        ...(identityEndpoint === undefined ? {} : { identityEndpoint }),
      },
    });
  }
  if (rest !== undefined) throw new ValidationError('rest', 'is a REST option; pass transport: "rest" for a REST client');
  const endpoint = required(soapEndpoint ?? fromEnv(env, ENVIRONMENT_VARIABLES.endpoint), ENVIRONMENT_VARIABLES.endpoint, 'endpoint');
  const userId = required(soapUserId ?? fromEnv(env, ENVIRONMENT_VARIABLES.userId), ENVIRONMENT_VARIABLES.userId);
  const secretKey = required(soapSecret ?? fromEnv(env, ENVIRONMENT_VARIABLES.secretKey), ENVIRONMENT_VARIABLES.secretKey);
  const workspace = soapWorkspace ?? fromEnv(env, ENVIRONMENT_VARIABLES.workspace);
  return createSyncLeadClient({ ...common, endpoint, userId, secretKey, workspace });
}
