// The namespaces a WSDL 1.1 document uses, written down once for the reader, the generator and the diff.

/** WSDL 1.1 elements (`wsdl:definitions`, `wsdl:message`, ...). */
export const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
/** The WSDL 1.1 SOAP 1.1 binding extension (`soap:operation`, `soap:body`, `soap:header`, ...). */
export const WSDL_SOAP_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
/** The WSDL 1.1 SOAP 1.2 binding extension; only its `soap12:header` references are checked. */
export const WSDL_SOAP12_NS = 'http://schemas.xmlsoap.org/wsdl/soap12/';
/** XML Schema: `xs:complexType` and the built-in types such as `xs:string`. */
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
