// One client's signed mktows calls: every call goes through the retry/limit layer, every attempt is
// freshly signed (clock corrected after a 20016), bounded by its timeout (the whole attempt), the
// response size limit and the caller's signal, traced with secrets redacted, and its failure mapped to
// this package's errors. syncLead uses it; bulk operations use the same session so that they share the
// client's limits.
import { setMaxListeners } from 'node:events';
import { createAuthenticationHeader, type Credentials, type MktowsContextHeaderInfo } from '@org/mktows-auth';
import type { OperationName } from '@org/mktows-types';
import { linkSignals, throwIfAborted } from './abort.js';
import { createCallLimiter } from './call-limiter.js';
import type { CallOptions } from './client-options.js';
import { AbortError, MarketoError, SyncLeadError } from './errors.js';
import { createClientAgent } from './http-agent.js';
import { mapSoapError } from './map-soap-error.js';
import { createMktowsTransport } from './mktows-transport.js';
import type { Redactor } from './redact.js';
import { createCallRunner } from './resilient-call.js';
import { createServerClock } from './server-clock.js';
import type { SessionCallOptions, SessionSettings } from './session-settings.js';
import { emitTrace, type TraceRetryEvent } from './trace.js';

/** Marketo's code for a stale timestamp, answered by re-signing with a corrected clock. */
const REQUEST_EXPIRED = 20016;

/** Validated settings of a session. */
interface MktowsSessionOptions extends SessionSettings {
  endpoint: URL;
  credentials: Credentials;
  contextHeader: MktowsContextHeaderInfo | undefined;
  redactor: Redactor;
}

/**
 * Turns a successful response body into the caller's result, or throws a {@link SyncLeadError}.
 * `serverText` makes any text taken from the body fit for an error (redacted, one line, cut short).
 */
export type ResponseReader<TBody, TResult> = (
  body: TBody,
  httpStatus: number | undefined,
  serverText: (text: string) => string,
) => TResult;


/** The signed, limited, retried mktows calls of one client. */
export interface MktowsSession {
  /** Calls `operation` with `params` until it succeeds or fails for good; `read` interprets each response. */
  call<TBody, TResult>(
    operation: OperationName,
    params: unknown,
    read: ResponseReader<TBody, TResult>,
    options: SessionCallOptions,
  ): Promise<TResult>;
  /** The client-wide limits every call of the session shares. */
  readonly limits: { readonly concurrency: number };
  /** Releases connections and timers. */
  close(): void;
}

function retryEvent(operation: string, error: unknown, attempt: number): TraceRetryEvent {
  return {
    type: 'retry',
    operation,
    attempt,
    errorName: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
    code: error instanceof MarketoError ? error.code : undefined,
  };
}

