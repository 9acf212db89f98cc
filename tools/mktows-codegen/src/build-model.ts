// Turns soap's parsed WSDL (plus the documentation texts soap drops) into the
// generator's ApiModel: resolved, named from the schema, sorted, ready to emit.
import type { Document } from '@xmldom/xmldom';
import { collectDocumentation, type DocumentationIndex } from './documentation.js';
import { CodegenError } from './errors.js';
import type {
  ApiModel,
  ComplexTypeModel,
  ElementModel,
  FieldModel,
  HeaderModel,
  OperationModel,
  ServiceModel,
  SimpleTypeModel,
  TypeRef,
} from './model.js';
import { RESERVED_NAMES, toTypeName } from './naming.js';
import type { SoapBindingMethod, SoapDefinitions, SoapNode, SoapSchema } from './soap-definitions.js';
import { XSD_NAMESPACE, isXsdBuiltin } from './xsd-builtins.js';

/** soap's key for the default / target namespace in its xmlns maps. */
const SOAP_DEFAULT_PREFIX = '__tns__';

/** Builds the model of the WSDL whose soap definitions and DOM are given. */
export function buildModel(definitions: SoapDefinitions, document: Document, displayPath: string): ApiModel {
  return new ModelBuilder(definitions, document, displayPath).build();
}

