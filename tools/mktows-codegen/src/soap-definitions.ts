// Loads a WSDL with soap 1.13's own parser. Its parsed schema keeps what the
// generator needs ($minOccurs, $maxOccurs, $nillable, $type, $base, $abstract,
// enumerations) and is exactly what the runtime client will use on the wire.
import { WSDL } from 'soap';
import { CodegenError } from './errors.js';

/** A node of soap's parsed WSDL tree: its XSD/WSDL local name, `$attributes`, children and namespace maps. */
export interface SoapNode {
  readonly name?: string;
  readonly children?: readonly SoapNode[];
  readonly xmlns?: Readonly<Record<string, string>>;
  readonly schemaXmlns?: Readonly<Record<string, string>>;
  readonly definitionsXmlns?: Readonly<Record<string, string>>;
  readonly [attribute: `$${string}`]: string | undefined;
}

/** One parsed xs:schema. */
export interface SoapSchema extends SoapNode {
  readonly complexTypes: Readonly<Record<string, SoapNode>>;
  readonly types: Readonly<Record<string, SoapNode>>;
  readonly elements: Readonly<Record<string, SoapNode>>;
  readonly $elementFormDefault?: string;
}

/** A binding operation after soap's post-processing. */
export interface SoapBindingMethod extends SoapNode {
  readonly soapAction?: string;
  readonly style?: string;
  readonly input?: SoapNode;
  readonly output?: SoapNode;
  readonly inputSoap?: SoapNode;
}

/** The parts of soap's `WSDL.definitions` the generator reads. */
export interface SoapDefinitions extends SoapNode {
  readonly $targetNamespace?: string;
  readonly xmlns: Readonly<Record<string, string>>;
  readonly schemas: Readonly<Record<string, SoapSchema>>;
  readonly messages: Readonly<Record<string, SoapNode & { readonly element?: SoapNode | null }>>;
  readonly bindings: Readonly<Record<string, SoapNode & { readonly methods: Record<string, SoapBindingMethod> }>>;
  readonly services: Readonly<
    Record<string, SoapNode & { readonly ports: Record<string, { readonly location?: string; readonly binding: SoapNode }> }>
  >;
}

/** Parses `text` with soap; `uri` is what soap would resolve relative includes against. */
export async function loadSoapDefinitions(text: string, uri: string, displayPath: string): Promise<SoapDefinitions> {
  try {
    const wsdl = new WSDL(text, uri, {});
    await new Promise<void>((resolve, reject) => {
      wsdl.onReady((error) => (error ? reject(error) : resolve()));
    });
    return wsdl.definitions as unknown as SoapDefinitions;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CodegenError(displayPath, `soap cannot parse the WSDL: ${message.split('\n')[0]}`);
  }
}
