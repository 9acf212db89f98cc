// The generator's view of a WSDL for the emitters: the WSDL model (src/wsdl/) projected onto the supported
// subset and named for TypeScript (no prefixes, no dangling references), in a deterministic order.

/** What a schema element's type refers to. */
export type TypeRef =
  /** An XML Schema built-in type, by local name (`int`, `dateTime`). */
  | { readonly kind: 'builtin'; readonly name: string }
  /** A named simple type of the target namespace (an enumeration or a restriction alias). */
  | { readonly kind: 'simple'; readonly name: string }
  /** A named complex type of the target namespace. */
  | { readonly kind: 'complex'; readonly name: string };

/** One child element of a complex type's sequence. */
export interface FieldModel {
  /** Element name as it appears on the wire (and as the property key). */
  readonly name: string;
  readonly type: TypeRef;
  readonly minOccurs: number;
  /** A number, or `'unbounded'`. */
  readonly maxOccurs: number | 'unbounded';
  readonly nillable: boolean;
  readonly documentation?: string;
}

/** A named xs:simpleType: a restriction of a built-in type, optionally an enumeration. */
export interface SimpleTypeModel {
  readonly name: string;
  /** Local name of the built-in base type (`string`). */
  readonly base: string;
  /** Enumeration values in schema order; empty when the type is not an enumeration. */
  readonly values: readonly string[];
  /** Documentation of each enumeration value that has any. */
  readonly valueDocumentation: Readonly<Record<string, string>>;
  readonly documentation?: string;
}

/** A named xs:complexType with a sequence of elements, possibly extending a base type. */
export interface ComplexTypeModel {
  readonly name: string;
  readonly abstract: boolean;
  /** The complex type this one extends (complexContent/extension), if any. */
  readonly base?: string;
  /** Own elements only, in sequence order (inherited ones come from `base`). */
  readonly fields: readonly FieldModel[];
  readonly documentation?: string;
}

/** A global xs:element. */
export interface ElementModel {
  readonly name: string;
  /** Name of the complex type of the element (inline types are given a name). */
  readonly type: string;
  readonly documentation?: string;
}

/** A SOAP header an operation's input declares. */
export interface HeaderModel {
  /** The wsdl:message holding the header part. */
  readonly message: string;
  readonly part: string;
  /** Global element sent in soap:Header. */
  readonly element: string;
  /** Complex type of that element. */
  readonly type: string;
}

/** One operation of the SOAP binding. */
export interface OperationModel {
  readonly name: string;
  readonly soapAction: string;
  readonly input: { readonly element: string; readonly type: string };
  readonly output: { readonly element: string; readonly type: string };
  /** Input headers in binding order. */
  readonly headers: readonly HeaderModel[];
  readonly documentation?: string;
}

/** The service endpoint as written in the WSDL (clients override the address). */
export interface ServiceModel {
  readonly name: string;
  readonly port: string;
  readonly binding: string;
  readonly address: string;
}

/** Everything generated from one WSDL. Lists are sorted by name, except fields and enum values. */
export interface ApiModel {
  readonly targetNamespace: string;
  /** Whether local elements are namespace-qualified (schema elementFormDefault). */
  readonly elementFormQualified: boolean;
  readonly service: ServiceModel;
  readonly simpleTypes: readonly SimpleTypeModel[];
  readonly complexTypes: readonly ComplexTypeModel[];
  readonly elements: readonly ElementModel[];
  readonly operations: readonly OperationModel[];
}
