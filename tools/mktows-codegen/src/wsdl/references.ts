// The one resolver of QName references in a WSDL. The readers resolve each QName-valued attribute against
// the namespaces in scope where it is written and record it; once every declaration is known, `check`
// proves each one names something the document declares (or an XML Schema built-in). A WSDL that names
// types it never defines (Marketo's partial 2_6 WSDL did) fails with one line saying which reference and
// where, before anything is generated or compared.
import type { Element } from '@xmldom/xmldom';
import { CodegenError } from '../errors.js';
import { isXsdBuiltin } from '../xsd-builtins.js';
import type { ClarkName } from './model.js';
import { XSD_NS } from './namespaces.js';
import { attr, describeNode } from './xml.js';

/** The symbol space a reference points into. */
type SymbolSpace = 'type' | 'element' | 'message' | 'portType' | 'binding';

/** What the document declares, by symbol space (Clark names). */
type Declarations = Readonly<Record<SymbolSpace, ReadonlySet<ClarkName>>>;

interface PendingReference {
  readonly space: SymbolSpace;
  readonly name: ClarkName;
  /** The QName as the document wrote it, e.g. `tns:Foo`. */
  readonly written: string;
  readonly node: Element;
}

/** `{namespace}local`, or `local` without a namespace. */
export function clark(namespace: string | null, local: string): ClarkName {
  return namespace ? `{${namespace}}${local}` : local;
}

/** The local part of a Clark name. */
export function localName(name: ClarkName): string {
  return name.replace(/^\{[^}]*\}/, '');
}

/** The namespace of a Clark name (`''` when it has none). */
export function namespaceOf(name: ClarkName): string {
  return /^\{([^}]*)\}/.exec(name)?.[1] ?? '';
}

/** Collects the references of one document and the problems found on the way. */
export class ReferenceResolver {
  private readonly pending: PendingReference[] = [];
  private readonly problems: string[] = [];

  constructor(private readonly source: string) {}

  /** Resolves the QName in `attribute` of `node` into `space`; `null` when the attribute is absent. */
  resolve(node: Element, attribute: string, space: SymbolSpace): ClarkName | null {
    const written = attr(node, attribute)?.trim();
    if (written === undefined) return null;
    const colon = written.indexOf(':');
    const prefix = colon >= 0 ? written.slice(0, colon) : null;
    const local = written.slice(colon + 1);
    const namespace = node.lookupNamespaceURI(prefix);
    if (prefix !== null && !namespace) {
      this.problem(
        `undeclared namespace prefix "${prefix}" in ${space} reference "${written}" (${describeNode(node)})`,
      );
      return clark(null, written);
    }
    const name = clark(namespace, local);
    this.pending.push({ space, name, written, node });
    return name;
  }

  /** Records a problem found while reading (reported with the unresolved references). */
  problem(text: string): void {
    this.problems.push(text);
  }

  /**
   * Throws a CodegenError naming the first problem (and how many more there are) once every reference
   * has been checked against `declared`.
   */
  check(declared: Declarations): void {
    const problems = [...this.problems];
    for (const reference of this.pending) {
      const problem = this.checkOne(reference, declared);
      if (problem) problems.push(problem);
    }
    if (problems.length === 0) return;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new CodegenError(this.source, `${problems[0]}${more}`);
  }

  private checkOne({ space, name, written, node }: PendingReference, declared: Declarations): string | undefined {
    const where = describeNode(node);
    if (space === 'type' && namespaceOf(name) === XSD_NS) {
      return isXsdBuiltin(localName(name)) ? undefined : `unknown XML Schema type "${written}" (${where})`;
    }
    if (declared[space].has(name)) return undefined;
    const noun = space === 'portType' ? 'port type' : space;
    return `unresolved ${noun} reference "${written}" (${where})`;
  }
}
