/**
 * The one model of a WSDL 1.1 document (document/literal SOAP 1.1, XSD schema inline) that every part of
 * the generator works from: `generate` projects it onto the TypeScript it writes, `diff` and `changeset`
 * compare two of them, the equivalence test compares the project's with Marketo's.
 *
 * Everything is resolved and prefix-free: qualified names are written in Clark notation, `{namespace}local`
 * (e.g. `{http://www.w3.org/2001/XMLSchema}string`), XSD defaults are applied (`minOccurs` 1, `nillable`
 * false, ...), records are keyed by name with sorted keys, and only order that matters on the wire is kept
 * (sequence children, enumeration values, headers). So two WSDLs that describe the same API give deep-equal
 * models apart from `documentation`, whatever their prefixes, whitespace, comments or declaration order.
 *
 * @module
 */

/** A qualified name in Clark notation: `{namespace}local`, or just `local` when it has no namespace. */
export type ClarkName = string;

/** `maxOccurs` after defaults: a number, or `'unbounded'`. */
export type MaxOccurs = number | 'unbounded';

/** One element particle inside a complex type's sequence (or all/choice); nested sequences are flattened. */
export interface WsdlParticle {
  /** Local name of the child element (for `ref=` particles: the referenced element's local name). */
  name: string;
  /** The element's declared type; `null` when the type is declared inline, absent, or the particle is a `ref`. */
  type: ClarkName | null;
  /** The referenced top-level element for `<xs:element ref="...">` particles, otherwise `null`. */
  ref: ClarkName | null;
  /** An anonymous type declared inside the element, otherwise `null`. */
  inlineType: WsdlComplexType | WsdlSimpleType | null;
  /** `minOccurs`, default 1. */
  minOccurs: number;
  /** `maxOccurs`, default 1. */
  maxOccurs: MaxOccurs;
  /** `nillable`, default false. */
  nillable: boolean;
}

/** One attribute declared on a complex type. */
export interface WsdlAttribute {
  /** Local name of the attribute. */
  name: string;
  /** Declared type, `null` when absent (any simple type). */
  type: ClarkName | null;
  /** `use`, default `optional`. */
  use: 'optional' | 'required' | 'prohibited';
}

/** A complex type, named or anonymous. */
export interface WsdlComplexType {
  /** Discriminates complex from simple inline types. */
  kind: 'complexType';
  /** `abstract`, default false. */
  abstract: boolean;
  /** `mixed`, default false. */
  mixed: boolean;
  /** Base type for `complexContent` extension/restriction, otherwise `null`. */
  base: ClarkName | null;
  /** How the type derives from `base`, `null` when it has no base. */
  derivation: 'extension' | 'restriction' | null;
  /** The model group holding `children` (an empty type counts as an empty sequence). */
  compositor: 'sequence' | 'all' | 'choice';
  /** Element particles in document order (the order is part of the contract for sequences). */
  children: WsdlParticle[];
  /** Attributes in document order. */
  attributes: WsdlAttribute[];
}

/** A facet other than `enumeration` on a simple type restriction (e.g. `maxLength`). */
export interface WsdlFacet {
  /** Facet element name, e.g. `maxLength` or `pattern`. */
  facet: string;
  /** The facet's `value` attribute. */
  value: string;
}

/** A simple type derived by restriction, named or anonymous. */
export interface WsdlSimpleType {
  /** Discriminates simple from complex inline types. */
  kind: 'simpleType';
  /** The restricted base type. */
  base: ClarkName;
  /** Enumeration values in document order (empty when the type is not an enumeration). */
  enumeration: string[];
  /** Other facets in document order. */
  facets: WsdlFacet[];
}

/** A top-level `xs:element` declaration. */
export interface WsdlElement {
  /** Declared type, `null` when the type is inline or absent. */
  type: ClarkName | null;
  /** Anonymous type declared inside the element, otherwise `null`. */
  inlineType: WsdlComplexType | WsdlSimpleType | null;
  /** `nillable`, default false. */
  nillable: boolean;
  /** `abstract`, default false. */
  abstract: boolean;
}

/** One part of a WSDL message. */
export interface WsdlMessagePart {
  /** Part name. */
  name: string;
  /** The global element the part carries (document style), otherwise `null`. */
  element: ClarkName | null;
  /** The type the part carries (rpc style), otherwise `null`. */
  type: ClarkName | null;
}

