// createSyncLeadClient: validation, then the retry/limit layer, then one signed SOAP attempt at a time.
import {
  createAuthenticationHeader,
  createContextHeader,
  createCredentials,
  type MktowsContextHeaderInfo,
} from '@org/mktows-auth';
import type { ParamsSyncLead, SuccessSyncLead } from '@org/mktows-types';
import { raceWithSignal, throwIfAborted } from './abort.js';
import { createCallLimiter } from './call-limits.js';
import {
  type CallOptions,
  DEFAULT_TIMEOUT_MS,
  type SyncLeadClientOptions,
  requireTimeoutMs,
  validateCallOptions,
} from './client-options.js';
import { checkEndpoint } from './endpoint.js';
import { AbortError, MarketoError, SyncLeadError, TimeoutError, ValidationError } from './errors.js';
import { createClientAgent } from './http-agent.js';
import { mapSoapError } from './map-soap-error.js';
import { createMktowsTransport, type ExchangeInfo } from './mktows-transport.js';
import { createRedactor } from './redact.js';
import { createCallRunner } from './resilient-call.js';
import { resolveRetryOptions } from './retry-policy.js';
import { createServerClock } from './server-clock.js';
import { type SyncLeadInput, validateSyncLeadInput } from './sync-lead-input.js';
import { toParamsSyncLead } from './sync-lead-params.js';
import { type SyncLeadResult, toSyncLeadResult } from './sync-lead-result.js';
import { emitTrace, type TraceListener } from './trace.js';

/** Marketo's code for a stale timestamp, answered by re-signing with a corrected clock. */
const REQUEST_EXPIRED = 20016;

/** A client for one Marketo instance and user. */
export interface SyncLeadClient {
  /**
   * Creates or updates one lead (mktows `syncLead`).
   *
   * @throws {@link ValidationError} for bad input, before any request
   * @throws {@link MarketoError} for a SOAP fault (after retries, when retryable)
   * @throws {@link SyncFailedError} when Marketo reports the sync as FAILED
   * @throws {@link TransportError} / {@link TimeoutError} for HTTP and socket failures (cause kept)
   * @throws {@link InvalidResponseError} for an empty or unusable response
   * @throws {@link AbortError} when `options.signal` fires
   */
  syncLead(input: SyncLeadInput, options?: CallOptions): Promise<SyncLeadResult>;
  /** Releases the client's connections and timers; calls after it fail. */
  close(): void;
}

function requireObject(options: unknown): asserts options is SyncLeadClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError('options', 'must be an object with endpoint, userId and secretKey');
  }
}

/** The context header for `workspace`, with errors naming this client's option rather than the header field. */
function contextHeaderFor(workspace: string): MktowsContextHeaderInfo {
  try {
    return createContextHeader(workspace);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError('workspace', error.rule);
    throw error;
  }
}

function requireOptionalFunction(field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') throw new ValidationError(field, 'must be a function');
}

/**
 * Creates a syncLead client.
 *
 * @throws {@link ValidationError} for a bad option (endpoint not HTTPS, missing credentials, bad limits, ...)
 *
 * @example
 * ```ts
 * const client = createSyncLeadClient({ endpoint, userId, secretKey });
 * const { leadId, status } = await client.syncLead({
 *   email: 't@t.com',
 *   attributes: { FirstName: 'George', LastName: 'of the Jungle' },
 * });
 * ```
 */
export function createSyncLeadClient(options: SyncLeadClientOptions): SyncLeadClient {
  requireObject(options);
  const endpoint = checkEndpoint(options.endpoint, options.allowInsecureHttp === true);
  const credentials = createCredentials({ userId: options.userId, secretKey: options.secretKey });
  const contextHeader = options.workspace === undefined ? undefined : contextHeaderFor(options.workspace);
  const timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : requireTimeoutMs('timeoutMs', options.timeoutMs);
  requireOptionalFunction('onTrace', options.onTrace);
  requireOptionalFunction('now', options.now);
  const onTrace: TraceListener | undefined = options.onTrace;
  const now = options.now ?? ((): Date => new Date());
  const retry = resolveRetryOptions(options.retry);
  const limiter = createCallLimiter(options);
  const runner = createCallRunner(limiter, retry);
  const redact = createRedactor([options.secretKey]);
  const clock = createServerClock();
  const agent = createClientAgent(endpoint, limiter.concurrency);
  let closed = false;

  const transport = createMktowsTransport({
    endpoint: endpoint.href,
    agent,
    headers: ({ operation }) => ({
      AuthenticationHeader: createAuthenticationHeader({ credentials, now, clockOffsetMs: clock.offsetMs }),
      ...(contextHeader && operation === 'syncLead' ? { MktowsContextHeader: contextHeader } : {}),
    }),
    onRequest: (exchange: ExchangeInfo, xml: string) =>
      emitTrace(onTrace, { type: 'request', ...exchange, endpoint: endpoint.href, xml: redact(xml) }),
    onResponse: (exchange: ExchangeInfo, body: string, httpStatus: number | undefined, durationMs: number) =>
      emitTrace(onTrace, { type: 'response', ...exchange, httpStatus, durationMs, xml: redact(body) }),
  });

  async function attemptSyncLead(params: ParamsSyncLead, attempt: number, call: CallOptions): Promise<SyncLeadResult> {
    throwIfAborted(call.signal);
    const attemptTimeoutMs = call.timeoutMs ?? timeoutMs;
    const controller = new AbortController();
    const abortWithCaller = (): void => controller.abort(call.signal?.reason);
    call.signal?.addEventListener('abort', abortWithCaller, { once: true });
    const timer = setTimeout(() => controller.abort(new TimeoutError(attemptTimeoutMs)), attemptTimeoutMs);
    const stoppedBy = (): Error =>
      call.signal?.aborted ? new AbortError(call.signal.reason) : new TimeoutError(attemptTimeoutMs);
    try {
      const reply = await raceWithSignal(
        transport.call<SuccessSyncLead>('syncLead', params, { signal: controller.signal, attempt }),
        controller.signal,
        stoppedBy,
      );
      return toSyncLeadResult(reply.body, reply.httpStatus);
    } catch (raw) {
      if (controller.signal.aborted) throw stoppedBy();
      if (raw instanceof SyncLeadError) throw raw;
      const error = mapSoapError(raw, { redact });
      if (error instanceof MarketoError && error.code === REQUEST_EXPIRED && error.serverDate) {
        clock.observe(error.serverDate, now());
      }
      throw error;
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', abortWithCaller);
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
    async syncLead(input: SyncLeadInput, callOptions?: CallOptions): Promise<SyncLeadResult> {
      if (closed) throw new ValidationError('client', 'must not be used after close()');
      const call = validateCallOptions(callOptions);
      throwIfAborted(call.signal);
      const params = toParamsSyncLead(validateSyncLeadInput(input));
      return runner.run((attempt) => attemptSyncLead(params, attempt, call), {
        signal: call.signal,
        onRetry: (error, attempt) => emitTrace(onTrace, retryEvent('syncLead', error, attempt)),
        minimumRetryDelayMs: untilFreshTimestamp,
      });
    },
    close(): void {
      if (closed) return;
      closed = true;
      void limiter.stop();
      transport.close();
      agent.destroy();
    },
  };
}

function retryEvent(operation: string, error: unknown, attempt: number) {
  return {
    type: 'retry' as const,
    operation,
    attempt,
    errorName: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
    code: error instanceof MarketoError ? error.code : undefined,
  };
}
