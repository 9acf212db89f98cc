// What every comparer needs: both WSDLs, the change list, how to show a name, the directions of use of
// each component, and the types detected as renamed (so references to them do not count as changed).
import type { ClarkName, WsdlModel } from '../wsdl/model.js';
import { XSD_NS } from '../wsdl/namespaces.js';
import type { ChangeList } from './changes.js';
import type { Direction } from './policy.js';
import { directionsIn, indexUsage, type UsageIndex } from './usage.js';

/** Shared state of one diff run. */
export class DiffContext {
  /** Old type name -> new type name, for types renamed with an unchanged definition. */
  readonly renamedTypes = new Map<ClarkName, ClarkName>();
  private readonly usage: readonly UsageIndex[];

  constructor(
    readonly oldWsdl: WsdlModel,
    readonly newWsdl: WsdlModel,
    readonly changes: ChangeList,
  ) {
    this.usage = [indexUsage(oldWsdl), indexUsage(newWsdl)];
  }

  /** A name as shown in paths and details: local for the target namespace, `xs:` for XML Schema, else Clark. */
  show(name: ClarkName | null): string {
    if (name === null) return '(none)';
    for (const namespace of [this.newWsdl.targetNamespace, this.oldWsdl.targetNamespace]) {
      if (namespace && name.startsWith(`{${namespace}}`)) return name.slice(namespace.length + 2);
    }
    if (name.startsWith(`{${XSD_NS}}`)) return `xs:${name.slice(XSD_NS.length + 2)}`;
    return name;
  }

  /** Whether an old and a new type reference name the same type (allowing for detected renames). */
  sameType(oldName: ClarkName | null, newName: ClarkName | null): boolean {
    return oldName === newName || (oldName !== null && this.renamedTypes.get(oldName) === newName);
  }

  /** Where the named type travels, in either version. */
  typeDirections(name: ClarkName): Direction[] {
    return directionsIn(
      this.usage.map((index) => index.types),
      name,
    );
  }

  /** Where the global element travels, in either version. */
  elementDirections(name: ClarkName): Direction[] {
    return directionsIn(
      this.usage.map((index) => index.elements),
      name,
    );
  }
}
