// getLeadChanges: activities across leads, oldest first (ascending Id, which is creation order), in pages
// of at most 1000. The offset is `ID:<Id of the last activity considered>`; activities only get higher
// Ids, so passing newStartPosition back visits every activity once, and later polls with the last
// position return exactly what was logged since. Bounds: oldestCreatedAt (or a LastUpdateAtSelector's
// oldestUpdatedAt) and latestCreatedAt (latestUpdatedAt); activityCreatedAt keeps only leads with an
// activity at or after it; a leadSelector keeps only the leads it selects (more than 100 keys is a fault).
import type { SuccessGetLeadChanges } from '@org/mktows-types';

import type { Activity } from '../instance/activity-log.js';
import { MarketoFault } from '../marketo-fault.js';
import { readActivityFilter } from './activity-filter.js';
import { toLeadChangeRecord } from './activity-records.js';
import { nextStreamPosition, readStreamPosition } from './get-lead-activity.js';
import { readLeadSelector, selectedLeads } from './lead-selector.js';
import type { HandlerFactory } from './operation-context.js';
import { activityOffset, pageSize } from './paging.js';

/** The most records getLeadChanges returns per page. */
const GET_LEAD_CHANGES_PAGE_CAP = 1000;

/**
 * The getLeadChanges handler.
 * @throws MarketoFault 20109 without startPosition, 20110 for over 100 keys or bad values, 20107 for an
 *   unknown activity type, 20122 for an offset not issued here, 20022 for a window over 30 days
 */
export const getLeadChangesHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  if (args.startPosition === undefined) throw new MarketoFault(20109, 'startPosition is required');
  const position = readStreamPosition(args.startPosition);
  if (position.afterId !== undefined && position.afterId >= instance.activities.nextActivityId) {
    throw new MarketoFault(20122, `offset ${activityOffset(position.afterId)} is ahead of the activity log`);
  }
  const passes = readActivityFilter(args.activityFilter);
  const size = pageSize(args.batchSize, GET_LEAD_CHANGES_PAGE_CAP);
  const selection = readLeadSelector(args.leadSelector, instance, 'fault');
  const leadIds = selection && new Set(selectedLeads(instance, selection).map(({ lead }) => lead.id));
  const window = selection?.kind === 'updated' ? selection : undefined;
  const lower = Math.max(position.oldest ?? -Infinity, window?.oldest ?? -Infinity);
  const upper = Math.min(position.latest ?? Infinity, window?.latest ?? Infinity);
  const activeSince = position.activityCreatedAt;
  const hasActivitySince = (leadId: number): boolean =>
    activeSince === undefined || instance.activities.forLead(leadId).some((activity) => activity.at >= activeSince);

  const matches = (activity: Activity): boolean =>
    passes(activity.type) &&
    activity.at >= lower &&
    activity.at <= upper &&
    (leadIds === undefined || leadIds.has(activity.leadId)) &&
    hasActivitySince(activity.leadId);
  const rest = instance.activities.after(position.afterId).filter(matches);
  const page = rest.slice(0, size);
  const remainingCount = rest.length - page.length;
  // Nothing left: the position moves to the end of the log, so the next poll sees only what comes after.
  const lastConsidered = remainingCount > 0 ? page.at(-1)?.id : instance.activities.all().at(-1)?.id;
  const offset = lastConsidered ?? position.afterId;
  const response: SuccessGetLeadChanges = {
    result: {
      returnCount: page.length,
      remainingCount,
      newStartPosition: nextStreamPosition(position, offset === undefined ? undefined : activityOffset(offset)),
      leadChangeRecordList: { leadChangeRecord: page.map(toLeadChangeRecord) },
    },
  };
  return response;
};
