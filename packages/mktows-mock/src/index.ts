/**
 * `@org/mktows-mock`: a local Marketo mktows 2_2 SOAP server for tests. It answers all 23 operations of the
 * WSDL on one stateful, consistent Marketo instance (leads, activities, static lists, programs, campaigns,
 * import jobs, opportunities, custom objects, channels and tags) with Marketo's documented authentication,
 * faults and limits, seeded from and saved to JSON, plus seeded fault injection. On the same port and the
 * same instance it serves the REST identity service and the Lead Database calls of the migration path
 * (sync leads, leads by filter, lead by id, describe), with Marketo's REST envelope, codes, tokens and limits.
 *
 * @packageDocumentation
 */
export { startMockServer } from './mock-server.js';
export type { MockServer } from './mock-server.js';
export {
  DEFAULT_ENDPOINT_PATH,
  DEFAULT_FAULT_SEED,
  DEFAULT_REQUEST_TIMEOUT_MS,
  MARKETO_CALLS_IN_FLIGHT_LIMIT,
  MARKETO_CONCURRENCY_LIMIT,
  MARKETO_DAILY_QUOTA,
  MARKETO_RATE_LIMIT,
} from './mock-options.js';
export type { MockServerOptions } from './mock-options.js';
export type { RateLimit } from './call-admission.js';
export type { FaultInjectionOptions, InjectedMarketoFault, QueuedFault, TransportFaultKind } from './fault-injection.js';
export { ATTR_TYPES, defaultLeadFields } from './lead-fields.js';
export type { AttrType, LeadFieldTypes } from './lead-fields.js';
export { FOREIGN_SYS_TYPES } from './lead-store.js';
export type { ForeignSysType, MockLead } from './lead-store.js';
export { LEAD_KEY_FIELDS, LEAD_KEY_TYPES } from './lead-lookup.js';
export type { LeadKeyType } from './lead-lookup.js';
export type { MockRestStats, MockStats } from './mock-stats.js';
export { MARKETO_TOKEN_LIFETIME_SECONDS } from './rest/rest-options.js';
export type { MockRestOptions } from './rest/rest-options.js';
export type { RestQueuedFault } from './rest/rest-faults.js';
export { restFieldName } from './rest/rest-fields.js';
export type { SeedLead } from './seed-lead.js';
export { DEFAULT_WORKSPACE } from './workspaces.js';
export type { AssignmentCandidate, AssignmentRule, FieldAssignmentRule } from './workspaces.js';
export type { PredicateAssignmentRule, WorkspaceDefinition, WorkspacesOption } from './workspaces.js';
export { DEFAULT_TIMESTAMP_TOLERANCE_MS } from './authenticate.js';
export type { UnknownAttributeInBatch } from './operations/operation-context.js';
export type {
  MockState,
  MockStateActivity,
  MockStateAssociation,
  MockStateCampaign,
  MockStateCampaignRun,
  MockStateChannel,
  MockStateCustomObject,
  MockStateCustomObjectType,
  MockStateImportJob,
  MockStateImportRequest,
  MockStateLead,
  MockStateLeadTokens,
  MockStateList,
  MockStateNameValue,
  MockStateNextIds,
  MockStateOpportunity,
  MockStateOpportunityPersonRole,
  MockStateProgram,
  MockStateProgramCost,
  MockStateProgramTag,
  MockStateProgressionStatus,
  MockStateTagType,
} from './state/mock-state.js';
