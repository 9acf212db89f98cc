// The HTTP side of the mock: one SOAP endpoint path, `GET ?wsdl`, calls in flight, injected transport
// faults, and the HTTP status SOAP 1.1 requires (500 for faults). The Date header follows the mock's
// clock, so a client can correct its clock from a 20016 answer. A call counts as in flight only once its
// whole body has arrived (a client that uploads slowly holds a socket, not one of the calls in flight),
// and a body must arrive within `requestTimeoutMs`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MKTOWS_NAMESPACE } from '@org/mktows-types';

import type { CallAdmission } from './call-admission.js';
import type { FaultInjector } from './fault-injection.js';
import { renderFaultEnvelope } from './fault-envelope.js';
import { readRequestBody } from './http-body.js';
import { MarketoFault } from './marketo-fault.js';
import type { StatsRecorder } from './mock-stats.js';
import type { SoapDispatcher } from './soap-dispatch.js';

/** A truncated success envelope: what a client sees when a proxy cuts a response short. */
const MALFORMED_RESPONSE_BODY =
  '<?xml version="1.0" encoding="utf-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"' +
  ` xmlns:tns="${MKTOWS_NAMESPACE}"><SOAP-ENV:Body><tns:success`;

const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';

// SOAP 1.1 forbids DTDs in messages; refusing them also keeps entity tricks out of the parser entirely.
const DOCTYPE = /<!DOCTYPE/i;

/** Everything the endpoint needs from its server. */
interface EndpointDependencies {
  /** The endpoint path, without trailing slash, e.g. `/soap/mktows/2_2`. */
  path: string;
  now: () => number;
  limits: CallAdmission;
  faults: FaultInjector;
  stats: StatsRecorder;
  dispatcher: SoapDispatcher;
  maxRequestBytes: number;
  /** How long a request body may take to arrive, from its headers. */
  requestTimeoutMs: number;
  /** The WSDL text served for `GET <path>?wsdl`. */
  wsdlText: () => string;
  /** Waits `ms` (injected latency); rejects when the server closes. */
  delay: (ms: number) => Promise<void>;
}

/** The operation a SOAPAction header names (`"<MKTOWS_NAMESPACE>syncLead"` gives `syncLead`). */
function operationFromSoapAction(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const action = header.replace(/^"(.*)"$/, '$1');
  const name = action.slice(action.lastIndexOf('/') + 1);
  return name === '' ? undefined : name;
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

function sendFault(deps: EndpointDependencies, res: ServerResponse, fault: MarketoFault): void {
  deps.stats.fault(fault.code);
  send(res, 500, XML_CONTENT_TYPE, renderFaultEnvelope(fault));
}

/** The fault for a request soap could not dispatch to any operation. */
function undispatchableFault(operationNamed: string | undefined, knownOperations: ReadonlySet<string>): MarketoFault {
  if (operationNamed !== undefined && !knownOperations.has(operationNamed)) {
    return new MarketoFault(20019, `the WSDL defines no operation "${operationNamed}"`);
  }
  return new MarketoFault(20012, 'the request is not a SOAP 1.1 envelope for an mktows operation');
}

async function handleSoapCall(
  deps: EndpointDependencies,
  knownOperations: ReadonlySet<string>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  deps.stats.request();
  const receivedAt = deps.now();
  let body: string;
  try {
    body = await readRequestBody(req, deps.maxRequestBytes, deps.requestTimeoutMs);
  } catch (error) {
    if (res.destroyed) return;
    // The rest of the body may still be coming: answer, then close the connection rather than read it all.
    res.setHeader('Connection', 'close');
    const reason = error instanceof Error ? error.message : 'the request body could not be read';
    sendFault(deps, res, new MarketoFault(20012, reason));
    return;
  }
  const leave = deps.limits.enter();
  res.once('close', leave);
  if (DOCTYPE.test(body)) {
    leave();
    sendFault(deps, res, new MarketoFault(20012, 'a SOAP message must not contain a document type declaration'));
    return;
  }
  const operationNamed = operationFromSoapAction(req.headers.soapaction);
  const decision = deps.faults.next(operationNamed);
  if (decision.latencyMs > 0) {
    deps.stats.injectedTransport('latency');
    await deps.delay(decision.latencyMs);
    if (res.destroyed) return;
  }
  if (decision.transport === 'reset') {
    deps.stats.injectedTransport('reset');
    leave();
    res.destroy();
    return;
  }
  if (decision.transport === 'http503' || decision.transport === 'malformed') {
    deps.stats.injectedTransport(decision.transport);
    leave();
    if (decision.transport === 'http503') send(res, 503, 'text/plain; charset=utf-8', 'Service Unavailable');
    else send(res, 200, XML_CONTENT_TYPE, MALFORMED_RESPONSE_BODY);
    return;
  }

  const outcome = await deps.dispatcher.dispatch(body, req.headers, req.url ?? deps.path, {
    receivedAt,
    injectedCode: decision.marketoCode,
  });
  leave();
  if (decision.transport === 'resetAfterCommit') {
    deps.stats.injectedTransport('resetAfterCommit');
    res.destroy();
    return;
  }
  if (outcome.fault) return sendFault(deps, res, outcome.fault);
  if (outcome.operation === undefined)
    return sendFault(deps, res, undispatchableFault(operationNamed, knownOperations));
  send(res, outcome.statusCode, XML_CONTENT_TYPE, outcome.body);
}

/**
 * The request listener of a mock server.
 * @param knownOperations - the operations the WSDL defines (to tell 20019 from 20012)
 */
export function createRequestListener(
  deps: EndpointDependencies,
  knownOperations: ReadonlySet<string>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    res.sendDate = false;
    res.setHeader('Date', new Date(deps.now()).toUTCString());
    const url = new URL(req.url ?? '/', 'http://mktows-mock.invalid');
    if (url.pathname.replace(/\/+$/, '') !== deps.path) return send(res, 404, 'text/plain; charset=utf-8', 'Not Found');
    if (req.method === 'GET' && url.search.toLowerCase().startsWith('?wsdl')) {
      return send(res, 200, XML_CONTENT_TYPE, deps.wsdlText());
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'GET, POST');
      return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed: POST a SOAP envelope, or GET ?wsdl');
    }
    handleSoapCall(deps, knownOperations, req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      sendFault(deps, res, new MarketoFault(20011, `unexpected error in mktows-mock: ${message}`));
    });
  };
}