/** A WSDL message. */
export interface WsdlMessage {
  /** Parts in document order. */
  parts: WsdlMessagePart[];
}

/** A SOAP header an operation's input or output carries. */
export interface WsdlHeader {
  /** The message holding the header part. */
  message: ClarkName;
  /** The part of `message` sent as the header. */
  part: string;
  /** The global element the part carries (resolved through the message). */
  element: ClarkName | null;
  /** `use` of the `soap:header`, default `literal`. */
  use: string;
}

/** One direction (input or output) of a bound operation. */
export interface WsdlOperationIO {
  /** The abstract message from the port type. */
  message: ClarkName;
  /** Global elements of the message's body parts, in part order (document style). */
  bodyElements: (ClarkName | null)[];
  /** `use` of the `soap:body`, default `literal`. */
  use: string;
  /** SOAP headers, in the order the binding lists them. */
  headers: WsdlHeader[];
}

/** An operation as bound in a binding: the port type's messages joined with the binding's SOAP details. */
export interface WsdlOperation {
  /** `soapAction` of `soap:operation`, `''` when absent. */
  soapAction: string;
  /** `document` or `rpc`: the operation's own style, else the binding's, else `document`. */
  style: string;
  /** The request. */
  input: WsdlOperationIO;
  /** The response, `null` for one-way operations. */
  output: WsdlOperationIO | null;
  /** Fault messages by fault name. */
  faults: Record<string, ClarkName>;
}

/** A binding of a port type (SOAP 1.1 details; `transport` is `''` when it has no `soap:binding`). */
export interface WsdlBinding {
  /** The port type the binding implements. */
  portType: ClarkName;
  /** Transport URI of `soap:binding`. */
  transport: string;
  /** Operations by name. */
  operations: Record<string, WsdlOperation>;
}

/** A port of a service. */
export interface WsdlPort {
  /** The binding the port exposes. */
  binding: ClarkName;
  /** `soap:address` location, `null` when the port has none. */
  address: string | null;
}

/** A WSDL service. */
export interface WsdlService {
  /** Ports by name. */
  ports: Record<string, WsdlPort>;
}

/** The form defaults of one `xs:schema`, as written (absent: `unqualified`). */
export interface WsdlSchemaForms {
  /** `elementFormDefault`: whether local elements are namespace-qualified on the wire. */
  elementFormDefault: string;
  /** `attributeFormDefault`. */
  attributeFormDefault: string;
}

/**
 * The model of one WSDL. Records are keyed by name (Clark names for schema components and messages,
 * local names for services, bindings and operations) and their keys are sorted.
 */
export interface WsdlModel {
  /** `targetNamespace` of `wsdl:definitions`. */
  targetNamespace: string;
  /** Services by name. */
  services: Record<string, WsdlService>;
  /** Bindings by name. */
  bindings: Record<string, WsdlBinding>;
  /** Messages by Clark name. */
  messages: Record<ClarkName, WsdlMessage>;
  /** Top-level schema elements by Clark name. */
  elements: Record<ClarkName, WsdlElement>;
  /** Named complex types by Clark name. */
  complexTypes: Record<ClarkName, WsdlComplexType>;
  /** Named simple types by Clark name. */
  simpleTypes: Record<ClarkName, WsdlSimpleType>;
  /** The form defaults of each schema, by its target namespace. */
  schemas: Record<string, WsdlSchemaForms>;
  /**
   * The documentation texts (`wsdl:documentation`, `xs:annotation/xs:documentation`), tidied, by the path
   * of what they document; `''` for a documentable node without any. Paths use local names:
   * `wsdl` (the definitions, port types, bindings and schemas), `types.LeadRecord`,
   * `types.LeadRecord.Email` (an element of a type, `types.T.a.b` inside an inline type), `types.T.@attr`,
   * `types.LeadKeyRef["IDNUM"]` (an enumeration value), `elements.e`, `operations.syncLead` (the port type
   * operation), `operations.syncLead.binding`, `messages.m`, `messages.m.part`, `services.s`,
   * `services.s.port`. Unnamed containers (sequence, complexContent, input, ...) add to their owner's text.
   */
  documentation: Record<string, string>;
}
