// The REST side of the mock's HTTP server: the identity service (`/identity/oauth/token`) and the Lead
// Database calls of openapi/marketo-rest.yaml (`/rest/v1/...`), on the same instance and the same limits as
// SOAP. Every Lead Database answer is HTTP 200 with Marketo's JSON envelope
// (`{ requestId, success, result | errors }`), except what Marketo answers with an HTTP status: 413 for a
// body over `maxRequestBytes`, 414 for a URI over 8 KiB. Order of checks: route (605 wrong method, 610 no
// such resource), token (601, 602: not counted), injected REST code (not counted), limits (607, 606, 615,
// shared with SOAP), then the call (612 not JSON content, 609 bad JSON, 1xxx).
import type { IncomingMessage, ServerResponse } from 'node:http';

import { REST_OPERATIONS } from '@org/marketo-rest-types';
import type { RestOperationId } from '@org/marketo-rest-types';

import type { CallAdmission } from '../call-admission.js';
import { readRequestBody, RequestBodyError } from '../http-body.js';
import type { MarketoInstance } from '../instance/marketo-instance.js';
import { MarketoFault } from '../marketo-fault.js';
import type { StatsRecorder } from '../mock-stats.js';
import type { AccessTokens } from './access-tokens.js';
import { RestError } from './rest-error.js';
import type { RestFaultQueue } from './rest-faults.js';
import type { RestLeadFields } from './rest-fields.js';
import { runRestOperation } from './rest-operations.js';
import type { RestOperationRequest } from './rest-operations.js';

/** Longest request URI answered (Marketo: 8 KiB, HTTP 414 beyond). */
const MAX_REST_URI_LENGTH = 8192;

const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** A body cut short, for `failNextRest('malformed')`. */
const MALFORMED_REST_BODY = '{"requestId":"e42b#14272d07d78","success":tr';

/** The limit faults the shared counters raise, as REST codes. */
const REST_CODE_OF_LIMIT: Readonly<Record<number, number>> = { 20015: 607, 20023: 606, 20024: 615 };

/** Everything the REST side needs from its server. */
interface RestEndpointDependencies {
  now: () => number;
  limits: CallAdmission;
  stats: StatsRecorder;
  tokens: AccessTokens;
  faults: RestFaultQueue;
  fields: RestLeadFields;
  /** The instance of this call (`reset()` swaps it). */
  instance: () => MarketoInstance;
  maxRequestBytes: number;
  /** How long a request body may take to arrive (HTTP 408 beyond). */
  requestTimeoutMs: number;
}

/** The HTTP answer to a body that could not be read, as a web server in front of Marketo gives it. */
const BODY_PROBLEM_STATUS = {
  tooLarge: [413, 'Request Entity Too Large'],
  tooSlow: [408, 'Request Timeout'],
  unreadable: [400, 'Bad Request'],
} as const;

/** Whether a request target belongs to the REST side (`/identity/...` or `/rest/...`). */
export function isRestPath(pathname: string): boolean {
  return /^\/(?:identity|rest)(?:\/|$)/.test(pathname);
}

/** A Lead Database request's operation, or the error answered when it names none. */
type Route =
  | { operation: RestOperationRequest['operation']; leadId: number | undefined }
  | { operation: undefined; refusal: RestError };

const LEAD_BY_ID = new RegExp(
  `^${REST_OPERATIONS.getLeadByIdUsingGET.path.replace(/\./g, '\\.').replace('{leadId}', '(\\d{1,10})')}$`,
);

/** 605 for a path of the description with another method, 610 for a path it does not have. */
function routeOf(method: string, pathname: string): Route {
  const candidates = (Object.keys(REST_OPERATIONS) as RestOperationId[]).filter(
    (id): id is RestOperationRequest['operation'] =>
      id !== 'identityUsingGET' &&
      (REST_OPERATIONS[id].path === pathname || (id === 'getLeadByIdUsingGET' && LEAD_BY_ID.test(pathname))),
  );
  const operation = candidates.find((id) => REST_OPERATIONS[id].method === method.toLowerCase());
  if (operation === undefined) {
    const refusal =
      candidates.length > 0 ? new RestError(605, `HTTP Method not supported: ${method}`) : new RestError(610);
    return { operation: undefined, refusal };
  }
  const leadId = operation === 'getLeadByIdUsingGET' ? Number(LEAD_BY_ID.exec(pathname)?.[1]) : undefined;
  return { operation, leadId };
}

