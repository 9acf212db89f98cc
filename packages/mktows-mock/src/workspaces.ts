// Marketo workspaces and lead partitions, and the rules syncLead follows with them:
// - off: every lead lives in the "Default" workspace's "Default" partition, and a context header must name
//   "Default";
// - on, header given: new leads go to the partition an assignment rule picks, else the named workspace's
//   primary partition; leads matched by Id, foreign id or cookie must be in that primary partition (else
//   fault 20106); a lead matched by Email is updated where it is;
// - on, no header: new leads per assignment rule, else the Default workspace's primary partition; existing
//   leads are updated where they are.
import { ValidationError } from '@org/mktows-auth';

import { MarketoFault } from './marketo-fault.js';
import type { ForeignSysType, StoredLead } from './lead-store.js';

/** The workspace every instance has, and the one a request without a context header targets. */
export const DEFAULT_WORKSPACE = 'Default';

/** One workspace: its name, its primary partition, and any further partitions it can see. */
export interface WorkspaceDefinition {
  name: string;
  /** Where new leads synced with this workspace in the context header go (unless a rule says otherwise). */
  primaryPartition: string;
  /** More partitions of this workspace (the primary one is always included). */
  partitions?: readonly string[];
}

/** The lead an assignment rule looks at: a new lead with the request's values applied. */
export interface AssignmentCandidate {
  email: string | null;
  foreignSysPersonId: string | null;
  foreignSysType: ForeignSysType | null;
  attributes: Readonly<Record<string, string>>;
}

/** An assignment rule matching a field's value: `{ partition: 'Nordics', field: 'Country', equals: ['Sweden', 'Norway'] }`. */
export interface FieldAssignmentRule {
  /** Where a new lead that matches goes. */
  partition: string;
  /** An attribute name, or `Email`. */
  field: string;
  /** The value (or any of the values) the field must have. */
  equals: string | readonly string[];
}

/** An assignment rule as a predicate: `{ partition: 'Partners', when: (lead) => lead.email?.endsWith('@partner.example') ?? false }`. */
export interface PredicateAssignmentRule {
  /** Where a new lead that matches goes. */
  partition: string;
  /** Whether the new lead goes to `partition`. */
  when: (lead: AssignmentCandidate) => boolean;
}

/** A partition assignment rule for new leads. The first rule that matches wins. */
export type AssignmentRule = FieldAssignmentRule | PredicateAssignmentRule;

/** The `workspaces` option: `false` (off, the default) or the instance's workspaces and rules. */
export type WorkspacesOption =
  | false
  | {
      /** The workspaces; a `Default` workspace with a `Default` primary partition is added if missing. */
      workspaces: readonly WorkspaceDefinition[];
      assignmentRules?: readonly AssignmentRule[];
    };

/** Where a lead lives. */
export interface Placement {
  workspace: string;
  partition: string;
}

/** How a lead was matched by a sync request. */
export type MatchedBy = 'id' | 'foreignId' | 'cookie' | 'email';

interface ResolvedWorkspace {
  readonly name: string;
  readonly primaryPartition: string;
}

/** The workspace a request targets, resolved from its context header. */
export interface TargetWorkspace {
  /** The workspace named by the header; `undefined` when there was no header. */
  readonly named: ResolvedWorkspace | undefined;
}

function ruleMatches(rule: AssignmentRule, lead: AssignmentCandidate): boolean {
  if ('when' in rule) return rule.when(lead);
  const value = rule.field === 'Email' ? lead.email : lead.attributes[rule.field];
  if (value === null || value === undefined) return false;
  return typeof rule.equals === 'string' ? value === rule.equals : rule.equals.includes(value);
}

/** The configured workspaces with syncLead's placement and access rules. */
export class Workspaces {
  /** Whether workspaces are enabled. */
  readonly enabled: boolean;
  private readonly byName = new Map<string, ResolvedWorkspace>();
  private readonly ownerOfPartition = new Map<string, string>();
  private readonly rules: readonly AssignmentRule[];

