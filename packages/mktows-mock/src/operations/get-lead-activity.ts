// getLeadActivity: one lead's activities, newest first (by time, then Id), in pages of at most 100. The
// position's offset is `ID:<Id of the last (oldest) activity returned>`: the next page continues after it
// in that order, so every activity the stream started with is visited once; activities logged while the
// client pages are newer than the stream and are not part of it. remainingCount is exact. A key matching
// several leads (EMAIL) pages through all of their activities together.
import type { StreamPosition, SuccessGetLeadActivity } from '@org/mktows-types';

import type { Activity } from '../instance/activity-log.js';
import { findLeadsByKey } from '../lead-lookup.js';
import { MarketoFault } from '../marketo-fault.js';
import { asRecord, optionalDateTime, optionalText } from '../soap-values.js';
import { formatW3CDateTime } from '../time-format.js';
import { readActivityFilter } from './activity-filter.js';
import { toActivityRecord } from './activity-records.js';
import type { HandlerFactory } from './operation-context.js';
import { activityOffset, pageSize, readActivityOffset } from './paging.js';

/** The most activities getLeadActivity returns per page. */
const GET_LEAD_ACTIVITY_PAGE_CAP = 100;

function newestFirst(a: Activity, b: Activity): number {
  return b.at - a.at || b.id - a.id;
}

/**
 * A StreamPosition's time bounds and offset (empty members count as absent).
 * @throws MarketoFault 20110 for a date-time that is not one, 20122 for an offset not issued here
 */
export function readStreamPosition(value: unknown): {
  oldest: number | undefined;
  latest: number | undefined;
  activityCreatedAt: number | undefined;
  afterId: number | undefined;
} {
  const position = asRecord(value) ?? {};
  const time = (name: string): number | undefined => {
    const ms = optionalDateTime(position[name]);
    if (ms !== undefined && Number.isNaN(ms)) throw new MarketoFault(20110, `${name} must be a W3C date-time`);
    return ms;
  };
  return {
    oldest: time('oldestCreatedAt'),
    latest: time('latestCreatedAt'),
    activityCreatedAt: time('activityCreatedAt'),
    afterId: readActivityOffset(optionalText(position.offset)),
  };
}

/** The client's position with a new offset, for newStartPosition (bounds echoed as W3C date-times). */
export function nextStreamPosition(
  bounds: { oldest: number | undefined; latest: number | undefined; activityCreatedAt: number | undefined },
  offset: string | undefined,
): StreamPosition {
  const position: StreamPosition = {};
  if (bounds.latest !== undefined) position.latestCreatedAt = formatW3CDateTime(bounds.latest);
  if (bounds.oldest !== undefined) position.oldestCreatedAt = formatW3CDateTime(bounds.oldest);
  if (bounds.activityCreatedAt !== undefined) position.activityCreatedAt = formatW3CDateTime(bounds.activityCreatedAt);
  if (offset !== undefined) position.offset = offset;
  return position;
}

/**
 * The getLeadActivity handler.
 * @throws MarketoFault 20101/20102/20103 for the lead key, 20107/20110 for the filter, 20122 for the position
 */
export const getLeadActivityHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const key = asRecord(args.leadKey);
  const leads = findLeadsByKey(instance.leads, optionalText(key?.keyType), optionalText(key?.keyValue));
  const passes = readActivityFilter(args.activityFilter);
  const size = pageSize(args.batchSize, GET_LEAD_ACTIVITY_PAGE_CAP);
  const position = readStreamPosition(args.startPosition);
  const lower = Math.max(position.oldest ?? -Infinity, position.activityCreatedAt ?? -Infinity);
  const upper = position.latest ?? Infinity;

  const stream = leads
    .flatMap((lead) => instance.activities.forLead(lead.id))
    .filter((activity) => passes(activity.type) && activity.at >= lower && activity.at <= upper)
    .sort(newestFirst);
  let start = 0;
  if (position.afterId !== undefined) {
    const cursor = instance.activities.get(position.afterId);
    if (!cursor || !leads.some((lead) => lead.id === cursor.leadId)) {
      throw new MarketoFault(20122, `offset ${activityOffset(position.afterId)} names no activity of this lead`);
    }
    start = stream.findIndex((activity) => newestFirst(cursor, activity) < 0);
    if (start < 0) start = stream.length;
  }
  const page = stream.slice(start, start + size);
  const last = page.at(-1);
  const offset = last
    ? activityOffset(last.id)
    : position.afterId === undefined
      ? undefined
      : activityOffset(position.afterId);
  const response: SuccessGetLeadActivity = {
    leadActivityList: {
      returnCount: page.length,
      remainingCount: stream.length - start - page.length,
      newStartPosition: nextStreamPosition(position, offset),
      activityRecordList: { activityRecord: page.map(toActivityRecord) },
    },
  };
  return response;
};
