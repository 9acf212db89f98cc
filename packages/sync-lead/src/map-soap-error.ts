// The single place that turns what soap 1.13 / axios reject with into this package's errors.
// soap's rejections come in several shapes (see DESIGN.md, "Known traps"):
//   - an Error whose `root.Envelope.Body.Fault` holds a parsed SOAP fault (detail code as a string);
//   - a plain object `{ Fault: { faultstring: 'Invalid XML', ... }, response, body }` when the body is not XML;
//   - an Error 'Error http status codes' / 'Cannot parse response' with `response` for other bad answers;
//   - an AxiosError for socket failures, with the Node error as `cause`;
//   - the typed client's own MktowsTransportError when the server broke one of its bounds (time, size,
//     encoding, redirect, UTF-8).
// None of soap's is kept as `cause`: they carry the signed request envelope in `config.data`. Every
// text that comes from the server reaches an error through `serverText`: redacted, one line, cut short.
import { findMarketoFaultCode, MktowsTransportError } from '@org/mktows-types';
import { InvalidResponseError, MarketoError, TimeoutError, TransportError, type SyncLeadError } from './errors.js';

/** HTTP statuses a retry can help with (gateway and availability problems). */
const RETRYABLE_HTTP_STATUSES = new Set([502, 503, 504]);

/** Socket error codes a retry can help with: the connection broke, not the request. */
const RETRYABLE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN']);

/** Options of {@link mapSoapError}. */
interface MapSoapErrorOptions {
  /** Makes server-supplied text fit for an error: secrets removed, one line, a few hundred characters at most. */
  serverText: (text: string) => string;
}

interface HttpResponseLike {
  status?: unknown;
  headers?: unknown;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** soap puts text either directly or under `$value` when the element had attributes. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const record = asRecord(value);
  if (record && '$value' in record) return textOf(record.$value);
  return undefined;
}

function responseOf(rejection: unknown): HttpResponseLike | undefined {
  return asRecord(asRecord(rejection)?.response);
}

function statusOf(response: HttpResponseLike | undefined): number | undefined {
  return typeof response?.status === 'number' ? response.status : undefined;
}

