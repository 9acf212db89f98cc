// ActivityTypeFilter: include or exclude activity types by their WSDL tokens (`VisitWebpage`), matched
// against the display names records carry (`Visit Webpage`). Include and exclude together are refused,
// as Marketo documents; a token outside the WSDL's enum is 20107 (Activity Key Bad).
import { activityDisplayName, isActivityType } from '../instance/activity-types.js';
import { MarketoFault } from '../marketo-fault.js';
import { asRecord, listItems, optionalText } from '../soap-values.js';

/** Whether an activity of a display name passes the filter. */
type ActivityTypePredicate = (displayName: string) => boolean;

function displayNames(list: unknown): Set<string> | undefined {
  const items = listItems(list, 'activityType');
  if (list === undefined || list === null) return undefined;
  const names = new Set<string>();
  for (const item of items) {
    const token = optionalText(item);
    if (token === undefined) continue;
    if (!isActivityType(token)) throw new MarketoFault(20107, `"${token}" is not an ActivityType`);
    names.add(activityDisplayName(token));
  }
  return names;
}

/**
 * Reads an ActivityTypeFilter (absent or empty: every type).
 * @throws MarketoFault 20110 for includeTypes with excludeTypes, 20107 for an unknown type
 */
export function readActivityFilter(value: unknown): ActivityTypePredicate {
  const filter = asRecord(value);
  const include = displayNames(filter?.includeTypes);
  const exclude = displayNames(filter?.excludeTypes);
  if (include && exclude) throw new MarketoFault(20110, 'activityFilter takes includeTypes or excludeTypes, not both');
  if (include && include.size > 0) return (name) => include.has(name);
  if (exclude) return (name) => !exclude.has(name);
  return () => true;
}
