// Derived views of the model that several emitters need: TypeScript names,
// inherited fields, subtypes, and the TypeScript type of a field.
import type { ApiModel, ComplexTypeModel, FieldModel, TypeRef } from '../api-model.js';
import { toTypeName } from '../naming.js';
import { tsTypeOfBuiltin } from '../xsd-builtins.js';

/** Lookups over an ApiModel. */
export class SchemaView {
  private readonly complexByName: ReadonlyMap<string, ComplexTypeModel>;

  constructor(readonly model: ApiModel) {
    this.complexByName = new Map(model.complexTypes.map((type) => [type.name, type]));
  }

  complexType(name: string): ComplexTypeModel {
    const type = this.complexByName.get(name);
    if (!type) throw new Error(`model has no complex type ${name}`);
    return type;
  }

  /** All elements of a type in wire order: inherited ones (root base first), then its own. */
  allFields(type: ComplexTypeModel): FieldModel[] {
    const chain: ComplexTypeModel[] = [];
    for (let current: ComplexTypeModel | undefined = type; current; ) {
      chain.unshift(current);
      current = current.base === undefined ? undefined : this.complexType(current.base);
    }
    return chain.flatMap((link) => link.fields);
  }

  /** Non-abstract types that extend `name` directly or indirectly, sorted by name. */
  concreteSubtypes(name: string): string[] {
    return this.model.complexTypes
      .filter((type) => !type.abstract && type.name !== name && this.extendsType(type, name))
      .map((type) => type.name);
  }

  private extendsType(type: ComplexTypeModel, ancestor: string): boolean {
    for (let base = type.base; base !== undefined; base = this.complexType(base).base) {
      if (base === ancestor) return true;
    }
    return false;
  }

  /** TypeScript type of a reference, without array/null wrapping. Polymorphic references list every concrete type. */
  tsType(ref: TypeRef): string {
    if (ref.kind === 'builtin') return tsTypeOfBuiltin(ref.name);
    if (ref.kind === 'simple') return toTypeName(ref.name);
    const type = this.complexType(ref.name);
    const subtypes = this.concreteSubtypes(ref.name);
    if (type.abstract || subtypes.length === 0) return toTypeName(ref.name);
    return [ref.name, ...subtypes].map(toTypeName).join(' | ');
  }

  /** TypeScript type of a field: arrays for maxOccurs > 1, `| null` when nillable. */
  fieldType(field: FieldModel): string {
    let type = this.tsType(field.type);
    if (field.maxOccurs === 'unbounded' || field.maxOccurs > 1) type = type.includes(' ') ? `(${type})[]` : `${type}[]`;
    return field.nillable ? `${type} | null` : type;
  }
}

/** How a field's cardinality reads in documentation, e.g. `xs:int, optional, nillable`. */
export function describeField(field: FieldModel): string {
  const type = field.type.kind === 'builtin' ? `xs:${field.type.name}` : field.type.name;
  const occurs =
    field.maxOccurs === 'unbounded' || field.maxOccurs > 1
      ? `list of ${field.minOccurs}..${field.maxOccurs === 'unbounded' ? 'n' : field.maxOccurs}`
      : field.minOccurs === 0
        ? 'optional'
        : 'required';
  return [type, occurs, field.nillable ? 'nillable' : undefined].filter(Boolean).join(', ');
}
