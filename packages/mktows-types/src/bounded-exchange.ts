// Bounds one HTTP exchange of the typed client, whatever the server does:
// - a total deadline: axios' own `timeout` only measures pauses, so a body that keeps trickling in
//   never ends; here one timer ends the whole exchange (connect, send, wait, read);
// - a maximum response size, checked against Content-Length and counted while reading;
// - no compressed bodies: the client asks for `identity`, and a Content-Encoding answer is refused
//   before a byte of it is read (a 1 MB gzip body can expand to gigabytes);
// - no redirects: a 3xx is refused, so a signed SOAP POST is never replayed elsewhere;
// - UTF-8 checked, not repaired: invalid bytes are an error rather than silent U+FFFD.
// soap hands unknown call options to axios, so this works through three of them: `transport` (this
// object: its request() wraps Node's and sees the socket-level events; a custom transport also means
// axios never loads its redirect-following wrapper), `responseType` and `transformResponse`. One
// object, one timer and one listener per exchange: no AbortController (measured: ~10% of a whole
// call), no event listener on the request (its `once` wrapper cost more than all the rest together).
import { isUtf8 } from 'node:buffer';
import http from 'node:http';
import https from 'node:https';
import { MktowsTransportError } from './transport-error.js';

/** The bounds of the exchanges of one client. */
export interface ExchangeBounds {
  /** Milliseconds an exchange may take unless its call says otherwise. */
  readonly timeoutMs: number;
  /** Largest response body accepted, in bytes. */
  readonly maxResponseBytes: number;
  /** Whether the body is checked as UTF-8 and decoded here (off when soap parses MTOM attachments itself). */
  readonly decodeUtf8: boolean;
}

/** The only `Content-Encoding` a response may have. */
const IDENTITY = 'identity';

/** The response body as text, after checking it is UTF-8 (a leading byte-order mark dropped, as axios did). */
function decodeUtf8Body(data: unknown, _headers: unknown, status?: number): unknown {
  if (!Buffer.isBuffer(data)) return data;
  if (!isUtf8(data)) throw new MktowsTransportError({ reason: 'invalid-utf8', httpStatus: status });
  const text = data.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Why a response is refused from its status and headers alone, before its body is read. */
function refusalOf(response: http.IncomingMessage, maxResponseBytes: number): MktowsTransportError | undefined {
  const httpStatus = response.statusCode;
  if (httpStatus !== undefined && httpStatus >= 300 && httpStatus < 400)
    return new MktowsTransportError({ reason: 'redirect', httpStatus });
  const encoding = response.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== IDENTITY) {
    return new MktowsTransportError({ reason: 'compressed-response', httpStatus });
  }
  if (Number(response.headers['content-length']) > maxResponseBytes) {
    return new MktowsTransportError({ reason: 'response-too-large', limit: maxResponseBytes, httpStatus });
  }
  return undefined;
}

function expire(exchange: BoundedExchange): void {
  exchange.fail(
    new MktowsTransportError({
      reason: 'timeout',
      limit: exchange.timeoutMs,
      httpStatus: exchange.response?.statusCode,
    }),
  );
}

/**
 * One bounded exchange. Put it on a soap call's options ({@link BoundedExchange.applyTo}); when soap calls
 * back, {@link BoundedExchange.settle} stops the clock and tells whether a bound was broken (soap then
 * reports axios' view of the aborted request, which is not the reason).
 */
export class BoundedExchange {
  /** The Node response, once it started. */
  response: http.IncomingMessage | undefined;
  private clientRequest: http.ClientRequest | undefined;
  private timer: NodeJS.Timeout | undefined;
  private failure: MktowsTransportError | undefined;
  private received = 0;

  /**
   * @param timeoutMs - milliseconds the exchange may take in all
   * @param bounds - the client's bounds (size, UTF-8)
   */
  constructor(
    readonly timeoutMs: number,
    private readonly bounds: ExchangeBounds,
  ) {}

  /** Puts this exchange's bounds on the options of a soap call (soap hands them to axios). */
  applyTo(callOptions: Record<string, unknown>): void {
    callOptions.transport = this;
    if (!this.bounds.decodeUtf8) return;
    callOptions.responseType = 'arraybuffer';
    callOptions.transformResponse = decodeUtf8Body;
  }

  /** What axios calls instead of `http.request` / `https.request` (as `transport.request`). */
  request(options: http.RequestOptions, callback: (response: http.IncomingMessage) => void): http.ClientRequest {
    const transport = options.protocol === 'https:' ? https : http;
    this.timer = setTimeout(expire, this.timeoutMs, this);
    this.clientRequest = transport.request(options, (response) => {
      this.response = response;
      const refusal = refusalOf(response, this.bounds.maxResponseBytes);
      if (refusal) return this.fail(refusal);
      response.on('data', (chunk: Buffer) => this.count(chunk));
      callback(response);
    });
    return this.clientRequest;
  }

  /** Ends the exchange for a broken bound: the first one broken is the reason. */
  fail(error: MktowsTransportError): void {
    if (this.failure) return;
    this.failure = error;
    clearTimeout(this.timer);
    this.response?.destroy(error);
    this.clientRequest?.destroy(error);
  }

  /** Stops the clock (the call is over) and returns the bound that was broken, if one was. */
  settle(): MktowsTransportError | undefined {
    clearTimeout(this.timer);
    return this.failure;
  }

  private count(chunk: Buffer): void {
    this.received += chunk.length;
    if (this.received > this.bounds.maxResponseBytes) {
      this.fail(
        new MktowsTransportError({
          reason: 'response-too-large',
          limit: this.bounds.maxResponseBytes,
          httpStatus: this.response?.statusCode,
        }),
      );
    }
  }
}
