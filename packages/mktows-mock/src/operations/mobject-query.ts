// getMObjects' filters: criteria (attrName, comparison, attrValue; several combine with AND) and
// associations. Values compare as numbers when both sides are numbers, as date-times when both are, as
// text otherwise. Each type has its criteria names; archived programs are left out unless a criterion
// `Include Archive` EQ true asks for them.
import { COMPARISON_ENUM_VALUES } from '@org/mktows-types';
import type { ComparisonEnum } from '@org/mktows-types';

import type { MarketoInstance } from '../instance/marketo-instance.js';
import { OPPORTUNITY_FIELDS } from '../instance/mobject-fields.js';
import type { Association, Opportunity, OpportunityPersonRole } from '../instance/opportunities.js';
import { opportunityByExternalKey } from '../instance/opportunities.js';
import type { Program } from '../instance/programs.js';
import { MarketoFault } from '../marketo-fault.js';
import { asRecord, listItems, optionalText } from '../soap-values.js';
import { parseW3CDateTime } from '../time-format.js';
import { programAttributes, roleAttributes } from './mobject-output.js';

/** A stored object getMObjects can return. */
export type QueriedObject =
  | { type: 'Opportunity'; object: Opportunity }
  | { type: 'OpportunityPersonRole'; object: OpportunityPersonRole }
  | { type: 'Program'; object: Program };

/** A criterion of mObjCriteriaList. */
interface Criterion {
  attrName: string;
  comparison: ComparisonEnum;
  attrValue: string;
}

/** The criterion that makes archived programs part of the answer. */
const INCLUDE_ARCHIVE = 'Include Archive';

/**
 * The criteria of a request.
 * @throws MarketoFault 20110 for a criterion without attrName or with an unknown comparison
 */
export function readCriteria(list: unknown): Criterion[] {
  return listItems(list, 'mObjCriteria').map((item) => {
    const criterion = asRecord(item) ?? {};
    const attrName = optionalText(criterion.attrName);
    const comparison = optionalText(criterion.comparison);
    if (attrName === undefined) throw new MarketoFault(20110, 'mObjCriteria needs an attrName');
    if (!(COMPARISON_ENUM_VALUES as readonly (string | undefined)[]).includes(comparison)) {
      throw new MarketoFault(20110, `comparison must be one of ${COMPARISON_ENUM_VALUES.join(', ')}`);
    }
    const value = criterion.attrValue;
    const attrValue = value instanceof Date ? value.toISOString() : (optionalText(value) ?? '');
    return { attrName, comparison: comparison as ComparisonEnum, attrValue };
  });
}

function ordering(left: string, right: string): number {
  const [a, b] = [Number(left), Number(right)];
  if (left.trim() !== '' && right.trim() !== '' && Number.isFinite(a) && Number.isFinite(b)) return a - b;
  const [da, db] = [parseW3CDateTime(left), parseW3CDateTime(right)];
  if (da !== undefined && db !== undefined) return da - db;
  return left < right ? -1 : left > right ? 1 : 0;
}

