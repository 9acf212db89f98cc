// Trace events: the raw XML of every SOAP exchange, or the raw JSON of every REST exchange (the identity
// request included), with signatures, secrets and tokens already redacted.

/** The request of one attempt, as sent. */
export interface TraceRequestEvent {
  type: 'request';
  /** mktows operation, e.g. `syncLead`. */
  operation: string;
  /** Correlates the request with its response (soap's exchange id). */
  exchangeId: string;
  /** Attempt number within the call, from 1. */
  attempt: number;
  /** Where the request goes. */
  endpoint: string;
  /** The SOAP envelope, `requestSignature` and secrets redacted. */
  xml: string;
}

/** The response of one attempt, as received (also for faults). */
export interface TraceResponseEvent {
  type: 'response';
  /** mktows operation. */
  operation: string;
  /** Same as the request's. */
  exchangeId: string;
  /** Attempt number within the call, from 1. */
  attempt: number;
  /** HTTP status, when a response arrived. */
  httpStatus: number | undefined;
  /** Time from request to response, in milliseconds. */
  durationMs: number;
  /** The response body, secrets redacted (empty when none arrived). */
  xml: string;
}

/** A REST request of one attempt, as sent (the identity request included). */
export interface TraceRestRequestEvent {
  type: 'rest-request';
  /** The operationId of openapi/marketo-rest.yaml, e.g. `syncLeadUsingPOST` or `identityUsingGET`. */
  operation: string;
  /** Correlates the request with its response. */
  exchangeId: string;
  /** Attempt number within the call, from 1. */
  attempt: number;
  /** HTTP method. */
  method: string;
  /** The URL, the client secret (a query parameter of the identity request) and tokens redacted. */
  url: string;
  /** The request headers, `Authorization: Bearer` redacted. */
  headers: Record<string, string>;
  /** The JSON body (empty for a GET), secrets redacted. */
  body: string;
}

/** The response of one REST attempt, as received. */
export interface TraceRestResponseEvent {
  type: 'rest-response';
  /** The operationId, as in the request event. */
  operation: string;
  /** Same as the request's. */
  exchangeId: string;
  /** Attempt number within the call, from 1. */
  attempt: number;
  /** HTTP status. */
  httpStatus: number;
  /** Time from request to response, in milliseconds. */
  durationMs: number;
  /** The response body, tokens and secrets redacted. */
  body: string;
}

/** A failed attempt that is about to be retried. */
export interface TraceRetryEvent {
  type: 'retry';
  /** mktows operation. */
  operation: string;
  /** The attempt that failed, from 1. */
  attempt: number;
  /** Error class name, e.g. `MarketoError`. */
  errorName: string;
  /** The error's message (never contains secrets). */
  message: string;
  /** Marketo's code, when the failure was a Marketo fault. */
  code?: number | undefined;
}

/** Everything `onTrace` receives: SOAP exchanges, REST exchanges (the client's transport), retries. */
export type TraceEvent = TraceRequestEvent | TraceResponseEvent | TraceRestRequestEvent | TraceRestResponseEvent | TraceRetryEvent;

/** Receives trace events. Exceptions it throws are ignored: tracing never changes a call's outcome. */
export type TraceListener = (event: TraceEvent) => void;

/** Calls `listener` with `event`, shielding the call from a throwing listener. */
export function emitTrace(listener: TraceListener | undefined, event: TraceEvent): void {
  if (!listener) return;
  try {
    listener(event);
  } catch {
    // A broken trace hook must not fail or retry the call it observes.
  }
}

/**
 * Formats a trace event as human-readable text (what the CLI's `--trace` and `npm start` print).
 */
export function formatTraceEvent(event: TraceEvent): string {
  switch (event.type) {
    case 'request':
      return `--> ${event.operation} attempt ${event.attempt} POST ${event.endpoint}\n${event.xml}`;
    case 'response':
      return `<-- ${event.operation} attempt ${event.attempt} HTTP ${event.httpStatus ?? '(none)'} in ${Math.round(event.durationMs)} ms\n${event.xml}`;
    case 'rest-request': {
      const lines = [`--> ${event.operation} attempt ${event.attempt} ${event.method} ${event.url}`];
      for (const [name, value] of Object.entries(event.headers)) lines.push(`${name}: ${value}`);
      if (event.body !== '') lines.push(event.body);
      return lines.join('\n');
    }
    case 'rest-response':
      return `<-- ${event.operation} attempt ${event.attempt} HTTP ${event.httpStatus} in ${Math.round(event.durationMs)} ms\n${event.body}`;
    case 'retry':
      return `~~ ${event.operation} attempt ${event.attempt} failed (${event.errorName}${event.code === undefined ? '' : ` ${event.code}`}: ${event.message}); retrying`;
  }
}