function sendText(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

function sendHttpError(deps: RestEndpointDependencies, res: ServerResponse, status: number, text: string): void {
  deps.stats.restHttpError(status);
  sendText(res, status, 'text/html; charset=utf-8', `<html><body><h1>${status} ${text}</h1></body></html>`);
}

/** The REST side of one server: answers its requests. */
export class RestEndpoint {
  private requestCount = 0;

  constructor(private readonly deps: RestEndpointDependencies) {}

  /** Answers one request whose path {@link isRestPath} accepted. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (url.pathname.startsWith('/identity')) {
      this.identity(req, res, url);
      return;
    }
    this.leadDatabase(req, res, url).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      this.sendError(
        res,
        new RestError(611, `System error: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
  }

  private requestId(): string {
    this.requestCount += 1;
    return `${this.requestCount.toString(16)}#${this.deps.now().toString(16)}`;
  }

  private sendEnvelope(res: ServerResponse, body: Record<string, unknown>): void {
    sendText(res, 200, JSON_CONTENT_TYPE, JSON.stringify({ requestId: this.requestId(), ...body }));
  }

  private sendError(res: ServerResponse, error: RestError): void {
    this.deps.stats.restError(error.code);
    this.sendEnvelope(res, { success: false, errors: [error.toEntry()] });
  }

  private identity(req: IncomingMessage, res: ServerResponse, url: URL): void {
    this.deps.stats.identityRequest();
    if (url.pathname !== REST_OPERATIONS.identityUsingGET.path) {
      sendText(res, 404, JSON_CONTENT_TYPE, JSON.stringify({ error: 'not_found', error_description: 'Not Found' }));
      return;
    }
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      sendText(res, 405, JSON_CONTENT_TYPE, JSON.stringify({ error: 'invalid_request', error_description: 'Use GET' }));
      return;
    }
    const answer = this.deps.tokens.issue(url.searchParams);
    // Never cached by a proxy: it carries a token.
    res.setHeader('Cache-Control', 'no-store');
    sendText(res, answer.status, JSON_CONTENT_TYPE, JSON.stringify(answer.body));
  }

  private async leadDatabase(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const { deps } = this;
    deps.stats.restRequest();
    const receivedAt = deps.now();
    if ((req.url ?? '').length > MAX_REST_URI_LENGTH) {
      res.setHeader('Connection', 'close');
      sendHttpError(deps, res, 414, 'Request-URI Too Long');
      return;
    }
    const method = req.method ?? 'GET';
    let body = '';
    if (method !== 'GET' && method !== 'HEAD') {
      try {
        body = await readRequestBody(req, deps.maxRequestBytes, deps.requestTimeoutMs);
      } catch (error) {
        if (res.destroyed) return;
        // The rest of the body may still be coming: answer, then close rather than read it all.
        res.setHeader('Connection', 'close');
        const [status, text] = BODY_PROBLEM_STATUS[error instanceof RequestBodyError ? error.problem : 'unreadable'];
        sendHttpError(deps, res, status, text);
        return;
      }
    }
    // In flight once the request has arrived, until its answer is sent: the same gauge as SOAP calls.
    const leave = deps.limits.enter();
    res.once('close', leave);
    const route = routeOf(method, url.pathname);
    if (route.operation) deps.stats.restCall(route.operation);

    const fault = deps.faults.next();
    if (fault.kind !== 'none') {
      deps.stats.restInjected(
        fault.kind === 'httpStatus' ? fault.status : fault.kind === 'restCode' ? fault.code : fault.kind,
      );
    }
    if (fault.kind === 'reset') {
      res.destroy();
      return;
    }
    if (fault.kind === 'httpStatus') return sendHttpError(deps, res, fault.status, 'injected by mktows-mock');
    if (fault.kind === 'malformed') return sendText(res, 200, JSON_CONTENT_TYPE, MALFORMED_REST_BODY);

    if (route.operation === undefined) return this.sendError(res, route.refusal);
    const refused = deps.tokens.check(req.headers.authorization);
    if (refused) return this.sendError(res, new RestError(refused.code, refused.message));
    if (fault.kind === 'restCode') return this.sendError(res, new RestError(fault.code, 'injected by mktows-mock'));
    try {
      deps.limits.admit(receivedAt);
    } catch (error) {
      const code = error instanceof MarketoFault ? REST_CODE_OF_LIMIT[error.code] : undefined;
      if (code === undefined || !(error instanceof MarketoFault)) throw error;
      return this.sendError(res, new RestError(code, `${new RestError(code).message}: ${error.detail ?? ''}`));
    }

    const instance = deps.instance();
    instance.settle();
    const request: RestOperationRequest = {
      operation: route.operation,
      leadId: route.leadId,
      query: url.searchParams,
      contentType: req.headers['content-type'],
      body,
    };
    let answer: Record<string, unknown>;
    try {
      answer = { success: true, ...runRestOperation(request, { instance, fields: deps.fields }) };
    } catch (error) {
      if (!(error instanceof RestError)) throw error;
      return this.sendError(res, error);
    }
    if (fault.kind === 'resetAfterCommit') {
      res.destroy();
      return;
    }
    this.sendEnvelope(res, answer);
  }
}
