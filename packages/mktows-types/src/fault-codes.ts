// Marketo's documented mktows SOAP fault codes, written by hand from the SOAP API
// documentation's error-code table. A test keeps this table equal to the reference
// copy in ../shared/fixtures/marketo-docs/error-codes.json.

/** One documented Marketo SOAP fault code. */
export interface MarketoFaultCode {
  /** Marketo's numeric code, as sent in `detail/serviceException/code`. */
  readonly code: number;
  /** The short message Marketo puts in the fault string (`"CODE - message"`). */
  readonly message: string;
  /** What the code means, in the documentation's words. */
  readonly meaning: string;
  /** Whether repeating the same request later can succeed (rate, concurrency, expiry, internal errors). */
  readonly retryable: boolean;
}

/** Every fault code Marketo documents for the SOAP API (mktows 2_2), in ascending code order. */
export const marketoFaultCodes: readonly MarketoFaultCode[] = Object.freeze([
  { code: 10001, message: 'Internal Error', meaning: 'Severe system failure', retryable: true },
  { code: 20011, message: 'Internal Error', meaning: 'API service failure', retryable: true },
  { code: 20012, message: 'Request Not Understood', meaning: 'Unexpected SOAP message', retryable: false },
  { code: 20013, message: 'Access Denied', meaning: 'Client is blocked from API access', retryable: false },
  {
    code: 20014,
    message: 'Authentication failed',
    meaning: 'Client did not provide valid credentials',
    retryable: false,
  },
  {
    code: 20015,
    message: 'Request Limit Exceeded',
    meaning: 'Daily call quota of the subscription exceeded (default 10,000/day)',
    retryable: false,
  },
  {
    code: 20016,
    message: 'Request Expired',
    meaning: 'Timestamp and signature too old; retry with a new timestamp and signature',
    retryable: true,
  },
  { code: 20017, message: 'Invalid Request', meaning: 'Request is missing an expected parameter', retryable: false },
  { code: 20019, message: 'Unsupported Operation', meaning: 'Operation not defined in the WSDL', retryable: false },
  {
    code: 20022,
    message: 'Time range specified in query filter exceeded limit',
    meaning: 'oldestUpdatedAt..latestUpdatedAt spans more than 30 days',
    retryable: false,
  },
  { code: 20023, message: 'Rate Limit Exceeded', meaning: 'More than 100 calls in the past 20 seconds', retryable: true },
  { code: 20024, message: 'Concurrency Limit Exceeded', meaning: 'More than 10 concurrent calls', retryable: true },
  { code: 20101, message: 'Lead Key Required', meaning: 'LeadKey required but not provided', retryable: false },
  { code: 20102, message: 'Lead Key Bad', meaning: 'LeadKeyType is not valid', retryable: false },
  { code: 20103, message: 'Lead Not Found', meaning: 'LeadKey value did not match any lead', retryable: false },
  { code: 20104, message: 'Lead Detail Required', meaning: 'LeadRecord required but not provided', retryable: false },
  {
    code: 20105,
    message: 'Lead Attribute Bad',
    meaning: 'LeadRecord contains an attribute with a bad name',
    retryable: false,
  },
  { code: 20106, message: 'Lead Sync Failed', meaning: 'LeadRecord could not be updated or created', retryable: false },
  {
    code: 20107,
    message: 'Activity Key Bad',
    meaning: 'LeadActivityFilter contains a bad activity type',
    retryable: false,
  },
  {
    code: 20108,
    message: 'Lead Owner Not Found',
    meaning: 'LeadKey specifies a lead owner that does not exist',
    retryable: false,
  },
  { code: 20109, message: 'Parameter Required', meaning: 'Parameter value was null or missing', retryable: false },
  { code: 20110, message: 'Bad Parameter', meaning: 'A parameter value is bad', retryable: false },
  { code: 20111, message: 'List Not Found', meaning: 'ListKey specifies a list that does not exist', retryable: false },
  { code: 20113, message: 'Campaign Not Found', meaning: 'Campaign does not exist', retryable: false },
  { code: 20114, message: 'Bad Parameter', meaning: 'Parameter value is bad', retryable: false },
  { code: 20122, message: 'Bad Stream Position', meaning: 'Stream position is bad', retryable: false },
  { code: 20123, message: 'Stream at End', meaning: 'No more records are available', retryable: false },
].map((entry) => Object.freeze(entry)));

const byCode = new Map<number, MarketoFaultCode>(marketoFaultCodes.map((entry) => [entry.code, entry]));

/**
 * Looks up a documented Marketo fault code.
 *
 * @param code - Marketo's code as a number or as the string soap hands back from a fault's detail.
 * @returns the documented entry, or `undefined` when Marketo does not document the code.
 */
export function findMarketoFaultCode(code: number | string): MarketoFaultCode | undefined {
  const numeric = typeof code === 'string' ? Number(code.trim()) : code;
  if (!Number.isInteger(numeric)) return undefined;
  return byCode.get(numeric);
}
