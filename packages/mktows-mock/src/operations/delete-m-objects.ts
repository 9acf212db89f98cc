// deleteMObjects: deletes Opportunity and OpportunityPersonRole objects by id. One status per object:
// DELETED, UNCHANGED for an id that names nothing (deleting twice is harmless), FAILED for an object
// without id or of another type. Deleting an opportunity deletes its person roles too (they would point
// at nothing).
import type { MObjStatus, SuccessDeleteMObjects } from '@org/mktows-types';

import { listItems } from '../soap-values.js';
import { readMObject } from './mobject-input.js';
import type { HandlerFactory } from './operation-context.js';

/** The deleteMObjects handler. */
export const deleteMObjectsHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const mObjStatus = listItems(args.mObjectList, 'mObject').map((item): MObjStatus => {
    const { type, id } = readMObject(item);
    if (type !== 'Opportunity' && type !== 'OpportunityPersonRole') {
      return { id: id ?? 0, status: 'FAILED', error: 'type must be Opportunity or OpportunityPersonRole' };
    }
    if (id === undefined) return { id: 0, status: 'FAILED', error: `a ${type} is deleted by its id` };
    if (type === 'OpportunityPersonRole') return { id, status: instance.roles.delete(id) ? 'DELETED' : 'UNCHANGED' };
    if (!instance.opportunities.delete(id)) return { id, status: 'UNCHANGED' };
    for (const role of instance.roles.all()) if (role.opportunityId === id) instance.roles.delete(role.id);
    return { id, status: 'DELETED' };
  });
  const response: SuccessDeleteMObjects = { result: { mObjStatusList: { mObjStatus } } };
  return response;
};
