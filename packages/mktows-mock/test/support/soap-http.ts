// Raw SOAP over HTTP for tests: signed envelopes built by hand (like the documentation's), posted with
// fetch, and the answer parsed with xmldom.
import { createAuthenticationHeader, formatTimestamp, signRequest } from '@org/mktows-auth';
import { MKTOWS_NAMESPACE } from '@org/mktows-types';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';

export const MKTOWS_NS = MKTOWS_NAMESPACE;
export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** The credentials every test server uses (test-only values). */
export const TEST_USER = 'mocktest1_0123456789ABCDEF';
export const TEST_SECRET = 'test-secret-0123456789abcdef';

/** An AuthenticationHeader element, signed with the test credentials unless overridden. */
export function authenticationHeaderXml(
  options: { userId?: string; secretKey?: string; timestamp?: string; signature?: string } = {},
): string {
  const userId = options.userId ?? TEST_USER;
  const timestamp = options.timestamp ?? formatTimestamp(new Date(), 0);
  const signature =
    options.signature ?? signRequest({ userId, secretKey: options.secretKey ?? TEST_SECRET, timestamp });
  return (
    '<ns1:AuthenticationHeader>' +
    `<mktowsUserId>${userId}</mktowsUserId>` +
    `<requestSignature>${signature}</requestSignature>` +
    `<requestTimestamp>${timestamp}</requestTimestamp>` +
    '</ns1:AuthenticationHeader>'
  );
}

/** A SOAP 1.1 envelope in the documentation's style with the given header and body XML. */
export function envelope(bodyXml: string, headerXml = authenticationHeaderXml()): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENV_NS}" xmlns:ns1="${MKTOWS_NS}">` +
    `<SOAP-ENV:Header>${headerXml}</SOAP-ENV:Header>` +
    `<SOAP-ENV:Body>${bodyXml}</SOAP-ENV:Body>` +
    '</SOAP-ENV:Envelope>'
  );
}

/** A documentation request envelope with its (unverifiable) signature replaced by one made with the test key. */
export function resign(fixtureXml: string, options: { timestamp?: string } = {}): string {
  const header = createAuthenticationHeader({ userId: TEST_USER, secretKey: TEST_SECRET });
  const timestamp = options.timestamp ?? header.requestTimestamp;
  const signature = signRequest({ userId: TEST_USER, secretKey: TEST_SECRET, timestamp });
  return fixtureXml
    .replace(/<mktowsUserId>[^<]*<\/mktowsUserId>/, `<mktowsUserId>${TEST_USER}</mktowsUserId>`)
    .replace(/<requestSignature>[^<]*<\/requestSignature>/, `<requestSignature>${signature}</requestSignature>`)
    .replace(/<requestTimestamp>[^<]*<\/requestTimestamp>/, `<requestTimestamp>${timestamp}</requestTimestamp>`);
}

/** An HTTP answer. */
export interface SoapAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** POSTs `xml` to `url` as `operation` (SOAPAction) and returns the raw answer. */
export async function postSoap(url: string, operation: string, xml: string): Promise<SoapAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    body: xml,
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${MKTOWS_NS}${operation}"` },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Parses XML, failing the test on malformed input. */
export function parseXml(text: string): Element {
  const document = new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  const root = document.documentElement;
  if (!root) throw new Error('no document element');
  return root;
}

/** Child elements of `element` (optionally only those with this local name). */
export function childElements(element: Element, localName?: string): Element[] {
  const children: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const child = node as Element;
      if (localName === undefined || child.localName === localName) children.push(child);
    }
  }
  return children;
}

/** The first descendant element with this local name. */
export function findElement(root: Element, localName: string): Element | undefined {
  const found = root.getElementsByTagNameNS('*', localName)[0];
  return found ?? undefined;
}

/** Text of the first descendant with this local name. */
export function textOf(root: Element, localName: string): string | undefined {
  return findElement(root, localName)?.textContent ?? undefined;
}

/** The Marketo fault code in a fault answer, or undefined when the answer is not a fault. */
export function faultCodeOf(answer: SoapAnswer): number | undefined {
  if (!answer.text.includes('Fault>')) return undefined;
  const code = textOf(parseXml(answer.text), 'code');
  return code === undefined ? undefined : Number(code);
}
