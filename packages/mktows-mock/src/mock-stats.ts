// Counters a test can assert on: calls per operation, faults per code, injected faults per kind.
import type { TransportFaultKind } from './fault-injection.js';

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
  /** The most calls that were in flight at the same time. */
  peakInFlight: number;
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

  /** A copy of the counters. */
  snapshot(peakInFlight: number): MockStats {
    return {
      requests: this.requests,
      calls: { ...this.calls },
      faults: { ...this.faults },
      injected: { ...this.injected, marketo: { ...this.injected.marketo } },
      peakInFlight,
    };
  }

  /** Zeroes every counter. */
  reset(): void {
    this.requests = 0;
    this.calls = {};
    this.faults = {};
    this.injected = this.emptyInjected();
  }

  private emptyInjected(): MockStats['injected'] {
    return { latency: 0, http503: 0, reset: 0, resetAfterCommit: 0, malformed: 0, marketo: {} };
  }
}
