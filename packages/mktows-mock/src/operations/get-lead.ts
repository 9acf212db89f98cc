// getLead: every lead the LeadKey names (EMAIL may name several), as full LeadRecords.
import { findLeadsByKey } from '../lead-lookup.js';
import { toLeadRecordOutput } from '../lead-record-xml.js';
import { toMockLead } from '../lead-store.js';
import { asRecord, optionalText } from '../soap-values.js';
import type { HandlerFactory } from './operation-context.js';

/**
 * The getLead handler.
 * @throws MarketoFault 20101/20102/20109 for a missing or bad key, 20103 when no lead matches
 */
export const getLeadHandler: HandlerFactory = (context) => (args) => {
  const key = asRecord(args.leadKey);
  const { leads: store, settings } = context.instance;
  const leads = findLeadsByKey(store, optionalText(key?.keyType), optionalText(key?.keyValue));
  return {
    result: {
      count: leads.length,
      leadRecordList: { leadRecord: leads.map((lead) => toLeadRecordOutput(toMockLead(lead), settings.fields)) },
    },
  };
};
