// The one error the typed client raises itself: an exchange it ended because the server broke one of
// its bounds. Its message is written here and holds nothing the server sent (no header value, no body
// text), so it is safe to log whatever the server did.

/**
 * Why the client ended an exchange:
 * - `timeout`: the whole exchange (connecting, sending, waiting, reading) took longer than its timeout;
 * - `response-too-large`: the response body (declared or read so far) exceeded `maxResponseBytes`;
 * - `compressed-response`: the server sent a `Content-Encoding` other than `identity` (refused unread:
 *   a small compressed body can expand to gigabytes);
 * - `redirect`: the server answered 3xx (not followed: a signed request is never replayed elsewhere);
 * - `invalid-utf8`: the response body is not valid UTF-8 (not silently replaced by U+FFFD).
 */
export type MktowsTransportFailure =
  'timeout' | 'response-too-large' | 'compressed-response' | 'redirect' | 'invalid-utf8';

/** What {@link MktowsTransportError} is made from. */
export interface MktowsTransportErrorDetails {
  /** Why the exchange was ended. */
  reason: MktowsTransportFailure;
  /** The bound that was exceeded: milliseconds for `timeout`, bytes for `response-too-large`. */
  limit?: number | undefined;
  /** HTTP status of the response, when one had started. */
  httpStatus?: number | undefined;
}

const BRAND = Symbol.for('@org/mktows-types.MktowsTransportError');

function messageOf({ reason, limit, httpStatus }: MktowsTransportErrorDetails): string {
  switch (reason) {
    case 'timeout':
      return `The exchange took longer than its timeout (${limit} ms) and was aborted`;
    case 'response-too-large':
      return `The response is larger than maxResponseBytes (${limit} bytes) and was abandoned`;
    case 'compressed-response':
      return 'The server answered with a compressed body although the client asked for Content-Encoding identity; refused unread';
    case 'redirect':
      return `The server answered HTTP ${httpStatus}, a redirect; a SOAP request is not followed to another URL (check the endpoint)`;
    case 'invalid-utf8':
      return 'The response body is not valid UTF-8';
  }
}

/** The typed client ended an exchange because the server broke one of the client's bounds. */
export class MktowsTransportError extends Error {
  /** Why the exchange was ended. */
  readonly reason: MktowsTransportFailure;
  /** The bound that was exceeded: milliseconds for `timeout`, bytes for `response-too-large`. */
  readonly limit: number | undefined;
  /** HTTP status of the response, when one had started. */
  readonly httpStatus: number | undefined;

  /** @param details - why, which bound, which status */
  constructor(details: MktowsTransportErrorDetails) {
    super(messageOf(details));
    this.reason = details.reason;
    this.limit = details.limit;
    this.httpStatus = details.httpStatus;
  }

  /**
   * `error instanceof MktowsTransportError` holds for errors from either build of this package (ESM and
   * CommonJS are two copies of the class); subclasses keep the ordinary prototype check.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== MktowsTransportError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && BRAND in value;
  }
}

// The name and the brand live on the prototype: the stack's first line reads "MktowsTransportError: ...".
Object.defineProperties(MktowsTransportError.prototype, {
  name: { value: 'MktowsTransportError', writable: true, configurable: true },
  [BRAND]: { value: true },
});
