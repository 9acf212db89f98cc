// A SOAP server on loopback for the typed client's tests: @org/test-support's raw server answering each
// SOAPAction with a fixed body and recording every request, so tests see the exact bytes on both sides.
import { soapActionOf, startRawServer, type RecordedRequest as RawRequest } from '@org/test-support';
import { MKTOWS_NAMESPACE } from '../../src/index.js';

/** One request the server received. */
export interface RecordedRequest {
  readonly url: string;
  /** SOAPAction header without quotes. */
  readonly soapAction: string;
  readonly body: string;
}

/** What to answer: status and body per operation name (the SOAPAction's last segment). */
export type Responder = (operation: string, request: RecordedRequest) => { status?: number; body: string };

/** A running test server. */
export interface TestSoapServer {
  /** Endpoint URL to give the client. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

const soapRequest = (request: RawRequest): RecordedRequest => ({ url: request.url, soapAction: soapActionOf(request), body: request.body });

/** Starts a server on 127.0.0.1, port 0. */
export async function startTestSoapServer(respond: Responder, path = '/soap/mktows/2_2'): Promise<TestSoapServer> {
  const raw = await startRawServer((_index, request) => {
    const recorded = soapRequest(request);
    return respond(recorded.soapAction.split('/').pop() ?? '', recorded);
  }, path);
  return {
    url: raw.url,
    get requests() {
      return raw.requests.map(soapRequest);
    },
    close: () => raw.close(),
  };
}

/** A minimal response envelope whose body is `inner` (inside the given operation's success element). */
export function successEnvelope(outputElement: string, inner = ''): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"',
    ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ns1="${MKTOWS_NAMESPACE}">`,
    `<SOAP-ENV:Body><ns1:${outputElement}>${inner}</ns1:${outputElement}></SOAP-ENV:Body></SOAP-ENV:Envelope>`,
  ].join('');
}
