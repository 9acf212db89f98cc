// Bounds one HTTP exchange of the typed client, whatever the server does:
// - a total deadline: axios' own `timeout` only measures pauses, so a body that keeps trickling in
//   never ends; here one timer ends the whole exchange (connect, send, wait, read);
// - a maximum response size, checked against Content-Length and counted while reading;
// - no compressed bodies: the client asks for `identity`, and a Content-Encoding answer is refused
//   before a byte of it is read (a 1 MB gzip body can expand to gigabytes);
// - no redirects: a 3xx is refused, so a signed SOAP POST is never replayed elsewhere;
// - UTF-8 checked, not repaired: invalid bytes are an error rather than silent U+FFFD.
// soap hands unknown call options to axios, so this works through three of them: `transport` (whose
// request() wraps Node's and sees the socket-level events; a custom transport also means axios never
// loads its redirect-following wrapper), `responseType` and `transformResponse`. One timer and one
// listener per exchange: no AbortController, which cost ~10% of a whole call when measured.
import { isUtf8 } from 'node:buffer';
import http from 'node:http';
import https from 'node:https';
import { MktowsTransportError } from './transport-error.js';

/** The bounds of one exchange. */
export interface ExchangeBounds {
  /** Milliseconds the whole exchange may take. */
  readonly timeoutMs: number;
  /** Largest response body accepted, in bytes. */
  readonly maxResponseBytes: number;
  /** Whether the body is checked as UTF-8 and decoded here (off when soap parses MTOM attachments itself). */
  readonly decodeUtf8: boolean;
}

/** The call options soap passes through to axios for one bounded exchange. */
export interface BoundedAxiosOptions {
  transport: { request(options: http.RequestOptions, callback: (response: http.IncomingMessage) => void): http.ClientRequest };
  responseType?: 'arraybuffer';
  transformResponse?: (data: unknown, headers: unknown, status?: number) => unknown;
}

/** One exchange's options, and why the client ended it, if it did. */
export interface BoundedExchange {
  readonly axiosOptions: BoundedAxiosOptions;
  /** The bound the exchange broke, once it broke one (soap then rejects with axios' error instead). */
  failure(): MktowsTransportError | undefined;
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
  if (httpStatus !== undefined && httpStatus >= 300 && httpStatus < 400) return new MktowsTransportError({ reason: 'redirect', httpStatus });
  const encoding = response.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== IDENTITY) {
    return new MktowsTransportError({ reason: 'compressed-response', httpStatus });
  }
  const declared = Number(response.headers['content-length']);
  if (declared > maxResponseBytes) return new MktowsTransportError({ reason: 'response-too-large', limit: maxResponseBytes, httpStatus });
  return undefined;
}

/** Creates the bounded options of one exchange; the timer starts when axios opens the request. */
export function createBoundedExchange(bounds: ExchangeBounds): BoundedExchange {
  let failure: MktowsTransportError | undefined;
  const request = (options: http.RequestOptions, callback: (response: http.IncomingMessage) => void): http.ClientRequest => {
    let response: http.IncomingMessage | undefined;
    const fail = (error: MktowsTransportError): void => {
      if (failure) return;
      failure = error;
      clearTimeout(timer);
      response?.destroy(error);
      req.destroy(error);
    };
    const transport = options.protocol === 'https:' ? https : http;
    const req = transport.request(options, (incoming) => {
      response = incoming;
      const refusal = refusalOf(incoming, bounds.maxResponseBytes);
      if (refusal) return fail(refusal);
      let received = 0;
      incoming.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > bounds.maxResponseBytes) {
          fail(new MktowsTransportError({ reason: 'response-too-large', limit: bounds.maxResponseBytes, httpStatus: incoming.statusCode }));
        }
      });
      callback(incoming);
    });
    const timer = setTimeout(() => {
      fail(new MktowsTransportError({ reason: 'timeout', limit: bounds.timeoutMs, httpStatus: response?.statusCode }));
    }, bounds.timeoutMs);
    // 'close' follows the end of the response (or the failure of the request): the exchange is over.
    req.once('close', () => clearTimeout(timer));
    return req;
  };
  const axiosOptions: BoundedAxiosOptions = bounds.decodeUtf8
    ? { transport: { request }, responseType: 'arraybuffer', transformResponse: decodeUtf8Body }
    : { transport: { request } };
  return { axiosOptions, failure: () => failure };
}
