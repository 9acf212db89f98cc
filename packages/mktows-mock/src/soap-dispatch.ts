// Runs one SOAP call through soap's Server (the WSDL's parser, dispatcher and serialiser) in serverless
// mode: the mock's HTTP layer owns the connection (limits, injected transport faults, the Date header)
// and hands soap only the request XML. Every operation method is wrapped so authentication, limits and
// injected Marketo faults are checked inside the method, where soap exposes the SOAP headers.
import { AsyncLocalStorage } from 'node:async_hooks';

import type { IncomingHttpHeaders } from 'node:http';

import type { Server } from 'soap';

import { MarketoFault } from './marketo-fault.js';
import type { MktowsSoapRuntime } from './mktows-wsdl.js';
import { wsdlOperationNames } from './mktows-wsdl.js';
import type { OperationHandler } from './operations/operation-context.js';
import { escapeRawText } from './response-text.js';
import { asRecord } from './soap-values.js';

/** What the HTTP layer knows about a call before soap parses it. */
interface CallTicket {
  /** When the request arrived, by the server's clock (the rate window counts arrivals). */
  readonly receivedAt: number;
  /** A Marketo fault injected into this call, if any. */
  readonly injectedCode: number | undefined;
}

/** Checks a call before its handler runs (authentication, limits, injected faults); throws a MarketoFault. */
type CallGuard = (operation: string, headers: Record<string, unknown>, ticket: CallTicket) => void;

/** What one call produced. */
interface CallOutcome {
  /** The operation soap dispatched to; undefined when the request never reached one. */
  operation: string | undefined;
  /** The Marketo fault to answer with, if any. */
  fault: MarketoFault | undefined;
  /** soap's response when there is no fault. */
  statusCode: number;
  body: string;
}

interface CallState {
  operation: string | undefined;
  fault: MarketoFault | undefined;
  readonly ticket: CallTicket;
}

/** An error soap recognises as a SOAP fault (it looks for a `Fault` property). */
class SoapFaultSignal extends Error {
  readonly Fault: { faultcode: string; faultstring: string; statusCode: number };

  constructor(fault: MarketoFault) {
    super(fault.faultString);
    this.Fault = { faultcode: fault.faultCode, faultstring: fault.faultString, statusCode: 500 };
  }
}

/** A service method as soap calls it. */
type SoapMethod = (args: unknown, callback: unknown, headers: unknown) => object;

/** The SOAP layer of one mock server. */
export class SoapDispatcher {
  private readonly calls = new AsyncLocalStorage<CallState>();
  private readonly soapServer: Server;
  /** soap's key for XML it writes as given (see response-text.ts). */
  private readonly xmlKey: string;

  /**
   * @param soap - soap's Server class and the parsed mktows WSDL
   * @param path - the endpoint path (soap uses it to pick the port)
   * @param handlers - the implemented operations; every other WSDL operation answers fault 20019
   * @param guard - runs before every handler
   */
  constructor(
    soap: MktowsSoapRuntime,
    path: string,
    handlers: Readonly<Record<string, OperationHandler>>,
    guard: CallGuard,
  ) {
    const { Server, wsdl } = soap;
    const { service, port, operations } = wsdlOperationNames(wsdl);
    this.xmlKey = wsdl.options.xmlKey ?? '$xml';
    const methods: Record<string, SoapMethod> = {};
    for (const operation of operations) {
      methods[operation] = (args, _callback, headers) =>
        this.runMethod(operation, handlers[operation], asRecord(args) ?? {}, asRecord(headers) ?? {}, guard);
    }
    this.soapServer = new Server(null, path, { [service]: { [port]: methods } }, wsdl, {
      path,
      services: {},
      envelopeKey: 'SOAP-ENV',
      suppressStack: true,
    });
  }

  /** Processes one request body. Never rejects for a bad request: that is an outcome without operation. */
  async dispatch(xml: string, headers: IncomingHttpHeaders, url: string, ticket: CallTicket): Promise<CallOutcome> {
    const state: CallState = { operation: undefined, fault: undefined, ticket };
    const response = await this.calls.run(state, () =>
      this.soapServer.processRequest(xml, { method: 'POST', url, headers: { ...headers } }),
    );
    return { operation: state.operation, fault: state.fault, statusCode: response.statusCode, body: response.body };
  }

  private runMethod(
    operation: string,
    handler: OperationHandler | undefined,
    args: Record<string, unknown>,
    headers: Record<string, unknown>,
    guard: CallGuard,
  ): object {
    const state = this.calls.getStore();
    if (!state) throw new Error('soap ran an operation outside SoapDispatcher.dispatch');
    state.operation = operation;
    try {
      guard(operation, headers, state.ticket);
      if (!handler) throw new MarketoFault(20019, `${operation} is not implemented by mktows-mock`);
      return escapeRawText(handler(args, headers), this.xmlKey) as object;
    } catch (error) {
      state.fault =
        error instanceof MarketoFault
          ? error
          : new MarketoFault(
              20011,
              `unexpected error in mktows-mock: ${error instanceof Error ? error.message : String(error)}`,
            );
      // soap needs a fault to stop; the HTTP layer answers with state.fault rendered the Marketo way.
      throw new SoapFaultSignal(state.fault);
    }
  }
}
