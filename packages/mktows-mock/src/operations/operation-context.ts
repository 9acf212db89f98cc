// What the operation handlers share: the store, the instance's fields and workspaces, and settings.
import type { LeadFieldTypes } from '../lead-fields.js';
import type { LeadStore } from '../lead-store.js';
import type { Workspaces } from '../workspaces.js';

/** How syncMultipleLeads treats a record with an attribute name the instance does not have. */
export type UnknownAttributeInBatch = 'fault' | 'fail-record';

/** The state and settings every operation handler works with. */
export interface OperationContext {
  readonly store: LeadStore;
  readonly fields: LeadFieldTypes;
  readonly workspaces: Workspaces;
  /** `fault` (default): the whole call faults with 20105; `fail-record`: only that record is FAILED. */
  readonly unknownAttributeInBatch: UnknownAttributeInBatch;
  /** The most records one syncMultipleLeads call may carry (fault 20110 beyond it); undefined: no limit. */
  readonly maxBatchSize: number | undefined;
}

/** A handler: the parsed body and SOAP headers in, the response body object out (or a MarketoFault thrown). */
export type OperationHandler = (args: Record<string, unknown>, headers: Record<string, unknown>) => object;
