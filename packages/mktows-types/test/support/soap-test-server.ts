// A plain HTTP server on loopback that answers each SOAPAction with a fixed body
// and records every request, so tests see the exact bytes on both sides.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** Starts a server on 127.0.0.1, port 0. */
export async function startTestSoapServer(respond: Responder, path = '/soap/mktows/2_2'): Promise<TestSoapServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: RecordedRequest = {
        url: req.url ?? '',
        soapAction: String(req.headers.soapaction ?? '').replace(/"/g, ''),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const answer = respond(request.soapAction.split('/').pop() ?? '', request);
      res.writeHead(answer.status ?? 200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
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
