// createMktowsClient: the typed mktows client over soap 1.13, built from the
// WSDL this package ships, always sending to the endpoint it is given.
import type { Client, IOptions } from 'soap';
import { schemaMetadata } from './generated/metadata.js';
import {
  OPERATION_NAMES,
  operations,
  type MktowsCallOptions,
  type MktowsClient,
  type OperationDescriptor,
  type OperationName,
  type SoapHeaders,
} from './generated/operations.js';
import { BoundedExchange, type ExchangeBounds } from './bounded-exchange.js';
import { createClientWsdl } from './client-wsdl.js';
import { normalizeResponse } from './normalize-response.js';
import { prepareRequest, type RequestShape } from './prepare-request.js';
import { loadSharedWsdl } from './shared-wsdl.js';
import { buildHeaderXml } from './soap-headers.js';
import { loadSoap } from './soap-module.js';

/** Default limit of one exchange when neither the client nor the call gives `timeout`: 60 seconds. */
export const DEFAULT_MKTOWS_TIMEOUT_MS = 60_000;

/** Default largest response body the client reads: 8 MiB (a mktows answer is rarely over a few hundred KB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** The largest delay a Node timer can hold (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What a headers function is told about the request it is called for. */
export interface MktowsHeadersContext {
  /** The operation being called. */
  readonly operation: OperationName;
}

/** SOAP header values for one request, by header element name. Only headers the operation declares are sent. */
export type MktowsHeaderValues = { readonly [Name in keyof SoapHeaders]?: SoapHeaders[Name] };

/**
 * Returns the SOAP headers of one request. Called once per request, synchronously,
 * so a signature can be fresh each time. It must not be async: soap 1.13 calls it
 * without awaiting (the client throws a TypeError if it returns a promise).
 */
export type MktowsHeadersFunction = (context: MktowsHeadersContext) => MktowsHeaderValues;

/** soap options that do not apply: the WSDL is never loaded from anywhere, responses are parsed as text. */
type UnsupportedSoapOptions =
  | 'endpoint'
  | 'stream'
  | 'returnSaxStream'
  | 'overridePromiseSuffix'
  | 'normalizeNames'
  | 'disableCache'
  | 'wsdlCache'
  | 'wsdl_headers'
  | 'wsdl_options';

/** Options of {@link createMktowsClient}: the endpoint, the headers, the bounds of every call, and soap's client options. */
export interface CreateMktowsClientOptions extends Omit<IOptions, UnsupportedSoapOptions> {
  /** URL every request is sent to (the address written in the WSDL is never used). */
  endpoint: string;
  /** SOAP header values, computed per request. */
  headers?: MktowsHeadersFunction;
  /**
   * Milliseconds one call may take in all (connecting, sending, waiting for and reading the response),
   * unless the call gives its own `timeout`. Default {@link DEFAULT_MKTOWS_TIMEOUT_MS} (60,000).
   */
  timeout?: number;
  /**
   * Largest response body read, in bytes: a larger one (declared or received) ends the call with a
   * {@link MktowsTransportError}. Default {@link DEFAULT_MAX_RESPONSE_BYTES} (8 MiB).
   */
  maxResponseBytes?: number;
}

/** The typed client plus the soap client under it (for its `request`/`response` events). */
export type MktowsSoapClient = MktowsClient & {
  /** soap's client; listen to `request`/`response` (with exchangeId) to trace calls. */
  readonly soapClient: Client;
};

type SoapCallback = (error: unknown, result: unknown) => void;
type SoapMethod = (args: unknown, callback: SoapCallback, options?: object, extraHeaders?: object) => void;

/**
 * Creates a typed mktows client. The package's WSDL is parsed on the first call
 * of this function (once per process); later clients reuse it.
 *
 * @example
 * const client = await createMktowsClient({
 *   endpoint: 'https://123-ABC-456.mktoapi.com/soap/mktows/2_2',
 *   headers: () => ({ AuthenticationHeader: createAuthenticationHeader({ userId, secretKey }) }),
 * });
 * const { result } = await client.getLead({ leadKey: { keyType: 'EMAIL', keyValue: 'rufus@marketo.com' } });
 */
