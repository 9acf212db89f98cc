// Compares two definitions of the same type (named, or inline in an element): kind, base, enumeration,
// facets, and the elements of a complex type one by one (added, removed, renamed, retyped, cardinality,
// nillability, order).
import type {
  WsdlAttribute,
  WsdlComplexType,
  WsdlParticle,
  WsdlSimpleType,
  MaxOccurs,
} from '../wsdl/model.js';
import type { DiffContext } from './context.js';
import type { Direction } from './policy.js';

/** A type definition as the canonical model holds it. */
export type TypeDefinition = WsdlComplexType | WsdlSimpleType;

/** Compares two definitions found at `path`, used in `directions`. */
export function compareDefinitions(
  context: DiffContext,
  path: string,
  before: TypeDefinition,
  after: TypeDefinition,
  directions: readonly Direction[],
): void {
  if (before.kind !== after.kind) {
    context.changes.add('type-kind-changed', path, `${before.kind} -> ${after.kind}`, directions);
    return;
  }
  if (before.kind === 'simpleType' && after.kind === 'simpleType') {
    compareSimpleTypes(context, path, before, after, directions);
  } else if (before.kind === 'complexType' && after.kind === 'complexType') {
    compareComplexTypes(context, path, before, after, directions);
  }
}

function compareSimpleTypes(
  context: DiffContext,
  path: string,
  before: WsdlSimpleType,
  after: WsdlSimpleType,
  directions: readonly Direction[],
): void {
  const { changes } = context;
  if (!context.sameType(before.base, after.base)) {
    changes.add(
      'type-base-changed',
      path,
      `base ${context.show(before.base)} -> ${context.show(after.base)}`,
      directions,
    );
  }
  for (const value of before.enumeration.filter((value) => !after.enumeration.includes(value))) {
    const valuePath = `${path}[${JSON.stringify(value)}]`;
    changes.add('enum-value-removed', valuePath, `value ${JSON.stringify(value)} removed`, directions);
  }
  for (const value of after.enumeration.filter((value) => !before.enumeration.includes(value))) {
    changes.add(
      'enum-value-added',
      `${path}[${JSON.stringify(value)}]`,
      `value ${JSON.stringify(value)} added`,
      directions,
    );
  }
  const keptBefore = before.enumeration.filter((value) => after.enumeration.includes(value));
  const keptAfter = after.enumeration.filter((value) => before.enumeration.includes(value));
  if (keptBefore.join('\n') !== keptAfter.join('\n')) {
    const order = `values reordered: ${keptBefore.join(', ')} -> ${keptAfter.join(', ')}`;
    changes.add('enum-values-reordered', path, order, directions);
  }
  const facets = (type: WsdlSimpleType) => type.facets.map((facet) => `${facet.facet}=${facet.value}`);
  const [facetsBefore, facetsAfter] = [facets(before), facets(after)];
  if (facetsBefore.join('\n') !== facetsAfter.join('\n')) {
    const show = (list: string[]) => (list.length === 0 ? '(none)' : list.join(', '));
    changes.add('facet-changed', path, `facets ${show(facetsBefore)} -> ${show(facetsAfter)}`, directions);
  }
}

function compareComplexTypes(
  context: DiffContext,
  path: string,
  before: WsdlComplexType,
  after: WsdlComplexType,
  directions: readonly Direction[],
): void {
  const { changes } = context;
  if (before.abstract !== after.abstract) {
    changes.add('type-abstract-changed', path, `abstract ${before.abstract} -> ${after.abstract}`, directions);
  }
  if (!context.sameType(before.base, after.base) || before.derivation !== after.derivation) {
    const show = (type: WsdlComplexType) =>
      type.base === null ? '(no base)' : `${type.derivation ?? ''} of ${context.show(type.base)}`;
    changes.add('type-base-changed', path, `${show(before)} -> ${show(after)}`, directions);
  }
  if (before.compositor !== after.compositor || before.mixed !== after.mixed) {
    const show = (type: WsdlComplexType) => `${type.compositor}${type.mixed ? ' (mixed)' : ''}`;
    changes.add('type-compositor-changed', path, `${show(before)} -> ${show(after)}`, directions);
  }
  compareProperties(context, path, before.children.map(fromParticle), after.children.map(fromParticle), directions);
  compareProperties(
    context,
    path,
    before.attributes.map(fromAttribute),
    after.attributes.map(fromAttribute),
    directions,
  );
}

