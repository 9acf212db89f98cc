// One HTTP exchange of the REST transport, bounded like every byte from outside must be: a total
// deadline (connect, headers and body together) and a cap on the response size, both enforced while
// the response arrives: the client's `timeoutMs` and `maxResponseBytes`, as for SOAP. Redirects are not
// followed (a request carrying a token or the client secret is never replayed elsewhere).
import http from 'node:http';
import https from 'node:https';
import { DEFAULT_MAX_RESPONSE_BYTES } from '@org/mktows-types';
import { AbortError, TimeoutError, TransportError } from '../errors.js';

/** Largest REST response read by default: the SOAP client's default (300 leads with many fields fit many times over). */
export { DEFAULT_MAX_RESPONSE_BYTES };

/** Socket error codes a retry can help with: the connection broke, not the request (as for SOAP). */
const RETRYABLE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN']);

/** The bounds of one exchange. */
export interface RestHttpLimits {
  /** The whole exchange, from sending to the last byte of the body, in milliseconds. */
  timeoutMs: number;
  /** The largest response body accepted, in bytes. */
  maxResponseBytes: number;
}

/** One request. `what` names it in errors (method and path only: the URL may carry the client secret). */
export interface RestHttpRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string | undefined;
  agent?: http.Agent | undefined;
  signal?: AbortSignal | undefined;
  limits: RestHttpLimits;
  what: string;
}

/** What arrived: any status; the body as UTF-8 text. */
export interface RestHttpReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function tooLarge(what: string, limit: number, status: number): TransportError {
  return new TransportError({
    message: `The response to ${what} is larger than maxResponseBytes (${limit} bytes); it was not read`,
    retryable: false,
    httpStatus: status,
    limit: 'maxResponseBytes',
  });
}

function socketError(what: string, error: NodeJS.ErrnoException): TransportError {
  const code = typeof error.code === 'string' ? error.code : undefined;
  // The message of a Node socket error names the host and port, never the path or query.
  const cause = Object.assign(new Error(error.message), code === undefined ? {} : { code });
  return new TransportError({
    message: `The HTTP request ${what} failed: ${error.message}`,
    retryable: code !== undefined && RETRYABLE_SOCKET_CODES.has(code),
    errorCode: code,
    cause,
  });
}

/**
 * Sends one request and reads the whole response within `limits`.
 *
 * @throws {@link TimeoutError} past `limits.timeoutMs`; {@link AbortError} when `signal` fires;
 *   {@link TransportError} for a socket failure or a body over `limits.maxResponseBytes`
 */
export function sendRestRequest(request: RestHttpRequest): Promise<RestHttpReply> {
  const { url, limits, what, signal } = request;
  if (signal?.aborted) return Promise.reject(new AbortError(signal.reason));
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<RestHttpReply>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined, reply?: RestHttpReply): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(reply!);
    };
    const onAbort = (): void => finish(new AbortError(signal?.reason));
    const deadline = setTimeout(() => finish(new TimeoutError(limits.timeoutMs)), limits.timeoutMs);
    // No compression: a compressed body could inflate far past what was read (a gzip bomb).
    const headers: Record<string, string | number> = { ...request.headers, 'accept-encoding': 'identity' };
    if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
    const req = send(url, { method: request.method, headers, agent: request.agent }, (res) => {
      const status = res.statusCode ?? 0;
      const encoding = res.headers['content-encoding'];
      if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
        finish(
          new TransportError({
            message: `The response to ${what} is compressed (${encoding.slice(0, 40)}), which was not asked for; it was not read`,
            retryable: false,
            httpStatus: status,
          }),
        );
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxResponseBytes) {
        finish(tooLarge(what, limits.maxResponseBytes, status));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxResponseBytes) finish(tooLarge(what, limits.maxResponseBytes, status));
        else chunks.push(chunk);
      });
      res.on('end', () => finish(undefined, { status, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error: NodeJS.ErrnoException) => finish(socketError(what, error)));
      res.on('aborted', () => finish(socketError(what, Object.assign(new Error('the response was cut short'), { code: 'ECONNRESET' }))));
    });
    req.on('error', (error: NodeJS.ErrnoException) => finish(socketError(what, error)));
    signal?.addEventListener('abort', onAbort, { once: true });
    req.end(request.body);
  });
}