/** Creates the session of one client (no I/O until the first call). */
export function createMktowsSession(options: MktowsSessionOptions): MktowsSession {
  const { credentials, contextHeader, now, onTrace, redactor } = options;
  const { redact, serverText } = redactor;
  const limiter = createCallLimiter(options.limits, { defaultKey: options.limitKey, now });
  const runner = createCallRunner(limiter, options.retry);
  const clock = createServerClock();
  const agent = createClientAgent(options.endpoint, limiter.concurrency);
  const endpoint = options.endpoint.href;
  let transportReady = false;
  // Aborted by close(): calls still queued, in flight or backing off end with an AbortError at once.
  const closing = new AbortController();
  // Every call in flight or queued listens to it (a bulk run queues many): not a leak.
  setMaxListeners(0, closing.signal);
  const transport = createMktowsTransport({
    endpoint,
    agent,
    maxResponseBytes: options.maxResponseBytes,
    // Called by soap for each request, synchronously: a fresh timestamp and signature every time. The
    // redactor remembers the signature, so a server that echoes it back (bare or escaped) has it blanked.
    // The typed client sends only the headers an operation declares (the context header: syncLead).
    headers: () => {
      const authentication = createAuthenticationHeader({ credentials, now, clockOffsetMs: clock.offsetMs });
      redactor.rememberSignature(authentication.requestSignature);
      return contextHeader
        ? { AuthenticationHeader: authentication, MktowsContextHeader: contextHeader }
        : { AuthenticationHeader: authentication };
    },
    // Redacting a 300-lead envelope costs as much as building it: done only when someone listens.
    onRequest: (exchange, xml) => {
      if (onTrace) emitTrace(onTrace, { type: 'request', ...exchange, endpoint, xml: redact(xml) });
    },
    onResponse: (exchange, body, httpStatus, durationMs) => {
      if (onTrace) emitTrace(onTrace, { type: 'response', ...exchange, httpStatus, durationMs, xml: redact(body) });
    },
  });

  async function attemptCall<TBody, TResult>(
    operation: OperationName,
    params: unknown,
    read: ResponseReader<TBody, TResult>,
    attempt: number,
    call: CallOptions,
    callerSignal: AbortSignal | undefined,
  ): Promise<TResult> {
    throwIfAborted(call.signal);
    const timeoutMs = call.timeoutMs ?? options.timeoutMs;
    try {
      // The typed client bounds the attempt itself (one timer for the whole exchange, the response size,
      // no redirects) and abandons the request when the caller's own signal fires. No AbortController per
      // attempt: handing axios a signal costs more than the rest of this client's work for a call
      // (measured: ~10% of a whole syncLead), and close() needs none, since it destroys the agent's
      // sockets after the call has already ended with an AbortError.
      const reply = await transport.call<TBody>(operation, params, { signal: callerSignal, timeoutMs, attempt });
      return read(reply.body, reply.httpStatus, serverText);
    } catch (raw) {
      if (call.signal?.aborted) throw new AbortError(call.signal.reason);
      if (raw instanceof SyncLeadError) throw raw;
      const error = mapSoapError(raw, { serverText });
      if (error instanceof MarketoError && error.code === REQUEST_EXPIRED && error.serverDate) {
        clock.observe(error.serverDate, now());
      }
      throw error;
    }
  }

  /**
   * After 20016 the retry must carry a new timestamp and so a new signature. Timestamps have whole
   * seconds, so a retry within the same second would repeat the refused signature: wait for the
   * next second of the (corrected) signing clock.
   */
  function untilFreshTimestamp(error: unknown): number {
    if (!(error instanceof MarketoError) || error.code !== REQUEST_EXPIRED) return 0;
    return 1000 - ((now().getTime() + clock.offsetMs) % 1000);
  }

  return {
    limits: { concurrency: limiter.concurrency },
    async call(operation, params, read, callOptions) {
      const linked = linkSignals([callOptions.signal, closing.signal]);
      const call: CallOptions = { timeoutMs: callOptions.timeoutMs, signal: linked.signal };
      try {
        throwIfAborted(call.signal);
        // The first call of a process parses the WSDL: done before the limiter lets the call start, so
        // the limiter's spacing of call starts stays the spacing of the requests on the wire.
        if (!transportReady) {
          await transport.ready();
          transportReady = true;
        }
        const { shouldRetry } = callOptions;
        return await runner.run((attempt) => attemptCall(operation, params, read, attempt, call, callOptions.signal), {
          signal: call.signal,
          // Queued calls leave the queue when their caller aborts; close() empties the queue itself.
          queueSignal: callOptions.signal,
          timeoutMs: call.timeoutMs ?? options.timeoutMs,
          onRetry: (error, attempt) => emitTrace(onTrace, retryEvent(operation, error, attempt)),
          minimumRetryDelayMs: untilFreshTimestamp,
          shouldRetry: shouldRetry && ((error, attempt) => shouldRetry(error, attempt, options.retry.shouldRetry)),
        });
      } finally {
        linked.dispose();
      }
    },
    close() {
      closing.abort(new Error('The client was closed'));
      limiter.stop();
      transport.close();
      agent.destroy();
    },
  };
}
