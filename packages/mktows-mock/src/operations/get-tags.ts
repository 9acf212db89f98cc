// getTags: tag types other than Channel and their values, in the order the instance holds them. tagList
// narrows the answer: a tag with a type asks for that type; with values too, for those of its values that
// exist. Types that do not exist are left out.
import type { SuccessGetTags, Tag } from '@org/mktows-types';

import { asRecord, listItems, optionalText } from '../soap-values.js';
import type { HandlerFactory } from './operation-context.js';

/** The getTags handler. */
export const getTagsHandler: HandlerFactory = (context) => (args) => {
  const wanted = listItems(asRecord(args.tagList), 'tag').flatMap((item) => {
    const tag = asRecord(item) ?? {};
    const type = optionalText(tag.type);
    const values = listItems(tag.values, 'stringItem').flatMap((value) => optionalText(value) ?? []);
    return type === undefined ? [] : [{ type, values }];
  });
  const tag = context.instance.tags.flatMap((tagType): Tag[] => {
    if (wanted.length === 0) return [{ type: tagType.type, values: { stringItem: [...tagType.values] } }];
    const asked = wanted.filter((entry) => entry.type === tagType.type);
    if (asked.length === 0) return [];
    const values = asked.some((entry) => entry.values.length === 0)
      ? tagType.values
      : tagType.values.filter((value) => asked.some((entry) => entry.values.includes(value)));
    return [{ type: tagType.type, values: { stringItem: [...values] } }];
  });
  const response: SuccessGetTags = { result: { tagList: { tag } } };
  return response;
};
