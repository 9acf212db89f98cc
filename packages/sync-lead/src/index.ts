/**
 * `@org/sync-lead`: create or update Marketo leads through the SOAP API (mktows 2_2) or, with the same
 * calls, inputs, results and errors, through Marketo's REST API (the migration path), one at a time
 * (`syncLead`) or in bulk at the rate-limit ceiling (`syncLeads`, `syncLeadsStream`), with typed
 * results and errors, input validation before the network, retries with backoff, client-wide limits
 * (a sliding window of calls, calls in flight, a daily quota; shared across processes through
 * `@org/sync-lead/redis`), timeouts, AbortSignal and redacted tracing.
 *
 * @packageDocumentation
 */
export { createSyncLeadClient, type SyncLeadClient } from './create-sync-lead-client.js';
export { createSyncLeadClientFromEnv, ENVIRONMENT_VARIABLES, type EnvironmentOverrides } from './create-sync-lead-client-from-env.js';
export {
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type CallOptions,
  type SyncLeadClientOptions,
} from './client-options.js';
export type { RestSyncLeadClientOptions, RestTransportOptions } from './rest/rest-client-options.js';
export {
  FOREIGN_SYS_TYPES,
  type ForeignSysType,
  type LeadAttributes,
  type LeadAttributeValue,
  type SyncLeadInput,
} from './sync-lead-input.js';
export type { Lead, SyncLeadResult } from './sync-lead-result.js';
export type { LeadSource } from './bulk/lead-chunks.js';
export type { LeadFailed, LeadOutcome, LeadSynced, SyncLeadsResult, SyncLeadsStreamItem } from './bulk/lead-outcome.js';
export { MAX_BATCH_SIZE, type SyncLeadsOptions, type SyncLeadsProgress } from './bulk/sync-leads-options.js';
export {
  AbortError,
  DailyQuotaExceededError,
  InvalidResponseError,
  LimitStoreUnavailableError,
  MarketoError,
  SyncFailedError,
  SyncLeadError,
  SyncOutcomeUnknownError,
  TimeoutError,
  TransportError,
  ValidationError,
  type MarketoFaultDetails,
  type TransportFailure,
} from './errors.js';
export {
  DEFAULT_RETRY_OPTIONS,
  isRetryableError,
  type RetryOptions,
  type RetryPredicate,
} from './retry-policy.js';
export {
  MARKETO_CALLS_IN_FLIGHT_LIMIT,
  MARKETO_CONCURRENCY,
  MARKETO_DAILY_QUOTA,
  MARKETO_RATE_LIMIT,
  type CallLimitOptions,
  type RateLimit,
} from './call-limiter.js';
export type { LimitGrant, LimitStore, LimitStoreBinding, SharedCallLimits } from './limit-store.js';
export {
  formatTraceEvent,
  type TraceEvent,
  type TraceListener,
  type TraceRequestEvent,
  type TraceResponseEvent,
  type TraceRestRequestEvent,
  type TraceRestResponseEvent,
  type TraceRetryEvent,
} from './trace.js';
export { REDACTED } from './redact.js';
