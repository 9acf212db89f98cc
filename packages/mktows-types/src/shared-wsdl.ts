// The package's WSDL, parsed at most once per process, on first client creation,
// from the `wsdlDocument` string (no file system, no network). Every client
// shares the parsed definitions; see client-wsdl.ts for per-client options.
import type { WSDL } from 'soap';
import { wsdlDocument } from './generated/wsdl-document.js';
import { loadSoap } from './soap-module.js';

let sharedWsdl: Promise<WSDL> | undefined;

/** The parsed WSDL shared by every client of this process. */
export function loadSharedWsdl(): Promise<WSDL> {
  sharedWsdl ??= parseWsdl().catch((error: unknown) => {
    sharedWsdl = undefined; // let a later call try again rather than cache a failure
    throw error;
  });
  return sharedWsdl;
}

async function parseWsdl(): Promise<WSDL> {
  const { WSDL: Wsdl } = await loadSoap();
  const wsdl = new Wsdl(wsdlDocument, 'mktows.wsdl', {});
  await new Promise<void>((resolve, reject) => {
    wsdl.onReady((error) => (error ? reject(error) : resolve()));
  });
  return wsdl;
}
