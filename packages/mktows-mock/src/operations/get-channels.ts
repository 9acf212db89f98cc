// getChannels: channels with their progression statuses. `tag.values` names the channels wanted (none:
// all; names that are no channel are left out); `tag.type` is ignored. Channels sorted by name, statuses
// by status name, each as attribs Status, Step, the channel-specific attribute if any, Success.
import type { Attrib, SuccessGetChannels, TagStatus } from '@org/mktows-types';

import { asRecord, listItems, optionalText } from '../soap-values.js';
import type { HandlerFactory } from './operation-context.js';

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The getChannels handler. */
export const getChannelsHandler: HandlerFactory = (context) => (args) => {
  const wanted = listItems(asRecord(args.tag)?.values, 'stringItem').flatMap((item) => optionalText(item) ?? []);
  const tagStatus = [...context.instance.channels]
    .filter((channel) => wanted.length === 0 || wanted.includes(channel.name))
    .sort(byName)
    .map((channel): TagStatus => ({
      tagValue: channel.name,
      statusList: {
        progressionStatusItem: [...channel.statuses].sort(byName).map((status) => {
          const attrib: Attrib[] = [
            { name: 'Status', value: status.name },
            { name: 'Step', value: String(status.step) },
            ...(status.attribute ? [{ ...status.attribute }] : []),
            { name: 'Success', value: String(status.success) },
          ];
          return { progressionStatus: { attrib } };
        }),
      },
    }));
  const response: SuccessGetChannels = { result: { tags: { tagStatus } } };
  return response;
};
