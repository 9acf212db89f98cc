// The bridge to the generated typed client (@org/mktows-types): creates it on first use (it parses
// the WSDL then, once per process), sends each attempt with its timeout, the caller's AbortSignal (if
// any), an exchange id and the client's keep-alive agent, and reports the raw XML of each exchange
// through soap's `request`/`response` events, correlated by exchange id (never `lastRequest`, which
// races). The typed client bounds every exchange: the whole attempt within its timeout, the response
// within maxResponseBytes, no compressed bodies, no redirects (a signed POST is never replayed
// elsewhere), UTF-8 checked.
import { randomUUID } from 'node:crypto';
import {
  createMktowsClient,
  type MktowsCallOptions,
  type MktowsHeadersFunction,
  type MktowsSoapClient,
  type OperationName,
} from '@org/mktows-types';
import type { ClientAgent } from './http-agent.js';

/** Which attempt of which operation an exchange belongs to. */
interface ExchangeInfo {
  operation: string;
  exchangeId: string;
  attempt: number;
}

/** Options of {@link createMktowsTransport}. */
interface MktowsTransportOptions {
  endpoint: string;
  agent: ClientAgent;
  /** Largest response body read. */
  maxResponseBytes: number;
  headers: MktowsHeadersFunction;
  onRequest: (exchange: ExchangeInfo, xml: string) => void;
  onResponse: (exchange: ExchangeInfo, body: string, httpStatus: number | undefined, durationMs: number) => void;
}

/** One attempt's transport options. */
interface TransportAttempt {
  /** Abandons the request when it fires (the caller's own signal; none for most calls). */
  signal: AbortSignal | undefined;
  /** The typed client aborts the exchange after this long in all (connect, send, wait, read). */
  timeoutMs: number;
  attempt: number;
}

/** What an attempt resolved with. */
interface TransportReply<T> {
  body: T;
  httpStatus: number | undefined;
}

/** Sends mktows calls for one client. */
interface MktowsTransport {
  /** Creates the typed client (parsing the WSDL on the process's first use); later calls resolve at once. */
  ready(): Promise<void>;
  /** Sends one attempt of `operation`; rejects with soap's raw rejection. */
  call<T>(operation: OperationName, params: unknown, attempt: TransportAttempt): Promise<TransportReply<T>>;
  /** Forgets the typed client (its agent is closed by the owner). */
  close(): void;
}

interface PendingExchange extends ExchangeInfo {
  startedAt: number;
  httpStatus?: number | undefined;
}

/** One operation of the typed client. */
type Send<T> = (params: unknown, options: MktowsCallOptions) => Promise<T>;

function statusOf(response: unknown): number | undefined {
  const status = (response as { status?: unknown } | null | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

function infoOf({ operation, exchangeId, attempt }: PendingExchange): ExchangeInfo {
  return { operation, exchangeId, attempt };
}

/** Creates the transport of one client; nothing is loaded until the first call. */
export function createMktowsTransport(options: MktowsTransportOptions): MktowsTransport {
  const pending = new Map<string, PendingExchange>();
  // Only the option for the endpoint's protocol: every extra option is one more for axios to merge.
  const agentOption = new URL(options.endpoint).protocol === 'https:' ? { httpsAgent: options.agent } : { httpAgent: options.agent };
  let client: Promise<MktowsSoapClient> | undefined;

  function connect(): Promise<MktowsSoapClient> {
    client ??= createMktowsClient({ endpoint: options.endpoint, headers: options.headers, maxResponseBytes: options.maxResponseBytes }).then((created) => {
      created.soapClient.on('request', (xml: string, exchangeId: string) => {
        const exchange = pending.get(exchangeId);
        if (exchange) options.onRequest(infoOf(exchange), xml);
      });
      created.soapClient.on('response', (body: unknown, response: unknown, exchangeId: string) => {
        const exchange = pending.get(exchangeId);
        if (!exchange) return;
        exchange.httpStatus = statusOf(response);
        options.onResponse(infoOf(exchange), typeof body === 'string' ? body : '', exchange.httpStatus, performance.now() - exchange.startedAt);
      });
      return created;
    });
    client.catch(() => {
      client = undefined; // a failed WSDL load is retried by the next call instead of cached
    });
    return client;
  }

  return {
    async ready(): Promise<void> {
      await connect();
    },
    async call<T>(operation: OperationName, params: unknown, attempt: TransportAttempt): Promise<TransportReply<T>> {
      const typed = await connect();
      const exchangeId = randomUUID();
      const exchange: PendingExchange = { operation, exchangeId, attempt: attempt.attempt, startedAt: performance.now() };
      pending.set(exchangeId, exchange);
      const callOptions: MktowsCallOptions = { timeout: attempt.timeoutMs, exchangeId, ...agentOption };
      if (attempt.signal) callOptions.signal = attempt.signal;
      try {
        const body = await (typed as unknown as Record<OperationName, Send<T>>)[operation](params, callOptions);
        return { body, httpStatus: exchange.httpStatus };
      } finally {
        pending.delete(exchangeId);
      }
    },
    close(): void {
      client = undefined;
      pending.clear();
    },
  };
}