/** An element particle or an attribute, in the terms the property rules use. */
interface Property {
  /** Key within the type: the element name, or `@name` for an attribute. */
  readonly key: string;
  readonly particle: WsdlParticle;
}

function fromParticle(particle: WsdlParticle): Property {
  return { key: particle.name, particle };
}

/** An attribute compared like an element: `use="required"` is minOccurs 1, never repeated or nillable. */
function fromAttribute(attribute: WsdlAttribute): Property {
  return {
    key: `@${attribute.name}`,
    particle: {
      name: attribute.name,
      type: attribute.type,
      ref: null,
      inlineType: null,
      minOccurs: attribute.use === 'required' ? 1 : 0,
      maxOccurs: attribute.use === 'prohibited' ? 0 : 1,
      nillable: false,
    },
  };
}

/** Keys made unique: a name repeated in a sequence gets `#2`, `#3`, ... on later occurrences. */
function keyed(properties: Property[]): Map<string, WsdlParticle> {
  const map = new Map<string, WsdlParticle>();
  for (const property of properties) {
    let key = property.key;
    for (let occurrence = 2; map.has(key); occurrence += 1) key = `${property.key}#${occurrence}`;
    map.set(key, property.particle);
  }
  return map;
}

function compareProperties(
  context: DiffContext,
  typePath: string,
  beforeList: Property[],
  afterList: Property[],
  directions: readonly Direction[],
): void {
  const before = keyed(beforeList);
  const after = keyed(afterList);
  const removed = [...before.keys()].filter((key) => !after.has(key));
  const added = [...after.keys()].filter((key) => !before.has(key));
  const [onlyRemoved] = removed;
  const [onlyAdded] = added;
  // One element out and one in, otherwise identical: a rename, reported once.
  if (removed.length === 1 && added.length === 1 && onlyRemoved !== undefined && onlyAdded !== undefined) {
    const oldParticle = before.get(onlyRemoved)!;
    const newParticle = after.get(onlyAdded)!;
    if (sameShape(context, oldParticle, newParticle)) {
      const path = `${typePath}.${onlyRemoved}`;
      context.changes.add('property-renamed', path, `renamed to ${onlyAdded}`, directions);
      return compareOrder(context, typePath, [...before.keys()], [...after.keys()], directions, [
        onlyRemoved,
        onlyAdded,
      ]);
    }
  }
  for (const key of removed) {
    context.changes.add('property-removed', `${typePath}.${key}`, `element ${key} removed`, directions);
  }
  for (const key of added) {
    const particle = after.get(key)!;
    const kind = particle.minOccurs === 0 ? 'property-added-optional' : 'property-added-required';
    context.changes.add(
      kind,
      `${typePath}.${key}`,
      `element ${key} added (${describeParticle(context, particle)})`,
      directions,
    );
  }
  for (const [key, oldParticle] of before) {
    const newParticle = after.get(key);
    if (newParticle) compareParticle(context, `${typePath}.${key}`, oldParticle, newParticle, directions);
  }
  compareOrder(context, typePath, [...before.keys()], [...after.keys()], directions, []);
}

function compareOrder(
  context: DiffContext,
  typePath: string,
  beforeKeys: string[],
  afterKeys: string[],
  directions: readonly Direction[],
  renamed: string[],
): void {
  const [oldName, newName] = renamed;
  const rename = (key: string) => (key === oldName && newName !== undefined ? newName : key);
  const keptBefore = beforeKeys.map(rename).filter((key) => afterKeys.includes(key));
  const keptAfter = afterKeys.filter((key) => keptBefore.includes(key));
  if (keptBefore.join('\n') === keptAfter.join('\n')) return;
  context.changes.add(
    'properties-reordered',
    typePath,
    `order ${keptBefore.join(', ')} -> ${keptAfter.join(', ')}`,
    directions,
  );
}

