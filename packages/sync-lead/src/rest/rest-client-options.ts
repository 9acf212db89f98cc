// The `rest` option of createSyncLeadClient: where Marketo's REST API is and the client credentials of a
// LaunchPoint custom service, checked once. The client secret is only ever sent to the identity service.
import type { SyncLeadClientOptions } from '../client-options.js';
import { checkEndpoint } from '../endpoint.js';
import { ValidationError } from '../errors.js';
import type { ForeignSysType } from '../sync-lead-input.js';

/** Where and how to reach Marketo's REST API (`createSyncLeadClient({ rest: { ... } })`). */
export interface RestTransportOptions {
  /**
   * The REST endpoint of the instance (Admin > Integration > Web Services), e.g.
   * `https://123-ABC-456.mktorest.com/rest`; the bare origin works too. HTTPS unless loopback.
   */
  endpoint: string;
  /**
   * The identity endpoint, e.g. `https://123-ABC-456.mktorest.com/identity` (default: on the endpoint's
   * host, where Marketo serves it).
   */
  identityEndpoint?: string | undefined;
  /** Client Id of the LaunchPoint custom service. */
  clientId: string;
  /** Its Client Secret: sent only to the identity service, never logged, traced or put in an error. */
  clientSecret: string;
  /**
   * The lead partition new leads are created in and leads are matched within (Sync Leads'
   * `partitionName`); default none (Marketo's default partition). SOAP's `workspace` has no REST
   * equivalent: REST names a partition, not a workspace.
   */
  partitionName?: string | undefined;
  /**
   * The REST lead field that holds each foreign system's person id (default `{ SFDC: 'sfdcLeadId' }`):
   * an input with `foreignSysPersonId` and a `foreignSysType` without a field here fails with a
   * `ValidationError`, since REST has no foreign system ids of its own.
   */
  foreignIdFields?: Readonly<Partial<Record<ForeignSysType, string>>> | undefined;
}

/** Options of a client that talks to Marketo's REST API: `rest`, plus every option but the SOAP ones. */
export interface RestSyncLeadClientOptions
  extends Omit<SyncLeadClientOptions, 'endpoint' | 'userId' | 'secretKey' | 'workspace' | 'rest'> {
  /** The REST endpoint and client credentials. */
  rest: RestTransportOptions;
  /** Not used over REST (see `rest.endpoint`). */
  endpoint?: undefined;
  /** Not used over REST (see `rest.clientId`). */
  userId?: undefined;
  /** Not used over REST (see `rest.clientSecret`). */
  secretKey?: undefined;
  /** Not used over REST: REST has partitions, not workspaces (see `rest.partitionName`). */
  workspace?: undefined;
}

/** {@link RestTransportOptions} checked. */
export interface ResolvedRestTransport {
  endpoint: URL;
  identityEndpoint: URL;
  clientId: string;
  clientSecret: string;
  partitionName: string | undefined;
  foreignIdFields: Readonly<Partial<Record<ForeignSysType, string>>> | undefined;
}

const KNOWN: ReadonlySet<string> = new Set<keyof RestTransportOptions>([
  'endpoint',
  'identityEndpoint',
  'clientId',
  'clientSecret',
  'partitionName',
  'foreignIdFields',
]);

function text(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(field, 'must be a non-empty string');
  return value;
}

/** An endpoint checked by the SOAP endpoint's rules, the error naming the REST option. */
function restEndpoint(field: string, value: unknown, allowInsecureHttp: boolean): URL {
  try {
    return checkEndpoint(value, allowInsecureHttp);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(field, error.rule);
    throw error;
  }
}

/**
 * Checks the REST options of a client.
 * @throws {@link ValidationError} naming the option (`rest.endpoint`, `rest.clientSecret`, ...) and the rule
 */
export function resolveRestTransport(options: RestSyncLeadClientOptions): ResolvedRestTransport {
  const rest: unknown = options.rest;
  if (typeof rest !== 'object' || rest === null) {
    throw new ValidationError('rest', 'must be an object with endpoint, clientId and clientSecret');
  }
  for (const name of Object.keys(rest)) {
    if (!KNOWN.has(name)) throw new ValidationError(`rest.${name}`, 'is not an option of rest');
  }
  for (const soapOption of ['endpoint', 'userId', 'secretKey', 'workspace'] as const) {
    if (options[soapOption] !== undefined) {
      const instead = soapOption === 'workspace' ? 'rest.partitionName' : `rest.${soapOption === 'endpoint' ? 'endpoint' : 'clientId and rest.clientSecret'}`;
      throw new ValidationError(soapOption, `is a SOAP option; a client with rest uses ${instead}`);
    }
  }
  const given = rest as Partial<RestTransportOptions>;
  const insecure = options.allowInsecureHttp === true;
  const endpoint = restEndpoint('rest.endpoint', given.endpoint, insecure);
  const foreignIdFields = given.foreignIdFields;
  if (foreignIdFields !== undefined) {
    if (typeof foreignIdFields !== 'object' || foreignIdFields === null) throw new ValidationError('rest.foreignIdFields', 'must be an object');
    for (const [type, field] of Object.entries(foreignIdFields)) text(`rest.foreignIdFields.${type}`, field);
  }
  return {
    endpoint,
    identityEndpoint:
      given.identityEndpoint === undefined ? new URL(endpoint.origin) : restEndpoint('rest.identityEndpoint', given.identityEndpoint, insecure),
    clientId: text('rest.clientId', given.clientId),
    clientSecret: text('rest.clientSecret', given.clientSecret),
    partitionName: given.partitionName === undefined ? undefined : text('rest.partitionName', given.partitionName),
    foreignIdFields: foreignIdFields === undefined ? undefined : { ...foreignIdFields },
  };
}