  /** @throws ValidationError naming the option when the configuration is inconsistent */
  constructor(option: WorkspacesOption | undefined) {
    this.enabled = option !== undefined && option !== false;
    const definitions = option ? [...option.workspaces] : [];
    if (!definitions.some((workspace) => workspace.name === DEFAULT_WORKSPACE)) {
      definitions.unshift({ name: DEFAULT_WORKSPACE, primaryPartition: DEFAULT_WORKSPACE });
    }
    for (const [index, definition] of definitions.entries()) {
      const field = `workspaces.workspaces[${index}]`;
      if (typeof definition.name !== 'string' || definition.name === '') {
        throw new ValidationError(`${field}.name`, 'must be a non-empty string');
      }
      if (this.byName.has(definition.name)) throw new ValidationError(`${field}.name`, 'must be unique');
      if (typeof definition.primaryPartition !== 'string' || definition.primaryPartition === '') {
        throw new ValidationError(`${field}.primaryPartition`, 'must be a non-empty string');
      }
      this.byName.set(definition.name, { name: definition.name, primaryPartition: definition.primaryPartition });
      for (const partition of [definition.primaryPartition, ...(definition.partitions ?? [])]) {
        if (!this.ownerOfPartition.has(partition)) this.ownerOfPartition.set(partition, definition.name);
      }
    }
    this.rules = option ? [...(option.assignmentRules ?? [])] : [];
    for (const [index, rule] of this.rules.entries()) {
      if (!this.ownerOfPartition.has(rule.partition)) {
        throw new ValidationError(
          `workspaces.assignmentRules[${index}].partition`,
          'must be a partition of one of the configured workspaces',
        );
      }
    }
  }

  /**
   * The workspace a request targets, from its `MktowsContextHeader/targetWorkspace` (undefined: no header).
   * @throws MarketoFault 20110 for a workspace other than Default when workspaces are off, or an unknown one
   */
  target(targetWorkspace: string | undefined): TargetWorkspace {
    if (targetWorkspace === undefined) return { named: undefined };
    if (!this.enabled) {
      if (targetWorkspace !== DEFAULT_WORKSPACE) {
        throw new MarketoFault(20110, `targetWorkspace must be "Default": workspaces are not enabled`);
      }
      return { named: undefined };
    }
    const named = this.byName.get(targetWorkspace);
    if (!named) throw new MarketoFault(20110, `targetWorkspace "${targetWorkspace}" does not exist`);
    return { named };
  }

  /** Where a new lead goes: an assignment rule's partition, else the target's (or Default's) primary partition. */
  placeNewLead(candidate: AssignmentCandidate, target: TargetWorkspace): Placement {
    if (!this.enabled) return { workspace: DEFAULT_WORKSPACE, partition: DEFAULT_WORKSPACE };
    const rule = this.rules.find((candidateRule) => ruleMatches(candidateRule, candidate));
    if (rule) return this.placementOf(rule.partition);
    const workspace = target.named ?? this.byName.get(DEFAULT_WORKSPACE);
    if (!workspace) throw new Error('the Default workspace is always configured');
    return { workspace: workspace.name, partition: workspace.primaryPartition };
  }

  /**
   * Refuses to update a lead matched by a unique key outside the named workspace's primary partition.
   * @throws MarketoFault 20106
   */
  checkMatchedLead(lead: StoredLead, matchedBy: MatchedBy, target: TargetWorkspace): void {
    const named = target.named;
    if (!this.enabled || !named || matchedBy === 'email') return;
    if (lead.partition !== named.primaryPartition) {
      throw new MarketoFault(
        20106,
        `lead ${lead.id} is in partition "${lead.partition}", not in "${named.primaryPartition}", the primary partition of workspace "${named.name}"`,
      );
    }
  }

  /** The placement of a new lead of workspace `name` (its primary partition); undefined for an unknown one. */
  primaryPlacement(name: string): Placement | undefined {
    if (!this.enabled && name !== DEFAULT_WORKSPACE) return undefined;
    const workspace = this.byName.get(name);
    return workspace && { workspace: workspace.name, partition: workspace.primaryPartition };
  }

  /** A workspace's Id: its position among the workspaces (Default first unless configured elsewhere), from 1. */
  idOf(name: string): number | undefined {
    const index = [...this.byName.keys()].indexOf(name);
    return index < 0 || (!this.enabled && name !== DEFAULT_WORKSPACE) ? undefined : index + 1;
  }

  /**
   * The placement of an explicitly chosen partition (for seeding leads).
   * @throws ValidationError when no configured workspace has the partition
   */
  placementOf(partition: string): Placement {
    const workspace = this.ownerOfPartition.get(partition);
    if (workspace === undefined || (!this.enabled && partition !== DEFAULT_WORKSPACE)) {
      throw new ValidationError('partition', `must be a partition of a configured workspace (got "${partition}")`);
    }
    return { workspace, partition };
  }
}
