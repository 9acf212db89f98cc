// The schema half of the emitters' model: the WSDL model's types and global elements of the target
// namespace, as far as the generator can type them faithfully (the rest refused by name), each schema name
// checked for TypeScript collisions, anonymous types named after their owner, documentation attached.
import type { ComplexTypeModel, ElementModel, FieldModel, SimpleTypeModel, TypeRef } from './api-model.js';
import { CodegenError } from './errors.js';
import { RESERVED_NAMES, toTypeName } from './naming.js';
import type { ClarkName, WsdlComplexType, WsdlModel, WsdlParticle, WsdlSimpleType } from './wsdl/model.js';
import { XSD_NS } from './wsdl/namespaces.js';
import { clark, localName, namespaceOf } from './wsdl/references.js';

/** Where a type definition comes from: a named type of the target namespace, or an anonymous one. */
type Definition<T> = { readonly named: true } | { readonly named: false; readonly definition: T };

/** The first non-empty documentation text of `wsdl` at one of `paths`, as `{ documentation }` (or `{}`). */
export function documentationAt(wsdl: WsdlModel, ...paths: string[]): { documentation?: string } {
  const documentation = paths
    .map((path) => (Object.hasOwn(wsdl.documentation, path) ? wsdl.documentation[path] : ''))
    .find((text) => !!text);
  return documentation === undefined ? {} : { documentation };
}

