// getMultipleLeads: the leads a LeadSelector selects, in pages. The stream position holds the sequence
// number of the last lead returned (its Id; for a list, its membership number), so paging visits every
// selected lead once, including leads that join the selection while the client pages (they come after).
// remainingCount is exact; the last page has an empty newStreamPosition, and an empty (or absent) position
// starts from the beginning.
import type { SuccessGetMultipleLeads } from '@org/mktows-types';

import { toLeadRecordOutput } from '../lead-record-xml.js';
import type { LeadRecordOutput } from '../lead-record-xml.js';
import { toMockLead } from '../lead-store.js';
import { MarketoFault } from '../marketo-fault.js';
import { listItems, optionalText } from '../soap-values.js';
import { lastUpdatedAtSelection, readLeadSelector, selectedLeads, selectionKey } from './lead-selector.js';
import type { HandlerFactory } from './operation-context.js';
import { decodePosition, encodePosition, fingerprint, pageSize, positionNumber } from './paging.js';

/** The most leads getMultipleLeads returns per page (Marketo documents 1000; its field table says 100). */
const GET_MULTIPLE_LEADS_PAGE_CAP = 1000;

/** Only the attributes named in includeAttributes (all when it names none). */
function withAttributes(record: LeadRecordOutput, include: ReadonlySet<string>): LeadRecordOutput {
  const all = record.leadAttributeList?.attribute;
  if (include.size === 0 || !all) return record;
  const attribute = all.filter((item) => include.has(item.attrName));
  const { leadAttributeList: _all, ...rest } = record;
  return attribute.length > 0 ? { ...rest, leadAttributeList: { attribute } } : rest;
}

/**
 * The getMultipleLeads handler.
 * @throws MarketoFault 20109 without a selector, 20111 for an unknown list, 20022 for a window over 30 days,
 *   20122 for a position of another query, 20110 for a bad batchSize
 */
export const getMultipleLeadsHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const selection =
    readLeadSelector(args.leadSelector, instance, 'drop') ?? lastUpdatedAtSelection(args.lastUpdatedAt, instance);
  if (!selection) throw new MarketoFault(20109, 'leadSelector is required');
  const size = pageSize(args.batchSize, GET_MULTIPLE_LEADS_PAGE_CAP);
  const query = fingerprint('getMultipleLeads', selectionKey(selection));
  const positionText = optionalText(args.streamPosition);
  const position = positionText === undefined ? undefined : decodePosition(positionText, query);
  const afterSeq = position ? positionNumber(position, 'sq') : 0;
  const returnedBefore = position ? positionNumber(position, 'os') : 0;

  const rest = selectedLeads(instance, selection).filter((selected) => selected.seq > afterSeq);
  const page = rest.slice(0, size);
  const remainingCount = rest.length - page.length;
  const last = page.at(-1);
  const include = new Set(listItems(args.includeAttributes, 'stringItem').flatMap((item) => optionalText(item) ?? []));
  const fields = instance.settings.fields;
  const response: SuccessGetMultipleLeads = {
    result: {
      returnCount: page.length,
      remainingCount,
      newStreamPosition:
        remainingCount > 0 && last ? encodePosition({ q: query, sq: last.seq, os: returnedBefore + page.length }) : '',
      leadRecordList: {
        leadRecord: page.map(({ lead }) => withAttributes(toLeadRecordOutput(toMockLead(lead), fields), include)),
      },
    },
  };
  return response;
};
