// syncMObjects: up to 100 objects (more is a fault: Marketo documents the limit, not what happens past it,
// and dropping objects silently would lose data), each synced in request order, so a role may name an
// opportunity created earlier in the same call by its external key. One status per object: a problem of
// one object fails that object only (FAILED, id 0 when it has none), the others are synced.
import { SYNC_OPERATION_ENUM_VALUES } from '@org/mktows-types';
import type { MObjStatus, SuccessSyncMObjects, SyncOperationEnum } from '@org/mktows-types';

import { MarketoFault } from '../marketo-fault.js';
import { listItems, optionalText } from '../soap-values.js';
import { ObjectFailure, readMObject } from './mobject-input.js';
import { syncOpportunity, syncRole } from './mobject-sync-opportunity.js';
import { syncProgram } from './mobject-sync-program.js';
import type { HandlerFactory } from './operation-context.js';

/** The most objects one syncMObjects (or syncCustomObjects) call may carry. */
export const MAX_OBJECTS_PER_SYNC = 100;

/**
 * The syncMObjects handler.
 * @throws MarketoFault 20109 without operation, 20110 for an unknown operation or over 100 objects
 */
export const syncMObjectsHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const operation = optionalText(args.operation);
  if (operation === undefined) throw new MarketoFault(20109, 'operation is required');
  if (!(SYNC_OPERATION_ENUM_VALUES as readonly string[]).includes(operation)) {
    throw new MarketoFault(20110, `operation must be one of ${SYNC_OPERATION_ENUM_VALUES.join(', ')}`);
  }
  const objects = listItems(args.mObjectList, 'mObject');
  if (objects.length > MAX_OBJECTS_PER_SYNC) {
    throw new MarketoFault(
      20110,
      `mObjectList holds ${objects.length} objects; at most ${MAX_OBJECTS_PER_SYNC} are allowed`,
    );
  }
  const mObjStatus = objects.map((item): MObjStatus => {
    const input = readMObject(item);
    try {
      switch (input.type) {
        case 'Opportunity':
          return syncOpportunity(instance, input, operation as SyncOperationEnum);
        case 'OpportunityPersonRole':
          return syncRole(instance, input, operation as SyncOperationEnum);
        case 'Program':
          return syncProgram(instance, input, operation as SyncOperationEnum);
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