function describeParticle(context: DiffContext, particle: WsdlParticle): string {
  const type =
    particle.ref !== null
      ? `ref ${context.show(particle.ref)}`
      : particle.inlineType
        ? 'inline type'
        : context.show(particle.type);
  return `${type}, minOccurs ${particle.minOccurs}, maxOccurs ${particle.maxOccurs}${particle.nillable ? ', nillable' : ''}`;
}

function sameShape(context: DiffContext, a: WsdlParticle, b: WsdlParticle): boolean {
  return (
    context.sameType(a.type, b.type) &&
    a.ref === b.ref &&
    JSON.stringify(a.inlineType) === JSON.stringify(b.inlineType) &&
    a.minOccurs === b.minOccurs &&
    a.maxOccurs === b.maxOccurs &&
    a.nillable === b.nillable
  );
}

const repeated = (max: MaxOccurs) => max === 'unbounded' || max > 1;
const maxValue = (max: MaxOccurs) => (max === 'unbounded' ? Number.POSITIVE_INFINITY : max);

/** Records the changes between two versions of the particle at `path`, used in `directions`. */
type ParticleComparison = (
  context: DiffContext,
  path: string,
  before: WsdlParticle,
  after: WsdlParticle,
  directions: readonly Direction[],
) => void;

const compareParticle: ParticleComparison = (context, path, before, after, directions) => {
  const { changes } = context;
  compareParticleType(context, path, before, after, directions);
  if (before.minOccurs === 0 && after.minOccurs > 0) {
    changes.add('property-made-required', path, `minOccurs ${before.minOccurs} -> ${after.minOccurs}`, directions);
  } else if (before.minOccurs > 0 && after.minOccurs === 0) {
    changes.add('property-made-optional', path, `minOccurs ${before.minOccurs} -> ${after.minOccurs}`, directions);
  } else if (before.minOccurs !== after.minOccurs) {
    const kind = after.minOccurs > before.minOccurs ? 'property-occurs-narrowed' : 'property-occurs-widened';
    changes.add(kind, path, `minOccurs ${before.minOccurs} -> ${after.minOccurs}`, directions);
  }
  if (before.maxOccurs !== after.maxOccurs) {
    const detail = `maxOccurs ${before.maxOccurs} -> ${after.maxOccurs}`;
    if (!repeated(before.maxOccurs) && repeated(after.maxOccurs)) {
      changes.add('property-made-repeated', path, detail, directions);
    } else if (repeated(before.maxOccurs) && !repeated(after.maxOccurs)) {
      changes.add('property-made-single', path, detail, directions);
    } else {
      const kind =
        maxValue(after.maxOccurs) < maxValue(before.maxOccurs) ? 'property-occurs-narrowed' : 'property-occurs-widened';
      changes.add(kind, path, detail, directions);
    }
  }
  if (before.nillable !== after.nillable) {
    const kind = after.nillable ? 'property-made-nillable' : 'property-made-non-nillable';
    changes.add(kind, path, `nillable ${before.nillable} -> ${after.nillable}`, directions);
  }
};

/** The type side of a particle: inline types compared in depth, named types and refs by name. */
const compareParticleType: ParticleComparison = (context, path, before, after, directions) => {
  if (before.inlineType && after.inlineType) {
    compareDefinitions(context, path, before.inlineType, after.inlineType, directions);
    return;
  }
  const describe = (particle: WsdlParticle) =>
    particle.ref !== null
      ? `ref ${context.show(particle.ref)}`
      : particle.inlineType
        ? 'an inline type'
        : context.show(particle.type);
  if (
    before.ref !== after.ref ||
    !context.sameType(before.type, after.type) ||
    !before.inlineType !== !after.inlineType
  ) {
    context.changes.add('property-type-changed', path, `type ${describe(before)} -> ${describe(after)}`, directions);
  }
};
