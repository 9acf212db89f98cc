// getChannels and getTags through the typed client on seeded channels and tag types.
import { describe, expect, it } from 'vitest';

import { seedState } from './support/seed-state.js';
import { useTestServer } from './support/test-server.js';

// The seeded channels and tag types, with a channel without statuses and a third Content Channel value.
const { channels = [], tags = [] } = seedState();
const mock = useTestServer(
  {
    state: {
      channels: [...channels, { name: 'Tradeshow' }],
      tags: tags.map((tag) => (tag.type === 'Content Channel' ? { ...tag, values: [...tag.values, 'Social'] } : tag)),
    },
  },
  { client: true, reset: false },
);

describe('getChannels', () => {
  it('returns the channels by name, statuses by name, with Status, Step, the channel attribute and Success', async () => {
    const { result } = await mock.client.getChannels({});
    expect(result.tags.tagStatus?.map((channel) => channel.tagValue)).toEqual(['Blog', 'Tradeshow', 'Webinar']);
    const webinar = result.tags.tagStatus?.[2]?.statusList.progressionStatusItem?.map((item) =>
      item.progressionStatus?.attrib?.map((attrib) => `${attrib.name}=${attrib.value}`),
    );
    expect(webinar).toEqual([
      ['Status=Attended', 'Step=30', 'Webinar Behavior=Attended', 'Success=true'],
      ['Status=Registered', 'Step=20', 'Success=false'],
    ]);
  });

  it('returns only the channels named in tag.values (unknown names left out)', async () => {
    const { result } = await mock.client.getChannels({ tag: { values: { stringItem: ['Webinar', 'Blog', 'Podcast'] } } });
    expect(result.tags.tagStatus?.map((channel) => channel.tagValue)).toEqual(['Blog', 'Webinar']);
  });
});

describe('getTags', () => {
  it('returns every tag type with its values', async () => {
    const { result } = await mock.client.getTags({});
    expect(result.tagList.tag).toEqual([
      { type: 'Region', values: { stringItem: ['EMEA', 'Americas'] } },
      { type: 'Content Channel', values: { stringItem: ['SEM', 'Email', 'Social'] } },
    ]);
  });

  it('narrows to the types asked for, and to the values asked for when given', async () => {
    const { result } = await mock.client.getTags({
      tagList: {
        tag: [{ type: 'Content Channel', values: { stringItem: ['SEM', 'Email', 'Print'] } }, { type: 'Nope' }],
      },
    });
    expect(result.tagList.tag).toEqual([{ type: 'Content Channel', values: { stringItem: ['SEM', 'Email'] } }]);
  });
});
