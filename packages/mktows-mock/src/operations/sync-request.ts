// What syncMObjects and syncCustomObjects read alike: the operation (one of the WSDL's SyncOperationEnum
// values) and the list of objects, at most 100 (more is a fault: Marketo documents the limit, not what
// happens past it, and dropping objects silently would lose data).
import { SYNC_OPERATION_ENUM_VALUES, type SyncOperationEnum } from '@org/mktows-types';

import { MarketoFault } from '../marketo-fault.js';
import { listItems, optionalText } from '../soap-values.js';

/** The most objects one syncMObjects (or syncCustomObjects) call may carry. */
export const MAX_OBJECTS_PER_SYNC = 100;

/**
 * A sync call's `operation`, or `fallback` when it is absent.
 * @throws MarketoFault 20109 when absent without a fallback, 20110 for a value outside SyncOperationEnum
 */
export function readSyncOperation(value: unknown, fallback?: SyncOperationEnum): SyncOperationEnum {
  const operation = optionalText(value) ?? fallback;
  if (operation === undefined) throw new MarketoFault(20109, 'operation is required');
  if (!(SYNC_OPERATION_ENUM_VALUES as readonly string[]).includes(operation)) {
    throw new MarketoFault(20110, `operation must be one of ${SYNC_OPERATION_ENUM_VALUES.join(', ')}`);
  }
  return operation as SyncOperationEnum;
}

/**
 * The `item` elements of a sync call's list (`listName`), counted as `noun` in the fault.
 * @throws MarketoFault 20110 for more than {@link MAX_OBJECTS_PER_SYNC}
 */
export function readSyncItems(list: unknown, item: string, listName: string, noun: string): unknown[] {
  const items = listItems(list, item);
  if (items.length > MAX_OBJECTS_PER_SYNC) {
    throw new MarketoFault(
      20110,
      `${listName} holds ${items.length} ${noun}; at most ${MAX_OBJECTS_PER_SYNC} are allowed`,
    );
  }
  return items;
}
