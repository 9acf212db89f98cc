// describeMObject: field metadata of ActivityRecord, LeadRecord, Opportunity or OpportunityPersonRole.
import type { SuccessDescribeMObject } from '@org/mktows-types';

import { MarketoFault } from '../marketo-fault.js';
import { optionalText } from '../soap-values.js';
import { describeObject, DESCRIBABLE_OBJECTS } from './mobject-metadata.js';
import type { HandlerFactory } from './operation-context.js';

/**
 * The describeMObject handler.
 * @throws MarketoFault 20109 without objectName, 20110 for an object it cannot describe
 */
export const describeMObjectHandler: HandlerFactory = (context) => (args) => {
  const objectName = optionalText(args.objectName);
  if (objectName === undefined) throw new MarketoFault(20109, 'objectName is required');
  const metadata = describeObject(objectName, context.instance.settings.fields);
  if (!metadata) throw new MarketoFault(20110, `objectName must be one of ${DESCRIBABLE_OBJECTS.join(', ')}`);
  const response: SuccessDescribeMObject = { result: { metadata } };
  return response;
};
