// getCustomObjects: records of one type, optionally narrowed by key values (any of the type's keys, e.g.
// the lead link MKTOID alone), in pages of at most 100, in the order they were created. Every key and
// the fields asked for by includeAttributes (all when it is empty) are returned, fields sorted by name.
// newStreamPosition is never empty: it holds the last record's sequence number, so passing it back later
// returns only records created since; remainingCount is exact and ends the iteration at 0.
import type { CustomObj, SuccessGetCustomObjects } from '@org/mktows-types';

import { MarketoFault } from '../marketo-fault.js';
import { listItems, optionalText } from '../soap-values.js';
import { findCustomObjectType, readAttributes, toAttributeList } from './custom-object-input.js';
import type { HandlerFactory } from './operation-context.js';
import { decodePosition, encodePosition, fingerprint, pageSize, positionNumber } from './paging.js';

/** The most records getCustomObjects returns per page. */
const GET_CUSTOM_OBJECTS_PAGE_CAP = 100;

/**
 * The getCustomObjects handler.
 * @throws MarketoFault 20109/20110 for the type, 20110 for a criterion that is not a key or a field name
 *   that is not a field, 20122 for a position of another query
 */
export const getCustomObjectsHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const table = findCustomObjectType(instance, args.objTypeName);
  const { type } = table;
  const criteria = readAttributes(args.customObjKeyList);
  for (const { name } of criteria) {
    if (!type.keys.includes(name)) throw new MarketoFault(20110, `"${name}" is not a key of ${type.name}`);
  }
  const include = listItems(args.includeAttributes, 'stringItem').flatMap((item) => optionalText(item) ?? []);
  for (const name of include) {
    if (!type.fields.includes(name) && !type.keys.includes(name)) {
      throw new MarketoFault(20110, `"${name}" is not a field of ${type.name}`);
    }
  }
  const size = pageSize(args.batchSize, GET_CUSTOM_OBJECTS_PAGE_CAP);
  const query = fingerprint('getCustomObjects', type.name, criteria, include);
  const positionText = optionalText(args.streamPosition);
  const position = positionText === undefined ? undefined : decodePosition(positionText, query);
  const afterSeq = position ? positionNumber(position, 'sq') : 0;
  const returnedBefore = position ? positionNumber(position, 'os') : 0;

  const rest = instance.customObjects
    .ordered(table)
    .filter((record) => record.seq > afterSeq && criteria.every(({ name, value }) => record.keys[name] === value));
  const page = rest.slice(0, size);
  const shown = (name: string): boolean => include.length === 0 || include.includes(name);
  const customObj = page.map((record): CustomObj => ({
    customObjKeyList: toAttributeList(type.keys.map((key) => [key, record.keys[key] ?? ''])),
    customObjAttributeList: toAttributeList(
      Object.entries(record.attributes)
        .filter(([name]) => shown(name))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
  }));
  const response: SuccessGetCustomObjects = {
    result: {
      objTypeName: type.name,
      returnCount: page.length,
      remainingCount: rest.length - page.length,
      newStreamPosition: encodePosition({
        q: query,
        sq: page.at(-1)?.seq ?? afterSeq,
        os: returnedBefore + page.length,
      }),
      customObjList: { customObj },
    },
  };
  return response;
};