function compare(values: readonly string[], criterion: Criterion): boolean {
  const test = (value: string): boolean => {
    const order = ordering(value, criterion.attrValue);
    switch (criterion.comparison) {
      case 'EQ':
        return order === 0;
      case 'NE':
        return order !== 0;
      case 'LT':
        return order < 0;
      case 'LE':
        return order <= 0;
      case 'GT':
        return order > 0;
      case 'GE':
        return order >= 0;
    }
  };
  // A multi-valued attribute (a program's tags) matches when one value does; NE when none is equal.
  return criterion.comparison === 'NE' ? values.every(test) : values.some(test);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The values of a criterion's attribute for an object; undefined when the type has no such criterion. */
function criterionValues(instance: MarketoInstance, queried: QueriedObject, attrName: string): string[] | undefined {
  const { object } = queried;
  const common: Record<string, string> = {
    Id: String(object.id),
    'Created At': iso(object.createdAt),
    'Updated At': iso(object.updatedAt),
  };
  if (attrName in common) return [common[attrName] as string];
  switch (queried.type) {
    case 'Opportunity': {
      if (attrName === 'CRM Id') return [queried.object.externalKey?.value ?? ''];
      if (!OPPORTUNITY_FIELDS.some((field) => field.name === attrName)) return undefined;
      return [queried.object.attributes[attrName] ?? ''];
    }
    case 'OpportunityPersonRole': {
      const attributes = roleAttributes(queried.object);
      return attrName in attributes ? [attributes[attrName] ?? ''] : undefined;
    }
    case 'Program': {
      const program = queried.object;
      if (attrName === 'Tag Type') return program.tags.map((tag) => tag.type);
      if (attrName === 'Tag Value') return program.tags.map((tag) => tag.value);
      if (attrName === 'CRM Id') return [''];
      const attributes = programAttributes(program, instance.settings.workspaces);
      return attrName === 'Tree Path' || attrName === 'Is Archived' || !(attrName in attributes)
        ? undefined
        : [attributes[attrName] ?? ''];
    }
  }
}

/**
 * Whether an object meets every criterion.
 * @throws MarketoFault 20110 for a criterion name the type does not have
 */
export function meetsCriteria(
  instance: MarketoInstance,
  queried: QueriedObject,
  criteria: readonly Criterion[],
): boolean {
  return criteria.every((criterion) => {
    if (criterion.attrName === INCLUDE_ARCHIVE) {
      if (queried.type !== 'Program') throw new MarketoFault(20110, `${INCLUDE_ARCHIVE} applies to Program only`);
      return true;
    }
    const values = criterionValues(instance, queried, criterion.attrName);
    if (values === undefined) throw new MarketoFault(20110, `${queried.type} has no criterion "${criterion.attrName}"`);
    return compare(values, criterion);
  });
}

/** Whether archived programs are asked for. */
export function includesArchived(criteria: readonly Criterion[]): boolean {
  return criteria.some(
    (criterion) =>
      criterion.attrName === INCLUDE_ARCHIVE && criterion.comparison === 'EQ' && criterion.attrValue === 'true',
  );
}

function sameLink(link: Association, wanted: Association): boolean {
  if (link.mObjType !== wanted.mObjType) return false;
  if (wanted.id !== undefined) return link.id === wanted.id;
  return (
    wanted.externalKey !== undefined &&
    link.externalKey?.name === wanted.externalKey.name &&
    link.externalKey.value === wanted.externalKey.value
  );
}

function opportunityIdOf(instance: MarketoInstance, wanted: Association): number | undefined {
  if (wanted.id !== undefined) return wanted.id;
  return wanted.externalKey && opportunityByExternalKey(instance.opportunities, wanted.externalKey)?.id;
}

/**
 * Whether an object is associated with every wanted object: an opportunity with a Company (as linked) or
 * a Lead (through a role); a role with its Lead or Opportunity.
 * @throws MarketoFault 20110 for an association the type cannot have
 */
export function hasAssociations(
  instance: MarketoInstance,
  queried: QueriedObject,
  wanted: readonly Association[],
): boolean {
  return wanted.every((link) => {
    if (queried.type === 'Opportunity' && link.mObjType === 'Lead') {
      return instance.roles.all().some((role) => role.opportunityId === queried.object.id && role.personId === link.id);
    }
    if (queried.type === 'Opportunity') return queried.object.associations.some((own) => sameLink(own, link));
    if (queried.type === 'OpportunityPersonRole' && link.mObjType === 'Lead')
      return queried.object.personId === link.id;
    if (queried.type === 'OpportunityPersonRole' && link.mObjType === 'Opportunity') {
      return queried.object.opportunityId === opportunityIdOf(instance, link);
    }
    throw new MarketoFault(20110, `${queried.type} has no association with ${link.mObjType}`);
  });
}
