// Faults queued for the next REST calls (`server.failNextRest(...)`), one per Lead Database call, in
// order; the identity call takes none. A number from 400 to 599 is an HTTP status answered instead of the
// call; a REST code (601, 606, 1003, ...) is an error envelope answered after the token is checked and
// before the call is admitted (so it is not counted against the limits, like every call Marketo refuses);
// `'reset'`, `'malformed'` and `'resetAfterCommit'` are what they are for SOAP.
import { ValidationError } from '@org/mktows-auth';

import { isRestErrorCode } from './rest-error.js';

/** A fault for `server.failNextRest(...)`: an HTTP status (400-599), a REST error code, or a transport fault. */
export type RestQueuedFault = number | 'reset' | 'resetAfterCommit' | 'malformed';

/** What happens to one REST call. */
type RestFaultDecision =
  | { kind: 'none' }
  | { kind: 'httpStatus'; status: number }
  | { kind: 'restCode'; code: number }
  | { kind: 'reset' }
  | { kind: 'malformed' }
  | { kind: 'resetAfterCommit' };

const NONE: RestFaultDecision = Object.freeze({ kind: 'none' });
const TRANSPORT_KINDS: ReadonlySet<string> = new Set(['reset', 'resetAfterCommit', 'malformed']);

function isHttpErrorStatus(value: number): boolean {
  return Number.isInteger(value) && value >= 400 && value <= 599;
}

/** The queue behind `server.failNextRest(...)`. */
export class RestFaultQueue {
  private queued: RestQueuedFault[] = [];

  /**
   * Queues faults for the next Lead Database calls.
   * @throws ValidationError for anything but an HTTP error status, a REST code the mock knows or a transport kind
   */
  enqueue(faults: readonly RestQueuedFault[]): void {
    for (const [index, fault] of faults.entries()) {
      const known =
        typeof fault === 'number' ? isHttpErrorStatus(fault) || isRestErrorCode(fault) : TRANSPORT_KINDS.has(fault);
      if (!known) {
        throw new ValidationError(
          `faults[${index}]`,
          'must be an HTTP status from 400 to 599, a REST error code (601-616, 1001-1010), reset, resetAfterCommit or malformed',
        );
      }
    }
    this.queued.push(...faults);
  }

  /** The decision for the next Lead Database call. */
  next(): RestFaultDecision {
    const fault = this.queued.shift();
    if (fault === undefined) return NONE;
    if (typeof fault === 'number') {
      return isHttpErrorStatus(fault) ? { kind: 'httpStatus', status: fault } : { kind: 'restCode', code: fault };
    }
    return { kind: fault };
  }

  /** Drops every queued fault. */
  reset(): void {
    this.queued = [];
  }
}
