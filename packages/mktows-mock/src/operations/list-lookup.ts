// Finding a static list from a request: by Id, by name (a list of the lead database) or `Program.List`.
import type { MarketoInstance } from '../instance/marketo-instance.js';
import type { StaticList } from '../instance/static-lists.js';
import { MarketoFault } from '../marketo-fault.js';

/**
 * The list an Id and/or a name name (both given: they must name the same list).
 * @throws MarketoFault 20109 when neither is given, 20111 when no list matches, 20110 when a name is
 *   ambiguous or the Id and the name disagree
 */
export function findList(instance: MarketoInstance, id: number | undefined, name: string | undefined): StaticList {
  if (id === undefined && name === undefined) throw new MarketoFault(20109, 'a list Id or name is required');
  const byId = id === undefined ? undefined : instance.lists.get(id);
  if (id !== undefined && !byId) throw new MarketoFault(20111, `no static list with Id ${id}`);
  if (name === undefined) return byId as StaticList;
  const byName = instance.lists.findByName(name);
  if (byName.length === 0) throw new MarketoFault(20111, `no static list named "${name}"`);
  if (byId) {
    if (!byName.includes(byId)) throw new MarketoFault(20110, `list ${id} is not named "${name}"`);
    return byId;
  }
  if (byName.length > 1) {
    throw new MarketoFault(20110, `${byName.length} lists are named "${name}": name one as Program.List, or by Id`);
  }
  return byName[0] as StaticList;
}
