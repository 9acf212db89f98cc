// Stored MObjects as getMObjects returns them: type, id, external key, timestamps, attribList (sorted by
// name), then for a program its tags (and, with includeDetails, its tokens and costs) as typeAttribs, and
// for an opportunity its associations.
import type { Attrib, MObject, MObjAssociation, TypeAttrib } from '@org/mktows-types';

import type { Association, Opportunity, OpportunityPersonRole } from '../instance/opportunities.js';
import type { Program } from '../instance/programs.js';
import { formatW3CDateTime } from '../time-format.js';
import type { Workspaces } from '../workspaces.js';

function attribList(values: Readonly<Record<string, string | undefined>>): { attrib: Attrib[] } {
  const attrib = Object.keys(values)
    .sort()
    .flatMap((name) => {
      const value = values[name];
      return value === undefined ? [] : [{ name, value }];
    });
  return { attrib };
}

function association(link: Association): MObjAssociation {
  return {
    mObjType: link.mObjType,
    ...(link.id === undefined ? {} : { id: link.id }),
    ...(link.externalKey === undefined ? {} : { externalKey: { ...link.externalKey } }),
  };
}

/** An opportunity as an MObject. */
export function opportunityObject(opportunity: Opportunity): MObject {
  return {
    type: 'Opportunity',
    id: opportunity.id,
    ...(opportunity.externalKey ? { externalKey: { ...opportunity.externalKey } } : {}),
    createdAt: formatW3CDateTime(opportunity.createdAt),
    updatedAt: formatW3CDateTime(opportunity.updatedAt),
    attribList: attribList(opportunity.attributes),
    ...(opportunity.associations.length > 0
      ? { associationList: { mObjAssociation: opportunity.associations.map(association) } }
      : {}),
  };
}

/** The attributes of a role, by field name. */
export function roleAttributes(role: OpportunityPersonRole): Record<string, string | undefined> {
  return {
    OpportunityId: String(role.opportunityId),
    PersonId: String(role.personId),
    Role: role.role,
    IsPrimary: role.isPrimary === undefined ? undefined : String(role.isPrimary),
    ExternalCreatedDate: role.externalCreatedDate,
  };
}

/** An opportunity person role as an MObject. */
export function roleObject(role: OpportunityPersonRole): MObject {
  return {
    type: 'OpportunityPersonRole',
    id: role.id,
    createdAt: formatW3CDateTime(role.createdAt),
    updatedAt: formatW3CDateTime(role.updatedAt),
    attribList: attribList(roleAttributes(role)),
  };
}

/** The attributes of a program, by the names getMObjects shows (and its criteria use). */
export function programAttributes(program: Program, workspaces: Workspaces): Record<string, string> {
  return {
    Name: program.name,
    Type: program.type,
    'Workspace Id': String(workspaces.idOf(program.workspace) ?? ''),
    'Workspace Name': program.workspace,
    'Tree Path': program.treePath,
    'Is Archived': String(program.archived),
  };
}

function typeAttrib(attrType: string, values: Array<[string, string | undefined]>): TypeAttrib {
  return {
    attrType,
    attrList: { attrib: values.flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }])) },
  };
}

/** A program as an MObject; `includeDetails` adds its tokens and cost lines. */
export function programObject(program: Program, workspaces: Workspaces, includeDetails: boolean): MObject {
  const typeAttribs = [
    ...program.tags.map((tag) =>
      typeAttrib('Tag', [
        ['Type', tag.type],
        ['Value', tag.value],
      ]),
    ),
    ...(includeDetails
      ? [
          ...program.tokens.map((token) =>
            typeAttrib('Token', [
              ['Name', token.name],
              ['Value', token.value],
            ]),
          ),
          ...program.costs.map((cost) =>
            typeAttrib('Cost', [
              ['Id', String(cost.id)],
              ['Month', cost.month],
              ['Amount', String(cost.amount)],
              ['Note', cost.note],
            ]),
          ),
        ]
      : []),
  ];
  return {
    type: 'Program',
    id: program.id,
    createdAt: formatW3CDateTime(program.createdAt),
    updatedAt: formatW3CDateTime(program.updatedAt),
    attribList: attribList(programAttributes(program, workspaces)),
    ...(typeAttribs.length > 0 ? { typeAttribList: { typeAttrib: typeAttribs } } : {}),
  };
}
