// The result of a WSDL diff and the list that collects it: each change gets its bump from the policy
// and the directions the changed component travels in.
import { bumpFor, maxBump, type Bump, type ChangeKind, type Direction } from './policy.js';

/** One API change between two WSDLs. */
export interface ApiChange {
  /** What kind of change (a key of the policy table). */
  readonly kind: ChangeKind;
  /** Where: `operations.syncLead`, `types.ParamsSyncLead.marketoCookie`, `types.LeadKeyRef["IDNUM"]`, ... */
  readonly path: string;
  /** What changed, one line, naming the old and new values and (when it matters) the direction of use. */
  readonly detail: string;
  /** The bump this change needs. */
  readonly bump: Bump;
}

/** The API changes between two WSDLs and the bump they need together. */
export interface WsdlDiff {
  /** The strongest bump of the changes; `none` when there are none (or only bump-free ones). */
  readonly bump: Bump;
  /** The changes, sorted by path, then kind. */
  readonly changes: ApiChange[];
}

function describeDirections(directions: readonly Direction[]): string {
  if (directions.length === 0) return 'used by no operation, so counted as request and response';
  if (directions.length === 2) return 'in requests and responses';
  return directions[0] === 'request' ? 'in requests' : 'in responses';
}

/** Collects changes while the comparers walk the two WSDLs. */
export class ChangeList {
  private readonly changes: ApiChange[] = [];

  /**
   * Records a change. `directions` are where the changed schema component travels (empty: no operation
   * uses it), named at the end of the detail; omitted for changes that are not about a schema component.
   */
  add(kind: ChangeKind, path: string, detail: string, directions?: readonly Direction[]): void {
    const suffix = directions ? ` (${describeDirections(directions)})` : '';
    this.changes.push({ kind, path, detail: `${detail}${suffix}`, bump: bumpFor(kind, directions ?? []) });
  }

  /** The collected changes as a sorted diff. */
  result(): WsdlDiff {
    const changes = [...this.changes].sort(
      (a, b) => compareText(a.path, b.path) || compareText(a.kind, b.kind) || compareText(a.detail, b.detail),
    );
    return { bump: maxBump(changes.map((change) => change.bump)), changes };
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
