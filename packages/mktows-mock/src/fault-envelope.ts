// Renders a MarketoFault as the SOAP 1.1 envelope Marketo sent (see the documentation's
// fault-20014.response.xml). Every fault the mock returns goes through here, whether it arose inside an
// operation or before one could run, so all faults are shaped identically.
import { MKTOWS_NAMESPACE, escapeSoapText } from '@org/mktows-types';
import type { MarketoFault } from './marketo-fault.js';

const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** The `name` Marketo gives every `serviceException`. */
const SERVICE_EXCEPTION_NAME = 'mktServiceException';

/** The complete fault envelope (XML declaration included) for `fault`. Sent with HTTP 500. */
export function renderFaultEnvelope(fault: MarketoFault): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENVELOPE_NS}">` +
    '<SOAP-ENV:Body>' +
    '<SOAP-ENV:Fault>' +
    `<faultcode>${fault.faultCode}</faultcode>` +
    `<faultstring>${escapeSoapText(fault.faultString)}</faultstring>` +
    '<detail>' +
    `<ns1:serviceException xmlns:ns1="${MKTOWS_NAMESPACE}">` +
    `<name>${SERVICE_EXCEPTION_NAME}</name>` +
    `<message>${escapeSoapText(fault.detailMessage)}</message>` +
    `<code>${fault.code}</code>` +
    '</ns1:serviceException>' +
    '</detail>' +
    '</SOAP-ENV:Fault>' +
    '</SOAP-ENV:Body>' +
    '</SOAP-ENV:Envelope>'
  );
}
