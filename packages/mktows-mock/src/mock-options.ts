// The options of startMockServer, their defaults (Marketo's documented limits), and their validation.
import { ValidationError } from '@org/mktows-auth';

import { DEFAULT_TIMESTAMP_TOLERANCE_MS } from './authenticate.js';
import type { CallLimitSettings, RateLimit } from './call-admission.js';
import type { FaultInjectionOptions } from './fault-injection.js';
import type { LeadFieldTypes } from './lead-fields.js';
import { ATTR_TYPES, defaultLeadFields, REFUSED_FIELD_NAMES } from './lead-fields.js';
import type { UnknownAttributeInBatch } from './operations/operation-context.js';
import type { MockRestOptions, ResolvedRestOptions } from './rest/rest-options.js';
import { resolveRestOptions } from './rest/rest-options.js';
import type { MockState } from './state/mock-state.js';
import type { WorkspacesOption } from './workspaces.js';

/** The path of the SOAP endpoint, as in Marketo's endpoint URLs (`https://xxx.mktoapi.com/soap/mktows/2_2`). */
export const DEFAULT_ENDPOINT_PATH = '/soap/mktows/2_2';

/** Marketo's documented rate limit: 100 calls per 20 seconds. */
export const MARKETO_RATE_LIMIT: Readonly<RateLimit> = Object.freeze({ calls: 100, windowMs: 20_000 });
/** Marketo's documented limit of calls in flight at once (fault 20024 beyond it): 10. The default `concurrencyLimit`. */
export const MARKETO_CALLS_IN_FLIGHT_LIMIT = 10;
/**
 * Marketo's documented limit of calls in flight at once.
 * @deprecated Use {@link MARKETO_CALLS_IN_FLIGHT_LIMIT} (the same value, the name `@org/sync-lead` uses too).
 */
export const MARKETO_CONCURRENCY_LIMIT = MARKETO_CALLS_IN_FLIGHT_LIMIT;
/** Marketo's documented default daily quota: 10,000 calls. */
export const MARKETO_DAILY_QUOTA = 10_000;
/** The seed of injected faults when none is given (so runs are reproducible by default). */
export const DEFAULT_FAULT_SEED = 0x5eed;
/** How long a client may take to send a request by default: 30 seconds. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Options of {@link startMockServer}. Only `userId` and `secretKey` are required. */
export interface MockServerOptions {
  /** The one `mktowsUserId` the server accepts. */
  userId: string;
  /** Its secret key (never logged, never in a response). */
  secretKey: string;
  /** TCP port; default 0 (a free port). */
  port?: number;
  /** Interface to listen on; default `127.0.0.1` (loopback only). */
  host?: string;
  /** SOAP endpoint path; default `/soap/mktows/2_2` (not under `/rest` or `/identity`, which are REST's). */
  path?: string;
  /** Calls per sliding window (fault 20023); default 100 per 20,000 ms; `false` for none. */
  rateLimit?: RateLimit | false;
  /** Calls in flight at once (fault 20024); default 10; `false` or `Infinity` for none. */
  concurrencyLimit?: number | false;
  /** Calls per Marketo day, which starts at midnight US Central time (fault 20015); default 10,000; `false` or `Infinity` for none. */
  dailyQuota?: number | false;
  /** Workspaces and partitions; default off (everything in `Default`). */
  workspaces?: WorkspacesOption;
  /** Injected faults and latency; default none. */
  faults?: FaultInjectionOptions;
  /** Seed of the fault-injection PRNG; default 0x5eed. */
  seed?: number;
  /** The instance's lead fields (API name to attrType); default {@link defaultLeadFields}. */
  fields?: LeadFieldTypes;
  /** The server's clock (epoch ms or Date); default `Date.now`. Drives auth expiry, limits, the Date header. */
  clock?: () => number | Date;
  /** How far a requestTimestamp may be from the clock before fault 20016; default 15 minutes. */
  timestampToleranceMs?: number;
  /** syncMultipleLeads with an unknown attribute name: `fault` (default, 20105 for the call) or `fail-record`. */
  unknownAttributeInBatch?: UnknownAttributeInBatch;
  /** Most records per syncMultipleLeads call (fault 20110 beyond); default no limit (Marketo recommends 300). */
  maxBatchSize?: number | false;
  /** The Id of the first lead created; default 1. */
  firstLeadId?: number;
  /** Largest request body accepted (fault 20012 beyond); default 32 MiB. */
  maxRequestBytes?: number;
  /**
   * The instance to start from (leads, lists, programs, campaigns, custom objects, ...); default empty.
   * `reset()` returns to it. Refused with a ValidationError naming the first bad value.
   */
  state?: MockState;
  /** How long an importToList job stays PROCESSING, by `clock`; default 0 (done by the next call). */
  importProcessingMs?: number;
  /**
   * How long a client may take to send a request, in milliseconds; default 30,000. A body that has not
   * fully arrived this long after its headers is answered with fault 20012 and the connection closed;
   * headers that have not arrived by then get HTTP 408. A call counts as in flight only once its body
   * has arrived, so slow uploads never take the place of calls.
   */
  requestTimeoutMs?: number;
  /**
   * The REST side's API client (Client Id and Secret of a LaunchPoint custom service) and token lifetime.
   * The REST paths (`/identity/oauth/token`, `/rest/v1/...`) are always served on the same port and
   * instance; without this option the identity service refuses every client.
   */
  rest?: MockRestOptions;
}