export async function createMktowsClient(options: CreateMktowsClientOptions): Promise<MktowsSoapClient> {
  const { endpoint, headers, timeout, maxResponseBytes, ...soapOptions } = options;
  assertEndpoint(endpoint);
  const defaults: ExchangeBounds = {
    timeoutMs: timeout === undefined ? DEFAULT_MKTOWS_TIMEOUT_MS : requireTimeout('timeout', timeout),
    maxResponseBytes: maxResponseBytes === undefined ? DEFAULT_MAX_RESPONSE_BYTES : requireByteCount('maxResponseBytes', maxResponseBytes),
    // soap reads MTOM attachments from the raw bytes itself: the body is left to it undecoded.
    decodeUtf8: soapOptions.parseResponseAttachments !== true && soapOptions.parseReponseAttachments !== true,
  };
  const [{ Client: SoapClient }, shared] = await Promise.all([loadSoap(), loadSharedWsdl()]);
  const wsdl = createClientWsdl(shared, soapOptions);
  const soapClient = new SoapClient(wsdl, endpoint, soapOptions);
  // soap asks for `none`, which is no encoding name; compressed answers are refused anyway (bounded-exchange.ts).
  soapClient.addHttpHeader('Accept-Encoding', 'identity');
  if (headers) {
    soapClient.addSoapHeader((method: { $name: string }) => headerXml(method.$name, headers));
  }
  const port = portOf(soapClient);
  const attributesKey = wsdl.options.attributesKey ?? 'attributes';
  const requestShape: RequestShape = {
    metadata: schemaMetadata,
    attributesKey,
    xmlKey: wsdl.options.xmlKey ?? '$xml',
    valueKey: wsdl.options.valueKey ?? '$value',
    escapeText: wsdl.options.escapeXML !== false,
  };
  const client: Record<string, unknown> = { soapClient };
  for (const name of OPERATION_NAMES) {
    const operation: OperationDescriptor = operations[name];
    const method = port[name];
    if (!method) throw new Error(`soap did not define operation ${name}`);
    // async so that a bad params object rejects like every other failure instead of throwing
    client[name] = async (params: unknown, callOptions?: MktowsCallOptions) => {
      const args = prepareRequest(operation.input.type, params, requestShape);
      return call(method, operation, args, callOptions, attributesKey, defaults);
    };
  }
  return client as unknown as MktowsSoapClient;
}

function call(
  method: SoapMethod,
  operation: OperationDescriptor,
  args: unknown,
  callOptions: MktowsCallOptions | undefined,
  attributesKey: string,
  defaults: ExchangeBounds,
): Promise<never> {
  const { httpHeaders, timeout, ...options } = callOptions ?? {};
  const exchange = new BoundedExchange(timeout === undefined ? defaults.timeoutMs : requireTimeout('options.timeout', timeout), defaults);
  exchange.applyTo(options);
  return new Promise((resolve, reject) => {
    method(
      args,
      (error, result) => {
        const broken = exchange.settle();
        // A bound the exchange broke is the reason, whatever axios made of the aborted request; otherwise
        // soap's raw rejection passes through unchanged (it is not always an Error) and callers map it.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        if (error) reject(broken ?? error);
        else resolve(normalizeResponse(operation.output.type, result, { metadata: schemaMetadata, attributesKey }) as never);
      },
      options,
      httpHeaders,
    );
  });
}

function headerXml(operationName: string, headers: MktowsHeadersFunction): string {
  const operation = (operations as Readonly<Record<string, OperationDescriptor>>)[operationName];
  if (!operation) return '';
  const values: unknown = headers({ operation: operationName as OperationName });
  if (values !== null && typeof values === 'object' && typeof (values as { then?: unknown }).then === 'function') {
    throw new TypeError('headers must return the header values synchronously (soap does not await it), not a Promise');
  }
  if (values === null || typeof values !== 'object') return '';
  return buildHeaderXml(operation, values as Readonly<Record<string, unknown>>, schemaMetadata);
}

/** The methods soap defined for the WSDL's one service port (bound to the client's endpoint). */
function portOf(soapClient: Client): Readonly<Record<string, SoapMethod | undefined>> {
  const { name, port } = schemaMetadata.service;
  const service = (soapClient as unknown as Record<string, Record<string, Record<string, SoapMethod>> | undefined>)[name];
  const methods = service?.[port];
  if (!methods) throw new Error(`soap did not define service ${name} port ${port}`);
  return methods;
}

function requireTimeout(field: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0) || value > MAX_TIMER_MS) {
    throw new TypeError(`${field} must be a positive number of milliseconds up to ${MAX_TIMER_MS}, got ${String(value)}`);
  }
  return value;
}

function requireByteCount(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`${field} must be a positive integer number of bytes, got ${String(value)}`);
  }
  return value;
}

function assertEndpoint(endpoint: unknown): asserts endpoint is string {
  if (typeof endpoint !== 'string' || !URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) {
    throw new TypeError(`endpoint must be an http(s) URL, got ${JSON.stringify(endpoint)}`);
  }
}
