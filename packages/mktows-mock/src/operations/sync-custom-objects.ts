// syncCustomObjects: up to 100 records of one type (more is a fault), each identified by all of its keys.
// operation INSERT, UPDATE or UPSERT (the default when absent); one status per record, in request order:
// CREATED or UPDATED, or FAILED with the reason (a missing or foreign key, an unknown field, an MKTOID that
// is no lead, an INSERT of an existing record, an UPDATE of a missing one: the 2_2 enum has no SKIPPED or
// UNCHANGED). An empty value clears a field.
import type { SuccessSyncCustomObjects, SyncCustomObjStatus } from '@org/mktows-types';

import { recordIdentity } from '../instance/custom-objects.js';
import { asRecord } from '../soap-values.js';
import { findCustomObjectType, readAttributes, recordKeys, toAttributeList } from './custom-object-input.js';
import { ObjectFailure } from './mobject-input.js';
import type { HandlerFactory } from './operation-context.js';
import { readSyncItems, readSyncOperation } from './sync-request.js';

/**
 * The syncCustomObjects handler.
 * @throws MarketoFault 20109/20110 for the type, 20110 for an unknown operation or over 100 records
 */
export const syncCustomObjectsHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const table = findCustomObjectType(instance, args.objTypeName);
  const operation = readSyncOperation(args.operation, 'UPSERT');
  const records = readSyncItems(args.customObjList, 'customObj', 'customObjList', 'records');
  const { type } = table;
  const syncCustomObjStatus = records.map((item): SyncCustomObjStatus => {
    const record = asRecord(item) ?? {};
    const givenKeys = readAttributes(record.customObjKeyList);
    const echo = {
      objTypeName: type.name,
      customObjKeyList: toAttributeList(givenKeys.map(({ name, value }) => [name, value])),
    };
    try {
      const keys = recordKeys(instance, type, givenKeys);
      const attributes: Record<string, string> = {};
      for (const { name, value } of readAttributes(record.customObjAttributeList)) {
        if (!type.fields.includes(name)) throw new ObjectFailure(`"${name}" is not a field of ${type.name}`);
        attributes[name] = value;
      }
      const existing = table.records.get(recordIdentity(type, keys));
      if (existing && operation === 'INSERT')
        throw new ObjectFailure('the record exists (INSERT creates new records only)');
      if (!existing && operation === 'UPDATE')
        throw new ObjectFailure('the record does not exist (UPDATE changes existing records only)');
      const target = existing ?? instance.customObjects.insert(table, keys, {});
      for (const [name, value] of Object.entries(attributes)) {
        if (value === '') delete target.attributes[name];
        else target.attributes[name] = value;
      }
      return { ...echo, status: existing ? 'UPDATED' : 'CREATED' };
    } catch (error) {
      if (!(error instanceof ObjectFailure)) throw error;
      return { ...echo, status: 'FAILED', error: error.message };
    }
  });
  const response: SuccessSyncCustomObjects = { result: { syncCustomObjStatusList: { syncCustomObjStatus } } };
  return response;
};
