// @org/mktows-types: the generated mktows types, metadata and WSDL, and the typed client.
export * from './generated/index.js';
export * from './client.js';
export * from './fault-codes.js';
export { escapeSoapText, isWrittenRawBySoap } from './soap-text.js';
export { MARKETO_QUOTA_TIME_ZONE, marketoQuotaDay, nextMarketoQuotaReset } from './quota-day.js';
export { MktowsTransportError, type MktowsTransportErrorDetails, type MktowsTransportFailure } from './transport-error.js';
