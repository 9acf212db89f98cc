// One REST client's calls: every Lead Database call goes through the client's limiter and retry layer
// (the same as a SOAP client's: one slot per attempt, the 601/602 refresh and repeat inside that slot),
// is bounded by the attempt's timeout and the caller's signal, and is traced with every secret redacted.
// The identity request is not a Lead Database call: it bypasses the limiter, as Marketo does not count it.
// Describe Leads is read once per client (on the first call that needs field names) and kept.
import { setMaxListeners } from 'node:events';
import type { SyncLeadRequest } from '@org/marketo-rest-types';
import { linkSignals, raceWithSignal, throwIfAborted } from '../abort.js';
import type { LeadOutcome } from '../bulk/lead-outcome.js';
import { createCallLimiter } from '../call-limiter.js';
import { AbortError, MarketoError } from '../errors.js';
import { createClientAgent } from '../http-agent.js';
import { createCallRunner } from '../resilient-call.js';
import type { SessionCallOptions, SessionSettings } from '../session-settings.js';
import { emitTrace, type TraceListener } from '../trace.js';
import type { ResolvedRestTransport } from './rest-client-options.js';
import { restFieldNamesOf, type RestFieldNames } from './rest-field-names.js';
import { createRestLeadApi, type RestExchangeListener, type RestLeadApi } from './rest-lead-api.js';

/** Validated settings of a REST session. */
export interface RestSessionOptions extends SessionSettings {
  transport: ResolvedRestTransport;
}

/** Per-call options: the public call options plus the retry decision (as for a SOAP session). */
export type RestSessionCallOptions = SessionCallOptions;

/** The limited, retried REST calls of one client. */
export interface RestSession {
  /** The checked REST options. */
  readonly transport: ResolvedRestTransport;
  /** The client-wide limits every call shares. */
  readonly limits: { readonly concurrency: number };
  /** Sync Leads: one outcome per record, in order. */
  syncLeads(request: SyncLeadRequest, options: RestSessionCallOptions): Promise<LeadOutcome[]>;
  /** Get Lead by Id with these REST fields; undefined when there is no such lead. */
  getLead(leadId: number, fields: readonly string[], options: RestSessionCallOptions): Promise<Record<string, unknown> | undefined>;
  /** The instance's field names (Describe Leads, read once per client). */
  fieldNames(options: RestSessionCallOptions): Promise<RestFieldNames>;
  /** Blanks the client secret and every token in `text`. */
  readonly redact: (text: string) => string;
  /** Releases connections; pending calls end with an `AbortError`. */
  close(): void;
}

function traceListener(onTrace: TraceListener): RestExchangeListener {
  return {
    request: (exchange, sent) => emitTrace(onTrace, { type: 'rest-request', ...exchange, ...sent }),
    response: (exchange, received) => emitTrace(onTrace, { type: 'rest-response', ...exchange, ...received }),
  };
}

/** Creates the REST session of one client (no I/O until the first call). */
export function createRestSession(options: RestSessionOptions): RestSession {
  const { transport, onTrace } = options;
  const limiter = createCallLimiter(options.limits, { defaultKey: options.limitKey, now: options.now });
  const runner = createCallRunner(limiter, options.retry);
  const agent = createClientAgent(transport.endpoint, limiter.concurrency);
  const closing = new AbortController();
  // Every call in flight or queued listens to it (a bulk run queues many): not a leak.
  setMaxListeners(0, closing.signal);
  const api: RestLeadApi = createRestLeadApi({
    endpoint: transport.endpoint,
    identityEndpoint: transport.identityEndpoint,
    clientId: transport.clientId,
    clientSecret: transport.clientSecret,
    limits: { timeoutMs: options.timeoutMs, maxResponseBytes: options.maxResponseBytes },
    agent,
    now: () => options.now().getTime(),
    onExchange: onTrace ? traceListener(onTrace) : undefined,
  });
  let fieldNames: Promise<RestFieldNames> | undefined;

  async function limited<T>(
    operation: string,
    attempt: (call: { signal: AbortSignal; attempt: number; timeoutMs: number | undefined }) => Promise<T>,
    callOptions: RestSessionCallOptions,
  ): Promise<T> {
    const linked = linkSignals([callOptions.signal, closing.signal]);
    try {
      throwIfAborted(linked.signal);
      const { shouldRetry } = callOptions;
      return await runner.run(
        async (attemptNumber) => {
          try {
            return await attempt({ signal: linked.signal, attempt: attemptNumber, timeoutMs: callOptions.timeoutMs });
          } catch (error) {
            if (linked.signal.aborted) throw new AbortError(linked.signal.reason);
            throw error;
          }
        },
        {
          signal: linked.signal,
          // Queued calls leave the queue when their caller aborts; close() empties the queue itself.
          queueSignal: callOptions.signal,
          timeoutMs: callOptions.timeoutMs ?? options.timeoutMs,
          onRetry: (error, attemptNumber) =>
            emitTrace(onTrace, {
              type: 'retry',
              operation,
              attempt: attemptNumber,
              errorName: error instanceof Error ? error.name : typeof error,
              message: error instanceof Error ? error.message : String(error),
              code: error instanceof MarketoError ? error.code : undefined,
            }),
          shouldRetry: shouldRetry && ((error, attemptNumber) => shouldRetry(error, attemptNumber, options.retry.shouldRetry)),
        },
      );
    } finally {
      linked.dispose();
    }
  }

  return {
    transport,
    limits: { concurrency: limiter.concurrency },
    syncLeads: (request, callOptions) => limited('syncLeadUsingPOST', (call) => api.syncLeads(request, call), callOptions),
    getLead: (leadId, fields, callOptions) => limited('getLeadByIdUsingGET', (call) => api.getLeadById(leadId, fields, call), callOptions),
    fieldNames(callOptions) {
      if (!fieldNames) {
        // Shared by every caller, so no caller's own signal ends it (only close() does); each caller's
        // wait ends with its signal.
        const reading = limited('describeUsingGET_2', (call) => api.describeLeads(call), { timeoutMs: callOptions.timeoutMs });
        fieldNames = reading.then(restFieldNamesOf);
        // A failed Describe is not kept: the next call asks again.
        fieldNames.catch(() => {
          fieldNames = undefined;
        });
      }
      return raceWithSignal(fieldNames, callOptions.signal, () => new AbortError(callOptions.signal?.reason));
    },
    redact: api.redact,
    close() {
      closing.abort(new Error('The client was closed'));
      limiter.stop();
      agent.destroy();
    },
  };
}
