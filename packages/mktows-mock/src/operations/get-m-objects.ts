// getMObjects: Opportunity, OpportunityPersonRole or Program objects by id or external key (at most one),
// criteria and associations, ascending Id, 100 per page. hasMore (not the position) ends the iteration;
// newStreamPosition is never empty: it holds the last Id returned, so a client passing it back later gets
// what was created since.
import type { SuccessGetMObjects } from '@org/mktows-types';

import { MarketoFault } from '../marketo-fault.js';
import { optionalBoolean, optionalInteger, optionalText } from '../soap-values.js';
import { readAssociations, readExternalKey } from './mobject-input.js';
import { opportunityObject, programObject, roleObject } from './mobject-output.js';
import type { QueriedObject } from './mobject-query.js';
import { hasAssociations, includesArchived, meetsCriteria, readCriteria } from './mobject-query.js';
import type { HandlerFactory } from './operation-context.js';
import { decodePosition, encodePosition, fingerprint, positionNumber } from './paging.js';

/** Objects per getMObjects page (Marketo's fixed page size; the call has no batchSize). */
const GET_M_OBJECTS_PAGE_SIZE = 100;

/**
 * The getMObjects handler.
 * @throws MarketoFault 20109 without type, 20110 for an unsupported type, both id and externalKey, or a bad
 *   criterion or association, 20122 for a position of another query
 */
export const getMObjectsHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const type = optionalText(args.type);
  if (type === undefined) throw new MarketoFault(20109, 'type is required');
  const id = optionalInteger(args.id);
  const externalKey = readExternalKey(args.externalKey);
  if (id !== undefined && externalKey !== undefined) throw new MarketoFault(20110, 'give id or externalKey, not both');
  const criteria = readCriteria(args.mObjCriteriaList);
  const associations = readAssociations(args.mObjAssociationList);
  const includeDetails = optionalBoolean(args.includeDetails) ?? false;

  let candidates: QueriedObject[];
  switch (type) {
    case 'Opportunity':
      candidates = instance.opportunities.all().map((object) => ({ type, object }));
      break;
    case 'OpportunityPersonRole':
      candidates = instance.roles.all().map((object) => ({ type, object }));
      break;
    case 'Program':
      candidates = instance.programs
        .all()
        .filter((program) => !program.archived || includesArchived(criteria))
        .map((object) => ({ type, object }));
      break;
    default:
      throw new MarketoFault(20110, 'getMObjects supports the types Opportunity, OpportunityPersonRole and Program');
  }
  if (externalKey !== undefined && type !== 'Opportunity') throw new MarketoFault(20110, `${type} has no external key`);
  if (associations.length > 0 && type === 'Program') throw new MarketoFault(20110, 'Program has no associations');
  const query = fingerprint(
    'getMObjects',
    type,
    id ?? null,
    externalKey ?? null,
    criteria,
    associations,
    includeDetails,
  );
  const positionText = optionalText(args.streamPosition);
  const afterId = positionText === undefined ? 0 : positionNumber(decodePosition(positionText, query), 'id');

  const matches = candidates.filter(
    (queried) =>
      queried.object.id > afterId &&
      (id === undefined || queried.object.id === id) &&
      (externalKey === undefined ||
        (queried.type === 'Opportunity' &&
          queried.object.externalKey?.name === externalKey.name &&
          queried.object.externalKey.value === externalKey.value)) &&
      meetsCriteria(instance, queried, criteria) &&
      hasAssociations(instance, queried, associations),
  );
  const page = matches.slice(0, GET_M_OBJECTS_PAGE_SIZE);
  const workspaces = instance.settings.workspaces;
  const response: SuccessGetMObjects = {
    result: {
      returnCount: page.length,
      hasMore: matches.length > page.length,
      newStreamPosition: encodePosition({ q: query, id: page.at(-1)?.object.id ?? afterId }),
      mObjectList: {
        mObject: page.map((queried) => {
          switch (queried.type) {
            case 'Opportunity':
              return opportunityObject(queried.object);
            case 'OpportunityPersonRole':
              return roleObject(queried.object);
            case 'Program':
              return programObject(queried.object, workspaces, includeDetails);
          }
        }),
      },
    },
  };
  return response;
};