const KNOWN_OPTIONS: ReadonlySet<string> = new Set<keyof MockServerOptions>([
  'userId',
  'secretKey',
  'port',
  'host',
  'path',
  'rateLimit',
  'concurrencyLimit',
  'dailyQuota',
  'workspaces',
  'faults',
  'seed',
  'fields',
  'clock',
  'timestampToleranceMs',
  'unknownAttributeInBatch',
  'maxBatchSize',
  'firstLeadId',
  'maxRequestBytes',
  'requestTimeoutMs',
  'state',
  'importProcessingMs',
  'rest',
]);

/** Options with defaults applied and validated. */
interface ResolvedMockOptions {
  userId: string;
  secretKey: string;
  port: number;
  host: string;
  path: string;
  limits: CallLimitSettings;
  workspaces: WorkspacesOption | undefined;
  faults: FaultInjectionOptions | undefined;
  seed: number;
  fields: LeadFieldTypes;
  now: () => number;
  timestampToleranceMs: number;
  unknownAttributeInBatch: UnknownAttributeInBatch;
  maxBatchSize: number | undefined;
  firstLeadId: number;
  maxRequestBytes: number;
  /** Not checked yet: loading the state checks it. */
  state: unknown;
  importProcessingMs: number;
  requestTimeoutMs: number;
  rest: ResolvedRestOptions | undefined;
}

function requireText(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(field, 'must be a non-empty string');
  return value;
}

function positiveLimit(field: string, value: number | false | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  if (value === false || value === Infinity) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ValidationError(field, 'must be a positive integer, Infinity or false');
  }
  return value;
}

function resolveRateLimit(value: RateLimit | false | undefined): RateLimit | undefined {
  if (value === undefined) return { ...MARKETO_RATE_LIMIT };
  if (value === false) return undefined;
  const calls = positiveLimit('rateLimit.calls', value.calls, MARKETO_RATE_LIMIT.calls);
  if (calls === undefined) return undefined;
  if (typeof value.windowMs !== 'number' || !(value.windowMs > 0) || !Number.isFinite(value.windowMs)) {
    throw new ValidationError('rateLimit.windowMs', 'must be a positive number of milliseconds');
  }
  return { calls, windowMs: value.windowMs };
}

