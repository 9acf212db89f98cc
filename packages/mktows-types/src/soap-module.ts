// Loads soap on first use, not at import: `require('soap')` costs ~200 ms and
// users who only need the types, the metadata or `wsdlDocument` never pay it.
import type * as Soap from 'soap';

let soapModule: Promise<typeof Soap> | undefined;

/** The soap module, imported once. */
export function loadSoap(): Promise<typeof Soap> {
  soapModule ??= import('soap');
  return soapModule;
}
