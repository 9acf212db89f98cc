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

/** Codes whose request can succeed when repeated later (rate, concurrency, expiry, internal errors). */
const RETRYABLE_CODES: ReadonlySet<number> = new Set([10001, 20011, 20016, 20023, 20024]);

/** Marketo's table: code, message, meaning (in the documentation's words), in ascending code order. */
const DOCUMENTED: ReadonlyArray<readonly [code: number, message: string, meaning: string]> = [
  [10001, 'Internal Error', 'Severe system failure'],
  [20011, 'Internal Error', 'API service failure'],
  [20012, 'Request Not Understood', 'Unexpected SOAP message'],
  [20013, 'Access Denied', 'Client is blocked from API access'],
  [20014, 'Authentication failed', 'Client did not provide valid credentials'],
  [20015, 'Request Limit Exceeded', 'Daily call quota of the subscription exceeded (default 10,000/day)'],
  [20016, 'Request Expired', 'Timestamp and signature too old; retry with a new timestamp and signature'],
  [20017, 'Invalid Request', 'Request is missing an expected parameter'],
  [20019, 'Unsupported Operation', 'Operation not defined in the WSDL'],
  [20022, 'Time range specified in query filter exceeded limit',
    'oldestUpdatedAt..latestUpdatedAt spans more than 30 days'],
  [20023, 'Rate Limit Exceeded', 'More than 100 calls in the past 20 seconds'],
  [20024, 'Concurrency Limit Exceeded', 'More than 10 concurrent calls'],
  [20101, 'Lead Key Required', 'LeadKey required but not provided'],
  [20102, 'Lead Key Bad', 'LeadKeyType is not valid'],
  [20103, 'Lead Not Found', 'LeadKey value did not match any lead'],
  [20104, 'Lead Detail Required', 'LeadRecord required but not provided'],
  [20105, 'Lead Attribute Bad', 'LeadRecord contains an attribute with a bad name'],
  [20106, 'Lead Sync Failed', 'LeadRecord could not be updated or created'],
  [20107, 'Activity Key Bad', 'LeadActivityFilter contains a bad activity type'],
  [20108, 'Lead Owner Not Found', 'LeadKey specifies a lead owner that does not exist'],
  [20109, 'Parameter Required', 'Parameter value was null or missing'],
  [20110, 'Bad Parameter', 'A parameter value is bad'],
  [20111, 'List Not Found', 'ListKey specifies a list that does not exist'],
  [20113, 'Campaign Not Found', 'Campaign does not exist'],
  [20114, 'Bad Parameter', 'Parameter value is bad'],
  [20122, 'Bad Stream Position', 'Stream position is bad'],
  [20123, 'Stream at End', 'No more records are available'],
];

/** Every fault code Marketo documents for the SOAP API (mktows 2_2), in ascending code order. */
export const marketoFaultCodes: readonly MarketoFaultCode[] = Object.freeze(
  DOCUMENTED.map(([code, message, meaning]) =>
    Object.freeze({ code, message, meaning, retryable: RETRYABLE_CODES.has(code) }),
  ),
);

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
