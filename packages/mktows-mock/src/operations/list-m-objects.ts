// listMObjects: the names describeMObject accepts.
import type { SuccessListMObjects } from '@org/mktows-types';

import { DESCRIBABLE_OBJECTS } from './mobject-metadata.js';
import type { HandlerFactory } from './operation-context.js';

/** The listMObjects handler. */
export const listMObjectsHandler: HandlerFactory = () => () => {
  const response: SuccessListMObjects = { result: { objects: [...DESCRIBABLE_OBJECTS] } };
  return response;
};