function headerOf(response: HttpResponseLike | undefined, name: string): string | undefined {
  const headers = asRecord(response?.headers);
  const value = headers?.[name] ?? headers?.[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

function serverDateOf(response: HttpResponseLike | undefined): Date | undefined {
  const header = headerOf(response, 'date');
  if (header === undefined) return undefined;
  const date = new Date(header);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Finds Marketo's code in `detail/serviceException/code`, wherever soap nested it. */
function codeInDetail(detail: unknown, depth = 0): string | undefined {
  const record = asRecord(detail);
  if (!record || depth > 3) return undefined;
  const direct = textOf(record.code);
  if (direct !== undefined) return direct;
  for (const value of Object.values(record)) {
    const nested = codeInDetail(value, depth + 1);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

function parseCode(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return undefined;
  return Number(text);
}

function faultOf(rejection: unknown): Record<string, unknown> | undefined {
  const root = asRecord(asRecord(rejection)?.root);
  return asRecord(asRecord(asRecord(root?.Envelope)?.Body)?.Fault);
}

function mapSoapFault(fault: Record<string, unknown>, response: HttpResponseLike | undefined, options: MapSoapErrorOptions): SyncLeadError {
  const faultString = options.serverText(textOf(fault.faultstring) ?? '');
  const faultCode = options.serverText(textOf(fault.faultcode) ?? '');
  const code = parseCode(codeInDetail(fault.detail)) ?? parseCode(/^\s*(\d+)\s*-/.exec(faultString)?.[1]);
  const httpStatus = statusOf(response);
  if (code === undefined) {
    return new InvalidResponseError(
      `The server answered with a SOAP fault that carries no Marketo code: ${faultCode} ${faultString}`.trim(),
      httpStatus,
    );
  }
  const documented = findMarketoFaultCode(code);
  return new MarketoError({
    code,
    faultString,
    faultCode,
    retryable: documented?.retryable ?? false,
    meaning: documented?.meaning,
    httpStatus,
    serverDate: serverDateOf(response),
  });
}

function mapHttpStatus(status: number, what: string): SyncLeadError {
  if (status >= 200 && status < 300) {
    return new InvalidResponseError(`The server answered HTTP ${status} with ${what}, not a SOAP response`, status);
  }
  return new TransportError({
    message: `The server answered HTTP ${status} with ${what}`,
    retryable: RETRYABLE_HTTP_STATUSES.has(status),
    httpStatus: status,
  });
}

function socketCodeOf(rejection: Record<string, unknown>): string | undefined {
  const cause = asRecord(rejection.cause);
  const code = typeof cause?.code === 'string' ? cause.code : rejection.code;
  return typeof code === 'string' ? code : undefined;
}

/** Properties of a Node socket error worth keeping: none of them holds bytes the server sent. */
const SOCKET_ERROR_FIELDS = ['code', 'errno', 'syscall', 'address', 'port'] as const;

/**
 * A cause that keeps what failed on the socket but none of the request (no config, no envelope) and none
 * of the response (an HTTP parse error carries the raw bytes received in `rawPacket`): a copy.
 */
function sanitizedCause(rejection: Record<string, unknown>, message: string, code: string | undefined): Error {
  const cause = asRecord(rejection.cause);
  const copy = new Error(message);
  if (cause && rejection.cause instanceof Error && !('config' in cause)) {
    Object.defineProperty(copy, 'name', { value: rejection.cause.name, enumerable: false, configurable: true, writable: true });
    for (const field of SOCKET_ERROR_FIELDS) if (cause[field] !== undefined) Object.assign(copy, { [field]: cause[field] });
  } else if (code !== undefined) {
    Object.assign(copy, { code });
  }
  return copy;
}

/** The typed client's bound errors as this package's: the limit named by the client's option. */
function mapBoundError(error: MktowsTransportError): SyncLeadError {
  switch (error.reason) {
    case 'timeout':
      return new TimeoutError(error.limit ?? 0);
    case 'response-too-large':
      // Not retried (the same call gets the same answer) and no status: the server may have applied the call.
      return new TransportError({
        message: `The response was larger than maxResponseBytes (${error.limit} bytes) and was abandoned`,
        retryable: false,
        limit: 'maxResponseBytes',
      });
    case 'compressed-response':
      return new TransportError({
        message: 'The server answered with a compressed body although the client asked for identity encoding; it was refused unread',
        retryable: false,
      });
    case 'redirect':
      return new TransportError({
        message: `The server answered HTTP ${error.httpStatus}, a redirect; a SOAP request is not followed to another URL (check the endpoint)`,
        retryable: false,
        httpStatus: error.httpStatus,
      });
    case 'invalid-utf8':
      return new InvalidResponseError('The response body is not valid UTF-8', error.httpStatus);
  }
}

/**
 * Maps one rejection of a soap call (after no abort and no timeout happened) to this package's error.
 *
 * @param rejection - whatever soap's promise rejected with
 * @param options - redaction of server-supplied text
 */
export function mapSoapError(rejection: unknown, options: MapSoapErrorOptions): SyncLeadError {
  if (rejection instanceof MktowsTransportError) return mapBoundError(rejection);
  const response = responseOf(rejection);
  const status = statusOf(response);
  const fault = faultOf(rejection);
  if (fault) return mapSoapFault(fault, response, options);

  const record = asRecord(rejection);
  // soap's non-XML body: a plain object with its own synthetic "Invalid XML" Fault.
  if (record && !(rejection instanceof Error) && asRecord(record.Fault)) {
    return mapHttpStatus(status ?? 200, 'a body that is not XML');
  }
  if (record && record.isAxiosError !== true && status !== undefined) {
    return mapHttpStatus(status, 'a body that is not a SOAP envelope');
  }
  if (record) {
    const message = rejection instanceof Error ? options.serverText(rejection.message) : 'unknown transport failure';
    const errorCode = socketCodeOf(record);
    return new TransportError({
      message: `The HTTP request failed: ${message}`,
      retryable: errorCode !== undefined && RETRYABLE_SOCKET_CODES.has(errorCode),
      errorCode,
      cause: sanitizedCause(record, message, errorCode),
    });
  }
  return new TransportError({
    message: `The SOAP call failed with a non-error value (${typeof rejection})`,
    retryable: false,
  });
}
