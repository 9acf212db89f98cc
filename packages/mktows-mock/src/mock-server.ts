// startMockServer: a real SOAP 1.1 server on loopback speaking Marketo's mktows 2_2, with an in-memory
// lead store, Marketo's authentication, faults and limits, and seeded fault injection; on the same port and
// the same instance and limits, the REST identity service and Lead Database calls.
import { once, setMaxListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { verifyAuthentication } from './authenticate.js';
import { CallAdmission } from './call-admission.js';
import type { QueuedFault } from './fault-injection.js';
import { FaultInjector } from './fault-injection.js';
import { createRequestListener } from './http-endpoint.js';
import type { InstanceSettings, MarketoInstance } from './instance/marketo-instance.js';
import type { MockLead } from './lead-store.js';
import { toMockLead } from './lead-store.js';
import { MarketoFault } from './marketo-fault.js';
import { loadMktowsSoap, wsdlDocumentFor, wsdlOperationNames } from './mktows-wsdl.js';
import type { MockServerOptions } from './mock-options.js';
import { resolveMockOptions } from './mock-options.js';
import type { MockStats } from './mock-stats.js';
import { StatsRecorder } from './mock-stats.js';
import { AccessTokens } from './rest/access-tokens.js';
import { isRestPath, RestEndpoint } from './rest/rest-endpoint.js';
import type { RestQueuedFault } from './rest/rest-faults.js';
import { RestFaultQueue } from './rest/rest-faults.js';
import { RestLeadFields } from './rest/rest-fields.js';
import { createHandlers } from './operations/handlers.js';
import type { OperationContext } from './operations/operation-context.js';
import type { SeedLead } from './seed-lead.js';
import { addSeedLead } from './seed-lead.js';
import { SoapDispatcher } from './soap-dispatch.js';
import { asRecord } from './soap-values.js';
import { loadState } from './state/load-state.js';
import type { MockState } from './state/mock-state.js';
import { saveState } from './state/save-state.js';
import { Workspaces } from './workspaces.js';

/** A running mock server. */
export interface MockServer {
  /** The SOAP endpoint, e.g. `http://127.0.0.1:40123/soap/mktows/2_2`: give it to a client as its endpoint. */
  readonly url: string;
  /** `url + '?wsdl'`: the WSDL with this server as the service address. */
  readonly wsdlUrl: string;
  /** The port the server listens on. */
  readonly port: number;
  /**
   * The REST endpoint, e.g. `http://127.0.0.1:40123/rest`: give it to a REST client as its endpoint
   * (`/rest/v1/leads.json` and the other calls are under it). Same port, same instance as `url`.
   */
  readonly restUrl: string;
  /** The identity service, e.g. `http://127.0.0.1:40123/identity` (`/oauth/token` under it). */
  readonly identityUrl: string;
  /** Every lead in the store, oldest first (copies). */
  leads(): MockLead[];
  /**
   * The whole instance as JSON, in the shape of the `state` option, plus what calls produced (activities,
   * import jobs, campaign runs, next Ids): `startMockServer({ ...options, state: server.state() })` starts
   * an identical instance. A copy: changing it changes nothing.
   */
  state(): MockState;
  /** Puts a lead straight into the store (test set-up), as syncLead could not (e.g. anonymous, or in a partition). */
  addLead(lead: SeedLead): MockLead;
  /** Counters since start or the last `reset()`. */
  stats(): MockStats;
  /**
   * Makes the next calls fail, one fault per call, in order, whatever their operation: a transport fault
   * (`'http503'`, `'reset'`, `'resetAfterCommit'`, `'malformed'`) or a Marketo code (answered after
   * authentication and limits, e.g. `20016`). Deterministic, unlike the seeded `faults` rates.
   *
   * @example
   * ```ts
   * server.failNext(20016);            // the next call gets Request Expired; the retry succeeds
   * server.failNext('reset', 'http503');
   * ```
   * @throws ValidationError for an unknown kind or an undocumented code
   */
  failNext(...faults: QueuedFault[]): void;
  /**
   * Makes the next REST Lead Database calls fail, one fault per call, in order (the identity call takes
   * none): an HTTP status from 400 to 599 (answered instead of the call), a REST error code such as 601,
   * 602, 606 or 611 (answered after the token is checked, not counted against the limits), or `'reset'`,
   * `'malformed'`, `'resetAfterCommit'` as for SOAP.
   *
   * @example
   * ```ts
   * server.failNextRest(602);       // the next call's token is refused as expired
   * server.failNextRest(502, 606);  // then a bad gateway, then the rate limit
   * ```
   * @throws ValidationError for anything else
   */
  failNextRest(...faults: RestQueuedFault[]): void;
  /**
   * Puts the instance back to the `state` option it started from (empty without one), or to `state` when
   * given; zeroes the counters and limits, restarts the fault sequence from the seed, drops queued faults
   * (SOAP and REST). Access tokens stay valid: they belong to the clients, not to the instance.
   * @throws ValidationError naming the first bad value of `state` (nothing is changed then)
   */
  reset(state?: MockState): void;
  /** Stops listening, drops open connections and in-progress calls. Resolves when the port is free. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts a mock mktows server. Parses the WSDL on the first call in a process.
 *
 * @example
 * ```ts
 * const server = await startMockServer({ userId: 'test_user', secretKey: 'test-secret' });
 * // ... point a client at server.url ...
 * console.log(server.leads());
 * await server.close();
 * ```
 * @throws ValidationError (from @org/mktows-auth) naming the option when an option is invalid
 */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const settings = resolveMockOptions(options);
  const instanceSettings: InstanceSettings = {
    fields: settings.fields,
    workspaces: new Workspaces(settings.workspaces),
    now: settings.now,
    importProcessingMs: settings.importProcessingMs,
    firstLeadId: settings.firstLeadId,
  };
  // A bad state is refused here, before anything listens; reset() returns to exactly this instance.
  let instance: MarketoInstance = loadState(settings.state, instanceSettings);
  const initialState = saveState(instance);
  const faults = new FaultInjector(settings.faults, settings.seed);
  const restFaults = new RestFaultQueue();
  const restFields = new RestLeadFields(settings.fields);
  const soap = await loadMktowsSoap();

  const limits = new CallAdmission(settings.limits, settings.now);
  const stats = new StatsRecorder();
  const context: OperationContext = {
    get instance() {
      return instance;
    },
    unknownAttributeInBatch: settings.unknownAttributeInBatch,
    maxBatchSize: settings.maxBatchSize,
  };
  const credentials = { userId: settings.userId, secretKey: settings.secretKey };
  const dispatcher = new SoapDispatcher(
    soap,
    settings.path,
    createHandlers(context),
    // Marketo identifies the caller before it counts the call against the caller's limits; an injected
    // Marketo fault comes last, so it looks like what a healthy, authenticated, admitted call can get.
    (operation, headers, { receivedAt, injectedCode }) => {
      stats.call(operation);
      verifyAuthentication(
        asRecord(headers.AuthenticationHeader),
        credentials,
        settings.now(),
        settings.timestampToleranceMs,
      );
      limits.admit(receivedAt);
      if (injectedCode !== undefined) {
        stats.injectedMarketo(injectedCode);
        throw new MarketoFault(injectedCode, 'injected by mktows-mock');
      }
      instance.settle();
    },
  );

  const closing = new AbortController();
  // Every injected delay in progress listens to it (a test may hold many): not a leak, and no warning.
  setMaxListeners(0, closing.signal);
  let url = '';
  const soapListener = createRequestListener(
    {
      path: settings.path,
      now: settings.now,
      limits,
      faults,
      stats,
      dispatcher,
      maxRequestBytes: settings.maxRequestBytes,
      requestTimeoutMs: settings.requestTimeoutMs,
      wsdlText: () => wsdlDocumentFor(url),
      delay: (ms) => sleep(ms, undefined, { signal: closing.signal }),
    },
    new Set(wsdlOperationNames(soap.wsdl).operations),
  );
  const rest = new RestEndpoint({
    now: settings.now,
    limits,
    stats,
    tokens: new AccessTokens(settings.rest, settings.now),
    faults: restFaults,
    fields: restFields,
    instance: () => instance,
    maxRequestBytes: settings.maxRequestBytes,
    requestTimeoutMs: settings.requestTimeoutMs,
  });
  const httpServer = createServer(
    {
      // Headers must arrive within requestTimeoutMs (HTTP 408 from Node otherwise); the body has its own
      // deadline in the endpoint (fault 20012, or HTTP 408 over REST), and Node's request timeout is only a
      // backstop behind it.
      headersTimeout: settings.requestTimeoutMs,
      requestTimeout: settings.requestTimeoutMs * 2,
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(settings.requestTimeoutMs / 4))),
    },
    (req, res) => {
      const target = new URL(req.url ?? '/', 'http://mktows-mock.invalid');
      if (!isRestPath(target.pathname)) return soapListener(req, res);
      res.sendDate = false;
      res.setHeader('Date', new Date(settings.now()).toUTCString());
      rest.handle(req, res, target);
    },
  );
  httpServer.listen(settings.port, settings.host);
  await once(httpServer, 'listening');
  const { port } = httpServer.address() as AddressInfo;
  const origin = `http://${urlHost(settings.host)}:${port}`;
  url = `${origin}${settings.path}`;

  let closed: Promise<void> | undefined;
  return {
    url,
    wsdlUrl: `${url}?wsdl`,
    port,
    restUrl: `${origin}/rest`,
    identityUrl: `${origin}/identity`,
    leads: () => {
      instance.settle();
      return instance.leads.all().map(toMockLead);
    },
    state: () => {
      instance.settle();
      return saveState(instance);
    },
    addLead: (lead) => addSeedLead(instance, lead),
    stats: () => stats.snapshot(limits.peakInFlight),
    failNext: (...queued) => faults.enqueue(queued),
    failNextRest: (...queued) => restFaults.enqueue(queued),
    reset: (state) => {
      instance = loadState(state ?? initialState, instanceSettings);
      stats.reset();
      limits.reset();
      faults.reset();
      restFaults.reset();
    },
    close: () => {
      closed ??= new Promise<void>((resolve, reject) => {
        closing.abort();
        httpServer.close((error) => (error ? reject(error) : resolve()));
        httpServer.closeAllConnections();
      });
      return closed;
    },
  };
}
