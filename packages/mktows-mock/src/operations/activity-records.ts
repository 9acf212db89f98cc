// Activities as getLeadActivity's ActivityRecord and getLeadChanges' LeadChangeRecord. Both carry the
// display name as activityType and the attributes without attrType (nil in Marketo's examples).
// ActivityRecord writes an empty mktgAssetName and campaign when there is none; LeadChangeRecord leaves
// the campaign out (not nillable there).
import type { ActivityRecord, ArrayOfAttribute, LeadChangeRecord } from '@org/mktows-types';

import type { Activity } from '../instance/activity-log.js';
import { formatW3CDateTime } from '../time-format.js';

function attributesOf(activity: Activity): ArrayOfAttribute {
  return { attribute: activity.attributes.map(({ name, value }) => ({ attrName: name, attrValue: value })) };
}

/** The fields an ActivityRecord and a LeadChangeRecord share, up to the campaign. */
function recordHead(activity: Activity) {
  return {
    id: activity.id,
    activityDateTime: formatW3CDateTime(activity.at),
    activityType: activity.type,
    mktgAssetName: activity.asset,
    activityAttributes: attributesOf(activity),
  };
}

/** An activity as getLeadActivity returns it. */
export function toActivityRecord(activity: Activity): ActivityRecord {
  return { ...recordHead(activity), campaign: activity.campaign ?? '', mktPersonId: String(activity.leadId) };
}

/** An activity as getLeadChanges returns it (no campaign element when the activity has none). */
export function toLeadChangeRecord(activity: Activity): LeadChangeRecord {
  return {
    ...recordHead(activity),
    ...(activity.campaign === undefined ? {} : { campaign: activity.campaign }),
    mktPersonId: String(activity.leadId),
  };
}
