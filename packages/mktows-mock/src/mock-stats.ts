// Counters a test can assert on: calls per operation, faults per code, injected faults per kind, and the
// same for the REST side.
import type { TransportFaultKind } from './fault-injection.js';

/** What the REST side has seen. */
export interface MockRestStats {
  /** Requests to the identity service (`/identity/...`); never counted against the limits. */
  identityRequests: number;
  /** HTTP requests to Lead Database paths (`/rest/...`). */
  requests: number;
  /** Calls per operationId of openapi/marketo-rest.yaml (e.g. `syncLeadUsingPOST`), refused ones included. */
  calls: Record<string, number>;
  /** Error codes answered (request level), per code (e.g. `errors[601]`), injected ones included. */
  errors: Record<number, number>;
  /** HTTP error statuses answered (413, 414, injected ones), per status. */
  httpErrors: Record<number, number>;
  /** Faults injected by `failNextRest(...)`, per kind (`reset`, `malformed`, `resetAfterCommit`, a code or a status). */
  injected: Record<string, number>;
}

/** A snapshot of what the server has seen since it started (or since `reset()`). */
export interface MockStats {
  /** HTTP requests received on the SOAP endpoint (POST). */
  requests: number;
  /** SOAP calls dispatched, per operation name (faulted calls included). */
  calls: Record<string, number>;
  /** Marketo faults answered, per code (e.g. `faults[20023]`), injected ones included. */
  faults: Record<number, number>;
  /** Faults injected by the `faults` option, per kind; Marketo faults under `marketo` per code. */
  injected: Record<TransportFaultKind | 'latency', number> & { marketo: Record<number, number> };
  /** The most calls that were in flight at the same time (SOAP and REST together). */
  peakInFlight: number;
  /** The REST side's counters. */
  rest: MockRestStats;
}

function increment<K extends string | number>(counts: Record<K, number>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Mutable counters behind `server.stats()`. */
export class StatsRecorder {
  private requests = 0;
  private calls: Record<string, number> = {};
  private faults: Record<number, number> = {};
  private injected = this.emptyInjected();
  private restStats = this.emptyRest();

  /** One HTTP request received. */
  request(): void {
    this.requests += 1;
  }

  /** One call of `operation` dispatched. */
  call(operation: string): void {
    increment(this.calls, operation);
  }

  /** One Marketo fault answered. */
  fault(code: number): void {
    increment(this.faults, code);
  }

  /** One injected transport fault or delay. */
  injectedTransport(kind: TransportFaultKind | 'latency'): void {
    this.injected[kind] += 1;
  }

  /** One injected Marketo fault (also counted by {@link fault} when answered). */
  injectedMarketo(code: number): void {
    increment(this.injected.marketo, code);
  }

  /** One identity request. */
  identityRequest(): void {
    this.restStats.identityRequests += 1;
  }

  /** One HTTP request to a Lead Database path. */
  restRequest(): void {
    this.restStats.requests += 1;
  }

  /** One REST call of `operationId`. */
  restCall(operationId: string): void {
    increment(this.restStats.calls, operationId);
  }

  /** One REST error code answered. */
  restError(code: number): void {
    increment(this.restStats.errors, code);
  }

  /** One HTTP error status answered on a REST path. */
  restHttpError(status: number): void {
    increment(this.restStats.httpErrors, status);
  }

  /** One fault injected into a REST call. */
  restInjected(kind: string | number): void {
    increment(this.restStats.injected, String(kind));
  }

  /** A copy of the counters. */
  snapshot(peakInFlight: number): MockStats {
    return {
      requests: this.requests,
      calls: { ...this.calls },
      faults: { ...this.faults },
      injected: { ...this.injected, marketo: { ...this.injected.marketo } },
      peakInFlight,
      rest: {
        ...this.restStats,
        calls: { ...this.restStats.calls },
        errors: { ...this.restStats.errors },
        httpErrors: { ...this.restStats.httpErrors },
        injected: { ...this.restStats.injected },
      },
    };
  }

  /** Zeroes every counter. */
  reset(): void {
    this.requests = 0;
    this.calls = {};
    this.faults = {};
    this.injected = this.emptyInjected();
    this.restStats = this.emptyRest();
  }

  private emptyRest(): MockRestStats {
    return { identityRequests: 0, requests: 0, calls: {}, errors: {}, httpErrors: {}, injected: {} };
  }

  private emptyInjected(): MockStats['injected'] {
    return { latency: 0, http503: 0, reset: 0, resetAfterCommit: 0, malformed: 0, marketo: {} };
  }
}
