// Reads a REST answer: the single place that turns what a REST endpoint sends into this package's
// errors. An HTTP error status is a TransportError naming it (retryable for 502/503/504), a 2xx body
// that is not Marketo's JSON envelope an InvalidResponseError, and `success: false` a MarketoError with
// Marketo's code and documented `retryable`. Server text in messages passes the caller's `redact`
// (the client's: redacted, on one line, cut short).
import { InvalidResponseError, MarketoError, TransportError, type SyncLeadError } from '../errors.js';
import { findRestCode } from './rest-error-codes.js';
import type { RestHttpReply } from './rest-http.js';

/** HTTP statuses a retry can help with (gateway and availability problems), as for SOAP. */
const RETRYABLE_HTTP_STATUSES = new Set([502, 503, 504]);

/** Longest piece of a server's body quoted in an error message. */
const QUOTE_LIMIT = 200;

/** One entry of `errors` or `reasons`: Marketo sends the code as a string holding an integer. */
export interface RestCodeEntry {
  code: number;
  message: string;
}

/** A parsed envelope that said `success: true`. */
export interface RestEnvelope {
  httpStatus: number;
  requestId: string | undefined;
  result: unknown[] | undefined;
  body: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A code as Marketo sends it (`"601"`, sometimes a number) as an integer, if it is one. */
function parseRestCode(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

/** The `{code, message}` entries of a list (errors or reasons), skipping malformed ones. */
export function readCodeEntries(list: unknown): RestCodeEntry[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    if (!isRecord(entry)) return [];
    const code = parseRestCode(entry.code);
    if (code === undefined) return [];
    return [{ code, message: typeof entry.message === 'string' ? entry.message : '' }];
  });
}

function quote(body: string, redact: (text: string) => string): string {
  const text = redact(body.replace(/\s+/g, ' ').trim());
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}...` : text;
}

/** The OAuth error of an identity answer (`{error, error_description}`), if the body is one. */
function oauthErrorOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (!isRecord(parsed) || typeof parsed.error !== 'string') return undefined;
    const description = typeof parsed.error_description === 'string' ? `: ${parsed.error_description}` : '';
    return `${parsed.error}${description}`;
  } catch {
    return undefined;
  }
}

/** The error for an HTTP status outside 2xx (3xx included: redirects are not followed). */
export function httpStatusError(reply: RestHttpReply, what: string, redact: (text: string) => string): TransportError {
  const oauth = oauthErrorOf(reply.body);
  const detail = oauth ? ` (${redact(oauth)})` : reply.body.trim() === '' ? '' : ` (body: ${quote(reply.body, redact)})`;
  const redirect = reply.status >= 300 && reply.status < 400 ? '; redirects are not followed (check the endpoint)' : '';
  return new TransportError({
    message: `The REST server answered HTTP ${reply.status} to ${what}${detail}${redirect}`,
    retryable: RETRYABLE_HTTP_STATUSES.has(reply.status),
    httpStatus: reply.status,
  });
}

/** The MarketoError of one REST error entry. */
function restMarketoError(entry: RestCodeEntry, httpStatus: number, redact: (text: string) => string): MarketoError {
  const documented = findRestCode(entry.code);
  const message = redact(entry.message) || documented?.meaning || 'REST error';
  return new MarketoError({
    code: entry.code,
    faultString: `${entry.code} - ${message}`,
    faultCode: 'REST',
    retryable: documented?.retryable ?? false,
    meaning: documented?.meaning,
    httpStatus,
  });
}

/** Parses a 2xx JSON body, or says why it is not one. */
export function parseJsonBody(reply: RestHttpReply, what: string, redact: (text: string) => string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.body);
  } catch {
    const shown = reply.body.trim() === '' ? 'an empty body' : `a body that is not JSON (${quote(reply.body, redact)})`;
    throw new InvalidResponseError(`The REST server answered HTTP ${reply.status} to ${what} with ${shown}`, reply.status);
  }
  if (!isRecord(parsed)) {
    throw new InvalidResponseError(`The REST server answered HTTP ${reply.status} to ${what} with JSON that is not an object`, reply.status);
  }
  return parsed;
}

/**
 * Reads the answer of a Lead Database call.
 *
 * @returns the envelope when `success` is true
 * @throws the {@link SyncLeadError} the answer stands for
 */
export function readRestEnvelope(reply: RestHttpReply, what: string, redact: (text: string) => string): RestEnvelope {
  if (reply.status < 200 || reply.status >= 300) throw httpStatusError(reply, what, redact);
  const body = parseJsonBody(reply, what, redact);
  if (typeof body.success !== 'boolean') {
    throw new InvalidResponseError(`The REST answer to ${what} is not Marketo's envelope (no "success")`, reply.status);
  }
  if (!body.success) {
    const [first] = readCodeEntries(body.errors);
    if (!first) {
      throw new InvalidResponseError(`The REST answer to ${what} says success: false without an error code`, reply.status);
    }
    throw restMarketoError(first, reply.status, redact) satisfies SyncLeadError;
  }
  if (body.result !== undefined && !Array.isArray(body.result)) {
    throw new InvalidResponseError(`The REST answer to ${what} has a "result" that is not a list`, reply.status);
  }
  return { httpStatus: reply.status, requestId: typeof body.requestId === 'string' ? body.requestId : undefined, result: body.result, body };
}
