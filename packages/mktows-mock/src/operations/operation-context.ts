// What the operation handlers share: the instance the call works on and the server's settings.
import type { MarketoInstance } from '../instance/marketo-instance.js';

/** How syncMultipleLeads treats a record with an attribute name the instance does not have. */
export type UnknownAttributeInBatch = 'fault' | 'fail-record';

/** The state and settings every operation handler works with. */
export interface OperationContext {
  /** The instance of this call (`reset()` swaps in a new one, so handlers read it per call). */
  readonly instance: MarketoInstance;
  /** `fault` (default): the whole call faults with 20105; `fail-record`: only that record is FAILED. */
  readonly unknownAttributeInBatch: UnknownAttributeInBatch;
  /** The most records one syncMultipleLeads call may carry (fault 20110 beyond it); undefined: no limit. */
  readonly maxBatchSize: number | undefined;
}

/** A handler: the parsed body and SOAP headers in, the response body object out (or a MarketoFault thrown). */
export type OperationHandler = (args: Record<string, unknown>, headers: Record<string, unknown>) => object;

/** Builds an operation's handler for a server. */
export type HandlerFactory = (context: OperationContext) => OperationHandler;