function resolveFields(fields: LeadFieldTypes | undefined): LeadFieldTypes {
  if (fields === undefined) return defaultLeadFields;
  for (const [name, type] of Object.entries(fields)) {
    if (name === '') throw new ValidationError('fields', 'must not contain an empty field name');
    if (REFUSED_FIELD_NAMES.has(name)) throw new ValidationError(`fields.${name}`, 'cannot be a field name');
    if (!ATTR_TYPES.includes(type))
      throw new ValidationError(`fields.${name}`, `must be one of ${ATTR_TYPES.join(', ')}`);
  }
  return Object.freeze({ ...fields });
}

function resolveClock(clock: MockServerOptions['clock']): () => number {
  if (clock === undefined) return Date.now;
  if (typeof clock !== 'function')
    throw new ValidationError('clock', 'must be a function returning epoch milliseconds or a Date');
  return () => {
    const value = clock();
    return value instanceof Date ? value.getTime() : value;
  };
}

function integerOption(field: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

/**
 * Applies defaults and validates.
 * @throws ValidationError naming the option and the rule it breaks
 */
export function resolveMockOptions(options: MockServerOptions): ResolvedMockOptions {
  if (typeof options !== 'object' || options === null) throw new ValidationError('options', 'must be an object');
  for (const name of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(name)) throw new ValidationError(name, `is not an option of startMockServer`);
  }
  const path = options.path ?? DEFAULT_ENDPOINT_PATH;
  if (typeof path !== 'string' || !path.startsWith('/')) throw new ValidationError('path', 'must start with /');
  if (/^\/(?:rest|identity)(?:\/|$)/.test(path)) {
    throw new ValidationError('path', 'must not be under /rest or /identity (the REST side serves those)');
  }
  const unknownAttributeInBatch = options.unknownAttributeInBatch ?? 'fault';
  if (unknownAttributeInBatch !== 'fault' && unknownAttributeInBatch !== 'fail-record') {
    throw new ValidationError('unknownAttributeInBatch', 'must be "fault" or "fail-record"');
  }
  const tolerance = options.timestampToleranceMs ?? DEFAULT_TIMESTAMP_TOLERANCE_MS;
  if (typeof tolerance !== 'number' || !(tolerance >= 0)) {
    throw new ValidationError('timestampToleranceMs', 'must be a non-negative number of milliseconds');
  }
  const seed = options.seed ?? DEFAULT_FAULT_SEED;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new ValidationError('seed', 'must be a finite number');
  return {
    userId: requireText('userId', options.userId),
    secretKey: requireText('secretKey', options.secretKey),
    port: integerOption('port', options.port, 0, 0, 65_535),
    host: options.host === undefined ? '127.0.0.1' : requireText('host', options.host),
    path: path.replace(/\/+$/, '') || '/',
    limits: {
      rateLimit: resolveRateLimit(options.rateLimit),
      concurrencyLimit: positiveLimit('concurrencyLimit', options.concurrencyLimit, MARKETO_CALLS_IN_FLIGHT_LIMIT),
      dailyQuota: positiveLimit('dailyQuota', options.dailyQuota, MARKETO_DAILY_QUOTA),
    },
    workspaces: options.workspaces,
    faults: options.faults,
    seed,
    fields: resolveFields(options.fields),
    now: resolveClock(options.clock),
    timestampToleranceMs: tolerance,
    unknownAttributeInBatch,
    maxBatchSize: positiveLimit('maxBatchSize', options.maxBatchSize ?? false, 0),
    firstLeadId: integerOption('firstLeadId', options.firstLeadId, 1, 1, 2 ** 31 - 1),
    maxRequestBytes: integerOption('maxRequestBytes', options.maxRequestBytes, 32 * 1024 * 1024, 1024, 2 ** 31 - 1),
    state: options.state,
    importProcessingMs: integerOption('importProcessingMs', options.importProcessingMs, 0, 0, 2 ** 31 - 1),
    requestTimeoutMs: integerOption(
      'requestTimeoutMs',
      options.requestTimeoutMs,
      DEFAULT_REQUEST_TIMEOUT_MS,
      1,
      2 ** 30,
    ),
    rest: resolveRestOptions(options.rest),
  };
}
