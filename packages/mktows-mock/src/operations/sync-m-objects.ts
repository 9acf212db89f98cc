// syncMObjects: up to 100 objects (more is a fault: Marketo documents the limit, not what happens past it,
// and dropping objects silently would lose data), each synced in request order, so a role may name an
// opportunity created earlier in the same call by its external key. One status per object: a problem of
// one object fails that object only (FAILED, id 0 when it has none), the others are synced.
import type { MObjStatus, SuccessSyncMObjects } from '@org/mktows-types';

import { ObjectFailure, readMObject } from './mobject-input.js';
import { syncOpportunity, syncRole } from './mobject-sync-opportunity.js';
import { syncProgram } from './mobject-sync-program.js';
import type { HandlerFactory } from './operation-context.js';
import { readSyncItems, readSyncOperation } from './sync-request.js';

/**
 * The syncMObjects handler.
 * @throws MarketoFault 20109 without operation, 20110 for an unknown operation or over 100 objects
 */
export const syncMObjectsHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const operation = readSyncOperation(args.operation);
  const objects = readSyncItems(args.mObjectList, 'mObject', 'mObjectList', 'objects');
  const mObjStatus = objects.map((item): MObjStatus => {
    const input = readMObject(item);
    try {
      switch (input.type) {
        case 'Opportunity':
          return syncOpportunity(instance, input, operation);
        case 'OpportunityPersonRole':
          return syncRole(instance, input, operation);
        case 'Program':
          return syncProgram(instance, input, operation);
        default:
          throw new ObjectFailure('type must be Opportunity, OpportunityPersonRole or Program');
      }
    } catch (error) {
      if (!(error instanceof ObjectFailure)) throw error;
      return {
        id: input.id ?? 0,
        ...(input.externalKey ? { externalKey: input.externalKey } : {}),
        status: 'FAILED',
        error: error.message,
      };
    }
  });
  const response: SuccessSyncMObjects = { result: { mObjStatusList: { mObjStatus } } };
  return response;
};