/** Builds the type and element models of one WSDL model, each once, on first use. */
export class ApiSchemaBuilder {
  readonly simpleTypes = new Map<string, SimpleTypeModel>();
  readonly complexTypes = new Map<string, ComplexTypeModel>();
  readonly elements = new Map<string, ElementModel>();
  private readonly targetNamespace: string;
  /** TypeScript name -> schema name, to catch two schema names that would collide. */
  private readonly tsNames = new Map<string, string>();
  /** Name given to an anonymous type -> its definition, to catch two that would get the same name. */
  private readonly anonymous = new Map<string, object>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly wsdl: WsdlModel,
    private readonly source: string,
  ) {
    this.targetNamespace = wsdl.targetNamespace;
  }

  /** Builds every simple type, complex type and global element of the target namespace. */
  buildAll(): void {
    for (const name of this.ownNames(this.wsdl.simpleTypes)) this.simpleType(name, { named: true });
    for (const name of this.ownNames(this.wsdl.complexTypes)) this.complexType(name, { named: true });
    for (const name of this.ownNames(this.wsdl.elements)) this.element(name);
  }

  /** Local names of the target namespace's declarations in `record`. */
  private ownNames(record: Record<ClarkName, unknown>): string[] {
    return Object.keys(record)
      .filter((name) => namespaceOf(name) === this.targetNamespace)
      .map(localName);
  }

  private simpleType(name: string, from: Definition<WsdlSimpleType>): SimpleTypeModel {
    const existing = this.simpleTypes.get(name);
    if (existing && this.isSame(name, from)) return existing;
    const definition = from.named ? this.wsdl.simpleTypes[this.qualified(name)] : from.definition;
    if (!definition) this.fail(`unresolved type reference "${name}"`);
    this.claimName(name, from);
    const baseRef = this.typeRef(definition.base, `simpleType "${name}"`);
    if (baseRef.kind === 'complex') this.fail(`simpleType "${name}" restricts complex type "${baseRef.name}"`);
    const inherited = baseRef.kind === 'simple' ? this.simpleType(baseRef.name, { named: true }) : undefined;
    const own = definition.enumeration;
    const values = own.length > 0 ? own : (inherited?.values ?? []);
    const valueDocumentation = Object.fromEntries(
      own.flatMap((value) => {
        const text = this.withDoc(`types.${name}[${JSON.stringify(value)}]`).documentation;
        return text === undefined ? [] : [[value, text]];
      }),
    );
    const model: SimpleTypeModel = {
      name,
      base: inherited?.base ?? baseRef.name,
      values,
      valueDocumentation,
      ...this.withDoc(`types.${name}`),
    };
    this.simpleTypes.set(name, model);
    return model;
  }

  private complexType(name: string, from: Definition<WsdlComplexType>): ComplexTypeModel {
    const existing = this.complexTypes.get(name);
    if (existing && this.isSame(name, from)) return existing;
    const definition = from.named ? this.wsdl.complexTypes[this.qualified(name)] : from.definition;
    if (!definition) this.fail(`unresolved type reference "${name}"`);
    if (this.inProgress.has(name)) return { name, abstract: false, fields: [] }; // recursion: the real entry is being built
    this.inProgress.add(name);
    this.claimName(name, from);
    const where = `complexType "${name}"`;
    if (definition.derivation === 'restriction') this.fail(`${where}: only complexContent/extension is supported`);
    if (definition.compositor !== 'sequence') this.fail(`${where}: xs:${definition.compositor} is not supported`);
    if (definition.attributes.length > 0) this.fail(`${where}: xs:attribute is not supported`);
    let base: string | undefined;
    if (definition.base !== null) {
      const baseRef = this.typeRef(definition.base, where);
      if (baseRef.kind !== 'complex') this.fail(`${where} extends "${baseRef.name}", which is not a complex type`);
      base = this.complexType(baseRef.name, { named: true }).name;
    }
    const fields = definition.children.map((particle) => this.field(name, particle));
    const seen = new Set<string>();
    for (const field of fields) {
      if (seen.has(field.name)) this.fail(`${where} has two elements named "${field.name}"`);
      seen.add(field.name);
    }
    const model: ComplexTypeModel = {
      name,
      abstract: definition.abstract,
      ...(base === undefined ? {} : { base }),
      fields,
      ...this.withDoc(`types.${name}`),
    };
    this.complexTypes.set(name, model);
    this.inProgress.delete(name);
    return model;
  }

  private field(owner: string, particle: WsdlParticle): FieldModel {
    const where = `element "${particle.name}" in complexType "${owner}"`;
    let type: TypeRef;
    if (particle.ref !== null) {
      const referenced =
        namespaceOf(particle.ref) === this.targetNamespace ? this.wsdl.elements[particle.ref] : undefined;
      if (!referenced) this.fail(`unresolved element reference "${particle.ref}" (${where})`);
      type = this.elementType(referenced, toTypeName(particle.name), where);
    } else {
      type = this.elementType(particle, `${owner}${toTypeName(particle.name)}`, where);
    }
    return {
      name: particle.name,
      type,
      minOccurs: particle.minOccurs,
      maxOccurs: particle.maxOccurs,
      nillable: particle.nillable,
      ...this.withDoc(`types.${owner}.${particle.name}`),
    };
  }

  /** The type of an element: its `type` attribute, or its anonymous type named `inlineName`. */
  private elementType(node: Pick<WsdlParticle, 'type' | 'inlineType'>, inlineName: string, where: string): TypeRef {
    if (node.type !== null) return this.typeRef(node.type, where);
    const inline = node.inlineType;
    if (!inline) return { kind: 'builtin', name: 'anyType' };
    if (inline.kind === 'complexType') {
      return { kind: 'complex', name: this.complexType(inlineName, { named: false, definition: inline }).name };
    }
    return { kind: 'simple', name: this.simpleType(inlineName, { named: false, definition: inline }).name };
  }

  /** The model of a global element of complex type; `undefined` for simple-typed elements (not emitted). */
  private element(name: string): ElementModel | undefined {
    const existing = this.elements.get(name);
    if (existing) return existing;
    const node = this.wsdl.elements[this.qualified(name)];
    if (!node) this.fail(`unresolved element reference "${name}"`);
    const type = this.elementType(node, toTypeName(name), `element "${name}"`);
    if (type.kind !== 'complex') return undefined;
    const model: ElementModel = { name, type: type.name, ...this.withDoc(`elements.${name}`) };
    this.elements.set(name, model);
    return model;
  }

  /** The model of a global element that must have a complex type (messages, headers). */
  complexElement(name: ClarkName, where: string): ElementModel {
    if (namespaceOf(name) !== this.targetNamespace) this.fail(`unresolved element reference "${name}" (${where})`);
    const element = this.element(localName(name));
    if (!element) this.fail(`${where}: element "${localName(name)}" must have a complex type`);
    return element;
  }

  private typeRef(name: ClarkName, where: string): TypeRef {
    const namespace = namespaceOf(name);
    const local = localName(name);
    if (namespace === XSD_NS) return { kind: 'builtin', name: local };
    if (namespace !== this.targetNamespace) {
      this.fail(`type "${local}" is in namespace "${namespace}"; only the target namespace is supported (${where})`);
    }
    if (Object.hasOwn(this.wsdl.complexTypes, name))
      return { kind: 'complex', name: this.complexType(local, { named: true }).name };
    if (Object.hasOwn(this.wsdl.simpleTypes, name))
      return { kind: 'simple', name: this.simpleType(local, { named: true }).name };
    this.fail(`unresolved type reference "${local}" (${where})`);
  }

  /** Whether the type already built as `name` is the one `from` describes (an anonymous type may not take a taken name). */
  private isSame(name: string, from: Definition<object>): boolean {
    const holder = this.anonymous.get(name);
    if (from.named ? holder === undefined : holder === from.definition) return true;
    this.fail(`an anonymous type would be named ${toTypeName(name)}, a name already given to another type`);
  }

  private claimName(schemaName: string, from: Definition<object>): void {
    if (!from.named) {
      const named =
        Object.hasOwn(this.wsdl.complexTypes, this.qualified(schemaName)) ||
        Object.hasOwn(this.wsdl.simpleTypes, this.qualified(schemaName));
      if (named)
        this.fail(`an anonymous type would be named ${toTypeName(schemaName)}, a name already given to another type`);
      this.anonymous.set(schemaName, from.definition);
    }
    const tsName = toTypeName(schemaName);
    if (RESERVED_NAMES.has(tsName))
      this.fail(`type "${schemaName}" would be named ${tsName}, a name the generator reserves`);
    const holder = this.tsNames.get(tsName);
    if (holder !== undefined && holder !== schemaName) {
      this.fail(`types "${holder}" and "${schemaName}" would both be named ${tsName} in TypeScript`);
    }
    this.tsNames.set(tsName, schemaName);
  }

  private qualified(name: string): ClarkName {
    return clark(this.targetNamespace, name);
  }

  private withDoc(path: string): { documentation?: string } {
    return documentationAt(this.wsdl, path);
  }

  private fail(problem: string): never {
    throw new CodegenError(this.source, problem);
  }
}
