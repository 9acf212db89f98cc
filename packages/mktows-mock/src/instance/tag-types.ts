// Tag types and channels: read-only through the API (getTags, getChannels); syncMObjects can only tag a
// program with a type and value that exist here. A channel is a value of the tag type `Channel`.

/** A progression status of a channel. */
export interface ProgressionStatus {
  name: string;
  step: number;
  success: boolean;
  /** A channel-specific attribute, e.g. `{ name: 'Webinar Behavior', value: 'Attended' }`. */
  attribute: { name: string; value: string } | undefined;
}

/** A channel (a value of the tag type `Channel`) and its progression statuses. */
export interface Channel {
  name: string;
  statuses: ProgressionStatus[];
}

/** A tag type other than `Channel` and its allowed values. */
export interface TagType {
  type: string;
  values: string[];
}

/** The tag type whose values are the channels. */
export const CHANNEL_TAG_TYPE = 'Channel';

/** Whether a program may be tagged `type` = `value`: the type and value exist (channels included). */
export function isKnownTag(
  tags: readonly TagType[],
  channels: readonly Channel[],
  type: string,
  value: string,
): boolean {
  if (type === CHANNEL_TAG_TYPE) return channels.some((channel) => channel.name === value);
  return tags.some((tag) => tag.type === type && tag.values.includes(value));
}
