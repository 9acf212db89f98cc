// deleteCustomObjects: deletes records of one type, each named by all of its keys. One status per key
// list: DELETED, or FAILED with the reason (an incomplete key, or no such record: the 2_2 enum has no
// UNCHANGED). The status items are named syncCustomObjStatus, as in the WSDL.
import type { SuccessDeleteCustomObjects, SyncCustomObjStatus } from '@org/mktows-types';

import { recordIdentity } from '../instance/custom-objects.js';
import { listItems } from '../soap-values.js';
import { findCustomObjectType, readAttributes, recordKeys, toAttributeList } from './custom-object-input.js';
import { ObjectFailure } from './mobject-input.js';
import type { HandlerFactory } from './operation-context.js';

/**
 * The deleteCustomObjects handler.
 * @throws MarketoFault 20109/20110 for the type
 */
export const deleteCustomObjectsHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const table = findCustomObjectType(instance, args.objTypeName);
  const { type } = table;
  const syncCustomObjStatus = listItems(args.customObjKeyLists, 'keyList').map((keyList): SyncCustomObjStatus => {
    const givenKeys = readAttributes(keyList);
    const echo = {
      objTypeName: type.name,
      customObjKeyList: toAttributeList(givenKeys.map(({ name, value }) => [name, value])),
    };
    try {
      const identity = recordIdentity(type, recordKeys(instance, type, givenKeys));
      if (!table.records.delete(identity)) throw new ObjectFailure('there is no such record');
      return { ...echo, status: 'DELETED' };
    } catch (error) {
      if (!(error instanceof ObjectFailure)) throw error;
      return { ...echo, status: 'FAILED', error: error.message };
    }
  });
  const response: SuccessDeleteCustomObjects = { result: { deleteCustomObjStatusList: { syncCustomObjStatus } } };
  return response;
};
