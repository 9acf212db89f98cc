// Which way each schema component travels. Walks from every operation's body and header elements
// (input: request, output: response) through element types, element refs, inline types, base types
// and subtypes (a subtype may stand wherever its base is allowed, via xsi:type).
import type { ClarkName, WsdlComplexType, WsdlModel, WsdlSimpleType } from '../wsdl/model.js';
import { XSD_NS } from '../wsdl/namespaces.js';
import type { Direction } from './policy.js';

/** Directions of use of the named types and global elements of one WSDL. */
export interface UsageIndex {
  /** Type name -> directions it travels in (absent: no operation uses it). */
  readonly types: ReadonlyMap<ClarkName, ReadonlySet<Direction>>;
  /** Global element name -> directions it travels in. */
  readonly elements: ReadonlyMap<ClarkName, ReadonlySet<Direction>>;
}

/** Computes where each named type and global element of `wsdl` is used. */
export function indexUsage(wsdl: WsdlModel): UsageIndex {
  const walker = new UsageWalker(wsdl);
  for (const binding of Object.values(wsdl.bindings)) {
    for (const operation of Object.values(binding.operations)) {
      const ios: [Direction, typeof operation.input | null][] = [
        ['request', operation.input],
        ['response', operation.output],
      ];
      for (const [direction, io] of ios) {
        if (!io) continue;
        for (const element of io.bodyElements) if (element !== null) walker.element(element, direction);
        for (const header of io.headers) if (header.element !== null) walker.element(header.element, direction);
      }
    }
  }
  return { types: walker.types, elements: walker.elements };
}

class UsageWalker {
  readonly types = new Map<ClarkName, Set<Direction>>();
  readonly elements = new Map<ClarkName, Set<Direction>>();
  /** Base type -> the complex types that extend or restrict it. */
  private readonly subtypes = new Map<ClarkName, ClarkName[]>();

  constructor(private readonly wsdl: WsdlModel) {
    for (const [name, type] of Object.entries(wsdl.complexTypes)) {
      if (type.base === null) continue;
      const list = this.subtypes.get(type.base) ?? [];
      list.push(name);
      this.subtypes.set(type.base, list);
    }
  }

  element(name: ClarkName, direction: Direction): void {
    if (!mark(this.elements, name, direction)) return;
    const declaration = this.wsdl.elements[name];
    if (!declaration) return;
    if (declaration.type !== null) this.type(declaration.type, direction);
    if (declaration.inlineType) this.inline(declaration.inlineType, direction);
  }

  type(name: ClarkName, direction: Direction): void {
    if (name.startsWith(`{${XSD_NS}}`)) return;
    if (!mark(this.types, name, direction)) return;
    const complex = this.wsdl.complexTypes[name];
    if (complex) {
      this.inline(complex, direction);
      for (const subtype of this.subtypes.get(name) ?? []) this.type(subtype, direction);
    }
    const simple = this.wsdl.simpleTypes[name];
    if (simple) this.inline(simple, direction);
  }

  /** The references inside a type definition (named or anonymous). */
  inline(type: WsdlComplexType | WsdlSimpleType, direction: Direction): void {
    if (type.base !== null) this.type(type.base, direction);
    if (type.kind === 'simpleType') return;
    for (const child of type.children) {
      if (child.type !== null) this.type(child.type, direction);
      if (child.ref !== null) this.element(child.ref, direction);
      if (child.inlineType) this.inline(child.inlineType, direction);
    }
    for (const attribute of type.attributes) if (attribute.type !== null) this.type(attribute.type, direction);
  }
}

/** Adds `direction` to `name`'s set; false when it was already there (the walk stops, so cycles end). */
function mark(index: Map<ClarkName, Set<Direction>>, name: ClarkName, direction: Direction): boolean {
  const set = index.get(name) ?? new Set<Direction>();
  index.set(name, set);
  if (set.has(direction)) return false;
  set.add(direction);
  return true;
}

/** The directions of `name` in either version of the WSDL, request first; empty when no operation uses it. */
export function directionsIn(
  indexes: readonly ReadonlyMap<ClarkName, ReadonlySet<Direction>>[],
  name: ClarkName,
): Direction[] {
  const found = new Set<Direction>();
  for (const index of indexes) for (const direction of index.get(name) ?? []) found.add(direction);
  return (['request', 'response'] as const).filter((direction) => found.has(direction));
}
