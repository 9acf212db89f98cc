// Marketo's REST error codes (../shared/openapi/README.md, from Marketo's REST documentation): what each
// means and whether repeating the call can help. 6xx: the request failed as a whole and was not
// executed; 1xxx: the request's data (request level in `errors`, record level in `result[i].reasons`).

/** What one REST code means to a client. */
interface RestCodeInfo {
  /** Marketo's meaning of the code. */
  meaning: string;
  /** Whether repeating the same call later can succeed (as Marketo documents it). */
  retryable: boolean;
  /** Recovered by a new access token (601, 602): the call is repeated once with a fresh token. */
  reauthenticate?: true;
}

/** Every REST code this client knows, by number. */
const REST_ERROR_CODES: Readonly<Record<number, RestCodeInfo>> = Object.freeze({
  502: { meaning: 'Bad gateway (retry with backoff)', retryable: true },
  601: { meaning: 'Access token invalid', retryable: false, reauthenticate: true },
  602: { meaning: 'Access token expired', retryable: false, reauthenticate: true },
  603: { meaning: 'Access denied', retryable: false },
  604: { meaning: 'Request timed out', retryable: true },
  605: { meaning: 'HTTP method not supported', retryable: false },
  606: { meaning: 'Max rate limit exceeded (more than 100 calls in the past 20 seconds)', retryable: true },
  607: { meaning: 'Daily quota reached (resets at 12:00 AM CST)', retryable: false },
  608: { meaning: 'API temporarily unavailable', retryable: true },
  609: { meaning: 'Invalid JSON', retryable: false },
  610: { meaning: 'Requested resource not found', retryable: false },
  611: { meaning: 'System error', retryable: true },
  612: { meaning: 'Invalid content type', retryable: false },
  613: { meaning: 'Invalid multipart request', retryable: false },
  614: { meaning: 'Invalid subscription', retryable: false },
  615: { meaning: 'Concurrent access limit reached (more than 10 requests in flight)', retryable: true },
  616: { meaning: 'Invalid subscription type', retryable: false },
  1001: { meaning: 'Invalid value', retryable: false },
  1002: { meaning: 'Missing value', retryable: false },
  1003: { meaning: 'Invalid data', retryable: false },
  1004: { meaning: 'Lead not found', retryable: false },
  1005: { meaning: 'Lead already exists', retryable: false },
  1006: { meaning: 'Field not found', retryable: false },
  1007: { meaning: 'Multiple leads match the lookup criteria', retryable: false },
  1008: { meaning: 'Access denied to partition', retryable: false },
  1009: { meaning: 'Partition name must be specified', retryable: false },
  1010: { meaning: 'Partition update not allowed', retryable: false },
});

/** Marketo's documentation of `code`, when it is a known REST code. */
export function findRestCode(code: number): RestCodeInfo | undefined {
  return Object.hasOwn(REST_ERROR_CODES, code) ? REST_ERROR_CODES[code] : undefined;
}
