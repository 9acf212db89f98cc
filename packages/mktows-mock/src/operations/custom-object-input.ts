// What the custom object operations read alike: the type (by name, case-insensitively) and attribute lists.
import type { ArrayOfAttribute } from '@org/mktows-types';

import type { CustomObjectTable, CustomObjectType } from '../instance/custom-objects.js';
import { LEAD_LINK_KEY } from '../instance/custom-objects.js';
import type { MarketoInstance } from '../instance/marketo-instance.js';
import { MarketoFault } from '../marketo-fault.js';
import { asRecord, listItems, optionalText, textKeepingEmpty } from '../soap-values.js';
import { ObjectFailure } from './mobject-input.js';

/**
 * The custom object type a request names.
 * @throws MarketoFault 20109 without objTypeName, 20110 for a type the instance does not have
 */
export function findCustomObjectType(instance: MarketoInstance, value: unknown): CustomObjectTable {
  const name = optionalText(value);
  if (name === undefined) throw new MarketoFault(20109, 'objTypeName is required');
  const table = instance.customObjects.table(name);
  if (!table) throw new MarketoFault(20110, `there is no custom object type "${name}"`);
  return table;
}

/** An ArrayOfAttribute as name/value pairs, in order. */
export function readAttributes(list: unknown): Array<{ name: string; value: string }> {
  return listItems(list, 'attribute').map((item) => {
    const attribute = asRecord(item) ?? {};
    return { name: optionalText(attribute.attrName) ?? '', value: textKeepingEmpty(attribute.attrValue) ?? '' };
  });
}

/** Attributes of a response (attrType left out: nil in Marketo's examples). */
export function toAttributeList(values: ReadonlyArray<readonly [string, string]>): ArrayOfAttribute {
  return { attribute: values.map(([attrName, attrValue]) => ({ attrName, attrValue })) };
}

/**
 * The full key of a record: every key attribute of the type, none other.
 * @throws ObjectFailure naming what is missing or foreign
 */
export function recordKeys(
  instance: MarketoInstance,
  type: CustomObjectType,
  given: ReadonlyArray<{ name: string; value: string }>,
): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const { name, value } of given) {
    if (!type.keys.includes(name))
      throw new ObjectFailure(`"${name}" is not a key of ${type.name} (keys: ${type.keys.join(', ')})`);
    keys[name] = value;
  }
  const missing = type.keys.filter((key) => (keys[key] ?? '') === '');
  if (missing.length > 0) throw new ObjectFailure(`the key ${missing.join(', ')} is missing`);
  const link = keys[LEAD_LINK_KEY];
  if (link !== undefined && !(/^\d+$/.test(link) && instance.leads.get(Number(link)))) {
    throw new ObjectFailure(`${LEAD_LINK_KEY} ${link} is not the Id of a lead`);
  }
  return keys;
}