class ModelBuilder {
  private readonly targetNamespace: string;
  private readonly schema: SoapSchema;
  private readonly docs: DocumentationIndex;
  private readonly simpleTypes = new Map<string, SimpleTypeModel>();
  private readonly complexTypes = new Map<string, ComplexTypeModel>();
  private readonly elements = new Map<string, ElementModel>();
  /** TypeScript name -> schema name, to catch two schema names that would collide. */
  private readonly tsNames = new Map<string, string>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly definitions: SoapDefinitions,
    document: Document,
    private readonly displayPath: string,
  ) {
    this.targetNamespace = definitions.$targetNamespace ?? '';
    const schema = definitions.schemas[this.targetNamespace];
    if (!this.targetNamespace || !schema) this.fail(`no xs:schema for the target namespace "${this.targetNamespace}"`);
    this.schema = schema;
    this.docs = collectDocumentation(document, this.targetNamespace);
  }

  build(): ApiModel {
    for (const name of Object.keys(this.schema.types)) this.simpleType(name);
    for (const name of Object.keys(this.schema.complexTypes)) this.complexType(name);
    for (const name of Object.keys(this.schema.elements)) this.element(name);
    const byName = <T extends { name: string }>(items: Iterable<T>): T[] =>
      [...items].sort((a, b) => compare(a.name, b.name));
    const { service, operations } = this.serviceAndOperations();
    return {
      targetNamespace: this.targetNamespace,
      elementFormQualified: this.schema.$elementFormDefault === 'qualified',
      service,
      simpleTypes: byName(this.simpleTypes.values()),
      complexTypes: byName(this.complexTypes.values()),
      elements: byName(this.elements.values()),
      operations: byName(operations),
    };
  }

  // ---- schema ----

  private simpleType(name: string, node: SoapNode | undefined = this.schema.types[name]): SimpleTypeModel {
    const existing = this.simpleTypes.get(name);
    if (existing) return existing;
    if (!node) this.fail(`unresolved type reference "${name}"`);
    this.claimName(name);
    const restriction = significantChildren(node).find((child) => child.name === 'restriction');
    const other = significantChildren(node).find((child) => child.name !== 'restriction');
    if (!restriction || other) this.fail(`simpleType "${name}": only xs:restriction is supported`);
    const baseRef = this.typeRef(restriction, restriction.$base ?? '', `simpleType "${name}"`);
    if (baseRef.kind === 'complex') this.fail(`simpleType "${name}" restricts complex type "${baseRef.name}"`);
    const inherited = baseRef.kind === 'simple' ? this.simpleType(baseRef.name) : undefined;
    const ownValues = significantChildren(restriction)
      .filter((child) => child.name === 'enumeration')
      .map((child) => child.$value ?? '');
    const values = ownValues.length > 0 ? ownValues : (inherited?.values ?? []);
    const valueDocumentation: Record<string, string> = {};
    for (const value of values) {
      const text = this.docs.enumValues.get(`${name}.${value}`);
      if (text !== undefined) valueDocumentation[value] = text;
    }
    const model: SimpleTypeModel = {
      name,
      base: inherited?.base ?? baseRef.name,
      values,
      valueDocumentation,
      ...withDoc(this.docs.types.get(name)),
    };
    this.simpleTypes.set(name, model);
    return model;
  }

  private complexType(name: string, node: SoapNode | undefined = this.schema.complexTypes[name]): ComplexTypeModel {
    const existing = this.complexTypes.get(name);
    if (existing) return existing;
    if (!node) this.fail(`unresolved type reference "${name}"`);
    if (this.inProgress.has(name)) return { name, abstract: false, fields: [] }; // recursion: the real entry is being built
    this.inProgress.add(name);
    this.claimName(name);
    const where = `complexType "${name}"`;
    const content = significantChildren(node);
    let base: string | undefined;
    let fields: FieldModel[] = [];
    for (const child of content) {
      if (child.name === 'sequence') {
        fields = this.sequence(name, child);
      } else if (child.name === 'complexContent') {
        const extension = significantChildren(child)[0];
        if (!extension || extension.name !== 'extension') this.fail(`${where}: only complexContent/extension is supported`);
        const baseRef = this.typeRef(extension, extension.$base ?? '', where);
        if (baseRef.kind !== 'complex') this.fail(`${where} extends "${baseRef.name}", which is not a complex type`);
        base = this.complexType(baseRef.name).name;
        for (const inner of significantChildren(extension)) {
          if (inner.name !== 'sequence') this.fail(`${where}: xs:${inner.name ?? '?'} is not supported`);
          fields = this.sequence(name, inner);
        }
      } else {
        this.fail(`${where}: xs:${child.name ?? '?'} is not supported`);
      }
    }
    const model: ComplexTypeModel = {
      name,
      abstract: node.$abstract === 'true' || node.$abstract === '1',
      ...(base === undefined ? {} : { base }),
      fields,
      ...withDoc(this.docs.types.get(name)),
    };
    this.complexTypes.set(name, model);
    this.inProgress.delete(name);
    return model;
  }

  private sequence(owner: string, sequence: SoapNode): FieldModel[] {
    const fields: FieldModel[] = [];
    for (const child of significantChildren(sequence)) {
      if (child.name === 'sequence') fields.push(...this.sequence(owner, child));
      else if (child.name === 'element') fields.push(this.field(owner, child));
      else this.fail(`complexType "${owner}": xs:${child.name ?? '?'} is not supported`);
    }
    const seen = new Set<string>();
    for (const field of fields) {
      if (seen.has(field.name)) this.fail(`complexType "${owner}" has two elements named "${field.name}"`);
      seen.add(field.name);
    }
    return fields;
  }

  private field(owner: string, node: SoapNode): FieldModel {
    const where = `element "${node.$name ?? node.$ref ?? '?'}" in complexType "${owner}"`;
    let name = node.$name;
    let type: TypeRef;
    if (node.$ref !== undefined) {
      const target = this.resolve(node, node.$ref, where);
      const referenced = target.namespace === this.targetNamespace ? this.schema.elements[target.name] : undefined;
      if (!referenced) this.fail(`unresolved element reference "${node.$ref}" (${where})`);
      name = target.name;
      type = this.elementType(referenced, toTypeName(target.name), where);
    } else {
      type = this.elementType(node, `${owner}${toTypeName(name ?? '')}`, where);
    }
    if (!name) this.fail(`an element in complexType "${owner}" has neither name nor ref`);
    return {
      name,
      type,
      minOccurs: this.occurs(node.$minOccurs, where),
      maxOccurs: node.$maxOccurs === 'unbounded' ? 'unbounded' : this.occurs(node.$maxOccurs, where),
      nillable: node.$nillable === 'true' || node.$nillable === '1',
      ...withDoc(this.docs.fields.get(`${owner}.${name}`)),
    };
  }

  /** The type of an element: its `type` attribute, or its inline type named `inlineName`. */
  private elementType(node: SoapNode, inlineName: string, where: string): TypeRef {
    if (node.$type !== undefined) return this.typeRef(node, node.$type, where);
    const inline = significantChildren(node)[0];
    if (!inline) return { kind: 'builtin', name: 'anyType' };
    if (inline.name === 'complexType') return { kind: 'complex', name: this.complexType(inlineName, inline).name };
    if (inline.name === 'simpleType') return { kind: 'simple', name: this.simpleType(inlineName, inline).name };
    this.fail(`${where}: xs:${inline.name ?? '?'} is not supported`);
  }

  /** The model of a global element of complex type; `undefined` for simple-typed elements (not emitted). */
  private element(name: string): ElementModel | undefined {
    const existing = this.elements.get(name);
    if (existing) return existing;
    const node = this.schema.elements[name];
    if (!node) this.fail(`unresolved element reference "${name}"`);
    const type = this.elementType(node, toTypeName(name), `element "${name}"`);
    if (type.kind !== 'complex') return undefined;
    const model: ElementModel = { name, type: type.name, ...withDoc(this.docs.elements.get(name)) };
    this.elements.set(name, model);
    return model;
  }

  /** The model of a global element that must have a complex type (messages, headers, refs). */
  private complexElement(name: string, where: string): ElementModel {
    const element = this.element(name);
    if (!element) this.fail(`${where}: element "${name}" must have a complex type`);
    return element;
  }

  private typeRef(node: SoapNode, qname: string, where: string): TypeRef {
    const { namespace, name } = this.resolve(node, qname, where);
    if (namespace === XSD_NAMESPACE) {
      if (!isXsdBuiltin(name)) this.fail(`unknown XML Schema type "${qname}" (${where})`);
      return { kind: 'builtin', name };
    }
    if (namespace !== this.targetNamespace) {
      this.fail(`type "${qname}" is in namespace "${namespace}"; only the target namespace is supported (${where})`);
    }
    if (this.schema.complexTypes[name]) return { kind: 'complex', name: this.complexType(name).name };
    if (this.schema.types[name]) return { kind: 'simple', name: this.simpleType(name).name };
    this.fail(`unresolved type reference "${qname}" (${where})`);
  }

  private resolve(node: SoapNode, qname: string, where: string): { namespace: string; name: string } {
    if (!qname) this.fail(`missing type reference (${where})`);
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? SOAP_DEFAULT_PREFIX : qname.slice(0, colon);
    const name = qname.slice(colon + 1);
    const namespace =
      node.xmlns?.[prefix] ?? node.schemaXmlns?.[prefix] ?? node.definitionsXmlns?.[prefix] ?? this.definitions.xmlns[prefix];
    if (namespace === undefined) this.fail(`undeclared namespace prefix in "${qname}" (${where})`);
    return { namespace, name };
  }

  private occurs(value: string | undefined, where: string): number {
    if (value === undefined) return 1;
    if (!/^\d+$/.test(value)) this.fail(`invalid occurrence "${value}" (${where})`);
    return Number(value);
  }

  private claimName(schemaName: string): void {
    const tsName = toTypeName(schemaName);
    if (RESERVED_NAMES.has(tsName)) this.fail(`type "${schemaName}" would be named ${tsName}, a name the generator reserves`);
    const holder = this.tsNames.get(tsName);
    if (holder !== undefined && holder !== schemaName) {
      this.fail(`types "${holder}" and "${schemaName}" would both be named ${tsName} in TypeScript`);
    }
    this.tsNames.set(tsName, schemaName);
  }

  // ---- service ----

  private serviceAndOperations(): { service: ServiceModel; operations: OperationModel[] } {
    const services = Object.entries(this.definitions.services ?? {});
    if (services.length !== 1) this.fail(`expected exactly one wsdl:service, found ${services.length}`);
    const [serviceName, service] = services[0]!;
    const ports = Object.entries(service.ports ?? {});
    if (ports.length !== 1) this.fail(`expected exactly one port in service "${serviceName}", found ${ports.length}`);
    const [portName, port] = ports[0]!;
    const bindingEntry = Object.entries(this.definitions.bindings).find(([, binding]) => binding === port.binding);
    if (!bindingEntry) this.fail(`port "${portName}" has no SOAP binding`);
    const [bindingName, binding] = bindingEntry;
    const operations = Object.entries(binding.methods).map(([name, method]) => this.operation(name, method));
    return {
      service: { name: serviceName, port: portName, binding: bindingName, address: port.location ?? '' },
      operations,
    };
  }

  private operation(name: string, method: SoapBindingMethod): OperationModel {
    const where = `operation "${name}"`;
    if ((method.style ?? 'document') !== 'document') this.fail(`${where}: only document/literal bindings are supported`);
    const input = this.messageElement(method.input, `${where} input`);
    const output = this.messageElement(method.output, `${where} output`);
    const headers = (method.inputSoap?.children ?? [])
      .filter((child) => child.name === 'header')
      .map((header) => this.header(header, where));
    return {
      name,
      soapAction: method.soapAction ?? '',
      input,
      output,
      headers,
      ...withDoc(this.docs.operations.get(name)),
    };
  }

  private messageElement(node: SoapNode | undefined, where: string): { element: string; type: string } {
    const elementName = node?.name === 'element' ? node.$name : undefined;
    if (elementName === undefined) this.fail(`${where}: the message needs exactly one part with an element`);
    const element = this.complexElement(elementName, where);
    return { element: element.name, type: element.type };
  }

  private header(header: SoapNode, where: string): HeaderModel {
    const messageQName = header.$message ?? '';
    const partName = header.$part ?? '';
    const messageName = messageQName.slice(messageQName.indexOf(':') + 1);
    const message = this.definitions.messages[messageName];
    if (!message) this.fail(`unresolved message reference "${messageQName}" (${where} header)`);
    const part = (message.children ?? []).find((child) => child.name === 'part' && child.$name === partName);
    const elementQName = part?.$element ?? (message.element ? message.element.$name : undefined);
    if (elementQName === undefined) this.fail(`header part "${partName}" of message "${messageQName}" has no element`);
    const elementName = elementQName.slice(elementQName.indexOf(':') + 1);
    const element = this.complexElement(elementName, `${where} header`);
    return { message: messageName, part: partName, element: element.name, type: element.type };
  }

  private fail(problem: string): never {
    throw new CodegenError(this.displayPath, problem);
  }
}

/** Children that carry meaning (annotations and documentation dropped). */
function significantChildren(node: SoapNode): SoapNode[] {
  return (node.children ?? []).filter((child) => child.name !== 'annotation' && child.name !== 'documentation');
}

function withDoc(documentation: string | undefined): { documentation?: string } {
  return documentation === undefined ? {} : { documentation };
}

/** Locale-independent ordering, so output never depends on the machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
