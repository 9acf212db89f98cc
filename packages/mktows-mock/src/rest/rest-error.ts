// Marketo's REST error codes as the mock answers them (../shared/openapi/README.md, from Marketo's REST
// documentation): 6xx means the request failed as a whole and was not executed, 1xxx is about its data,
// either for the whole request (`errors`) or for one record (`result[i].reasons`).

/** The REST codes the mock answers (or can be told to answer), with Marketo's message for each. */
const REST_ERROR_MESSAGES: Readonly<Record<number, string>> = Object.freeze({
  601: 'Access token invalid',
  602: 'Access token expired',
  603: 'Access denied',
  604: 'Request time-out',
  605: 'HTTP Method not supported',
  606: 'Max rate limit exceeded',
  607: 'Daily quota reached',
  608: 'API Temporarily Unavailable',
  609: 'Invalid JSON',
  610: 'Requested resource not found',
  611: 'System error',
  612: 'Invalid Content Type',
  613: 'Invalid Multipart Request',
  614: 'Invalid Subscription',
  615: 'Concurrent access limit reached',
  616: 'Invalid subscription type',
  1001: 'Invalid value',
  1002: 'Missing value for required parameter',
  1003: 'Invalid data',
  1004: 'Lead not found',
  1005: 'Lead already exists',
  1006: 'Field not found',
  1007: 'Multiple leads match the lookup criteria',
  1008: 'Access denied to partition',
  1009: 'Partition name must be specified',
  1010: 'Partition update not allowed',
});

/** Whether `code` is one of the REST codes of {@link REST_ERROR_MESSAGES}. */
export function isRestErrorCode(code: number): boolean {
  return Object.hasOwn(REST_ERROR_MESSAGES, code);
}

/** One `{ code, message }` entry of `errors` or `reasons`: Marketo sends the code as a string. */
export interface RestCodeEntry {
  code: string;
  message: string;
}

/**
 * A REST error: a whole request refused (thrown, answered as `success: false`) or one record skipped.
 * `message` is what the answer says: Marketo's message, or a more precise one (never a secret).
 */
export class RestError extends Error {
  /**
   * @param code - a code of {@link REST_ERROR_MESSAGES}; anything else is a programming error and throws
   * @param message - what exactly was wrong (default: Marketo's message for the code)
   */
  constructor(
    readonly code: number,
    message?: string,
  ) {
    const documented = REST_ERROR_MESSAGES[code];
    if (documented === undefined) throw new RangeError(`${code} is not a REST error code the mock knows`);
    super(message ?? documented);
    this.name = 'RestError';
  }

  /** The entry as the answer carries it. */
  toEntry(): RestCodeEntry {
    return { code: String(this.code), message: this.message };
  }
}
