// The mktows WSDL the mock serves, from @org/mktows-types' `wsdlDocument`. soap parses it at most once per
// process, on the first server start (no work at import time), and every server shares the parsed WSDL.
import { wsdlDocument } from '@org/mktows-types';
import { WSDL } from 'soap';

let parsed: Promise<WSDL> | undefined;

/** The parsed mktows WSDL (parsed on first call, then shared). */
export function loadMktowsWsdl(): Promise<WSDL> {
  parsed ??= new Promise<WSDL>((resolve, reject) => {
    const wsdl = new WSDL(wsdlDocument, '', {});
    wsdl.onReady((error) => {
      if (error) {
        parsed = undefined;
        reject(error);
      } else resolve(wsdl);
    });
  });
  return parsed;
}

/** The WSDL text with the service address pointing at `endpointUrl`, for `GET <endpoint>?wsdl`. */
export function wsdlDocumentFor(endpointUrl: string): string {
  return wsdlDocument.replace(/(<soap:address\b[^>]*\blocation=")[^"]*(")/, `$1${endpointUrl}$2`);
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
