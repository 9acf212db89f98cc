// Compares the named types and the global elements of two WSDLs: added, removed, renamed (same
// definition under a new name), and changed (delegated to compare-content).
import type { WsdlElement, WsdlModel, ClarkName } from '../wsdl/model.js';
import { compareDefinitions, type TypeDefinition } from './compare-content.js';
import type { DiffContext } from './context.js';

function namedTypes(wsdl: WsdlModel): Map<ClarkName, TypeDefinition> {
  return new Map<ClarkName, TypeDefinition>([
    ...Object.entries(wsdl.complexTypes),
    ...Object.entries(wsdl.simpleTypes),
  ]);
}

/**
 * Finds types that were renamed: a removed type and an added type with the same definition, each the
 * only match of the other. Recorded in `context.renamedTypes` before anything else is compared.
 */
export function detectRenamedTypes(context: DiffContext): void {
  const before = namedTypes(context.oldWsdl);
  const after = namedTypes(context.newWsdl);
  const removed = [...before.keys()].filter((name) => !after.has(name));
  const added = [...after.keys()].filter((name) => !before.has(name));
  const fingerprint = (definition: TypeDefinition) => JSON.stringify(definition);
  for (const oldName of removed) {
    const matches = added.filter((newName) => fingerprint(after.get(newName)!) === fingerprint(before.get(oldName)!));
    const [match] = matches;
    if (matches.length !== 1 || match === undefined) continue;
    const reverse = removed.filter((name) => fingerprint(before.get(name)!) === fingerprint(after.get(match)!));
    if (reverse.length === 1) context.renamedTypes.set(oldName, match);
  }
}

/** Compares the named complex and simple types. */
export function compareTypes(context: DiffContext): void {
  const before = namedTypes(context.oldWsdl);
  const after = namedTypes(context.newWsdl);
  const renamedTo = new Set(context.renamedTypes.values());
  for (const [name, definition] of before) {
    const path = `types.${context.show(name)}`;
    const renamed = context.renamedTypes.get(name);
    const current = after.get(name);
    const directions = context.typeDirections(name);
    if (renamed !== undefined)
      context.changes.add('type-renamed', path, `renamed to ${context.show(renamed)}`, directions);
    else if (!current) context.changes.add('type-removed', path, `${definition.kind} removed`, directions);
    else compareDefinitions(context, path, definition, current, directions);
  }
  for (const [name, definition] of after) {
    if (before.has(name) || renamedTo.has(name)) continue;
    const path = `types.${context.show(name)}`;
    const base = definition.kind === 'complexType' ? definition.base : null;
    if (base !== null && before.has(base) && after.has(base)) {
      context.changes.add(
        'subtype-added',
        path,
        `complexType added, a subtype of ${context.show(base)}`,
        context.typeDirections(base),
      );
    } else {
      context.changes.add('type-added', path, `${definition.kind} added`, context.typeDirections(name));
    }
  }
}

/** Compares the global (top-level) elements. */
export function compareElements(context: DiffContext): void {
  const before = context.oldWsdl.elements;
  const after = context.newWsdl.elements;
  for (const [name, declaration] of Object.entries(before)) {
    const path = `elements.${context.show(name)}`;
    const current = after[name];
    const detail = `element removed (type ${describe(context, declaration)})`;
    if (!current) context.changes.add('element-removed', path, detail, context.elementDirections(name));
    else compareElement(context, name, path, declaration, current);
  }
  for (const [name, declaration] of Object.entries(after)) {
    if (!(name in before)) {
      context.changes.add(
        'element-added',
        `elements.${context.show(name)}`,
        `element added (type ${describe(context, declaration)})`,
        context.elementDirections(name),
      );
    }
  }
}

function describe(context: DiffContext, declaration: WsdlElement): string {
  return declaration.inlineType ? 'inline' : context.show(declaration.type);
}

function compareElement(
  context: DiffContext,
  name: ClarkName,
  path: string,
  before: WsdlElement,
  after: WsdlElement,
): void {
  const directions = context.elementDirections(name);
  if (before.inlineType && after.inlineType) {
    compareDefinitions(context, path, before.inlineType, after.inlineType, directions);
  } else if (!context.sameType(before.type, after.type) || !before.inlineType !== !after.inlineType) {
    const detail = `type ${describe(context, before)} -> ${describe(context, after)}`;
    context.changes.add('element-type-changed', path, detail, directions);
  }
  if (before.nillable !== after.nillable) {
    const kind = after.nillable ? 'element-made-nillable' : 'element-made-non-nillable';
    context.changes.add(kind, path, `nillable ${before.nillable} -> ${after.nillable}`, directions);
  }
  if (before.abstract !== after.abstract) {
    context.changes.add(
      'element-abstract-changed',
      path,
      `abstract ${before.abstract} -> ${after.abstract}`,
      directions,
    );
  }
}
