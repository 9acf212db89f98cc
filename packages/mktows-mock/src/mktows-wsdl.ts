// The mktows WSDL the mock serves, from @org/mktows-types' `wsdlDocument`. soap is loaded and parses the WSDL
// at most once per process, on the first server start (importing this package does no work and does not load
// soap, which alone costs ~200 ms), and every server shares the parsed WSDL.
import { wsdlDocument } from '@org/mktows-types';
import type * as Soap from 'soap';
import type { WSDL } from 'soap';

/** soap's Server class and the parsed mktows WSDL. */
export interface MktowsSoapRuntime {
  readonly Server: typeof Soap.Server;
  readonly wsdl: WSDL;
}

let runtime: Promise<MktowsSoapRuntime> | undefined;

async function loadRuntime(): Promise<MktowsSoapRuntime> {
  const soap = await import('soap');
  const wsdl = await new Promise<WSDL>((resolve, reject) => {
    const parsing = new soap.WSDL(wsdlDocument, '', {});
    parsing.onReady((error) => (error ? reject(error) : resolve(parsing)));
  });
  return { Server: soap.Server, wsdl };
}

/** soap and the parsed mktows WSDL (loaded on the first call, then shared; a failure is retried next time). */
export function loadMktowsSoap(): Promise<MktowsSoapRuntime> {
  if (!runtime) {
    const loading = loadRuntime();
    runtime = loading;
    loading.catch(() => {
      if (runtime === loading) runtime = undefined;
    });
  }
  return runtime;
}

/** The WSDL text with the service address pointing at `endpointUrl`, for `GET <endpoint>?wsdl`. */
export function wsdlDocumentFor(endpointUrl: string): string {
  return wsdlDocument.replace(/(<[\w.-]+:address\b[^>]*\blocation=")[^"]*(")/, `$1${endpointUrl}$2`);
}

/** The operations the WSDL's (first) binding defines, e.g. `syncLead`, `getLead`. */
export function wsdlOperationNames(wsdl: WSDL): { service: string; port: string; operations: string[] } {
  for (const [service, definition] of Object.entries(wsdl.definitions.services)) {
    for (const [port, { binding }] of Object.entries(definition.ports)) {
      return { service, port, operations: Object.keys(binding.methods) };
    }
  }
  throw new Error('the mktows WSDL defines no service port');
}
