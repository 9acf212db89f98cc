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

/** An activity as getLeadActivity returns it. */
export function toActivityRecord(activity: Activity): ActivityRecord {
  return {
    id: activity.id,
    activityDateTime: formatW3CDateTime(activity.at),
    activityType: activity.type,
    mktgAssetName: activity.asset,
    activityAttributes: attributesOf(activity),
    campaign: activity.campaign ?? '',
    mktPersonId: String(activity.leadId),
  };
}

/** An activity as getLeadChanges returns it. */
export function toLeadChangeRecord(activity: Activity): LeadChangeRecord {
  return {
    id: activity.id,
    activityDateTime: formatW3CDateTime(activity.at),
    activityType: activity.type,
    mktgAssetName: activity.asset,
    activityAttributes: attributesOf(activity),
    ...(activity.campaign === undefined ? {} : { campaign: activity.campaign }),
    mktPersonId: String(activity.leadId),
  };
}
