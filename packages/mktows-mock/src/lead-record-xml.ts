// Lead records between the store and the SOAP bodies: a request's LeadRecord into a LeadRecordInput, and
// a stored lead into the response LeadRecord of getLead / syncLead(returnLead=true).
import type { LeadRecord } from '@org/mktows-types';
import type { LeadFieldTypes } from './lead-fields.js';
import type { MockLead } from './lead-store.js';
import type { AttributeInput, LeadRecordInput } from './lead-sync.js';
import { MarketoFault } from './marketo-fault.js';
import { asList, asRecord, optionalInteger, optionalText, textKeepingEmpty } from './soap-values.js';

/** The generated LeadRecord as the mock answers it, always with its Id (soap writes keys in the schema's order). */
export type LeadRecordOutput = LeadRecord & { Id: number };

/**
 * Reads a request's LeadRecord.
 * @throws MarketoFault 20109 when an attribute has no attrName
 */
export function readLeadRecord(value: unknown, cookie: string | undefined): LeadRecordInput {
  const record = asRecord(value) ?? {};
  const attributes: AttributeInput[] = asList(asRecord(record.leadAttributeList)?.attribute).map((item) => {
    const attribute = asRecord(item) ?? {};
    const name = optionalText(attribute.attrName);
    if (name === undefined) throw new MarketoFault(20109, 'attribute needs an attrName');
    return { name, value: textKeepingEmpty(attribute.attrValue) };
  });
  return {
    id: optionalInteger(record.Id),
    email: optionalText(record.Email),
    foreignSysPersonId: optionalText(record.ForeignSysPersonId),
    foreignSysType: optionalText(record.ForeignSysType),
    cookie,
    attributes,
  };
}

/**
 * A stored lead as a response LeadRecord: null fields left out (soap cannot declare xsi for xsi:nil), the
 * Email as its own element and not as an attribute, attributes sorted by name with their attrType, as in
 * the documentation's getLead response.
 */
export function toLeadRecordOutput(lead: MockLead, fields: LeadFieldTypes): LeadRecordOutput {
  const output: LeadRecordOutput = { Id: lead.id };
  if (lead.email !== null) output.Email = lead.email;
  if (lead.foreignSysPersonId !== null) output.ForeignSysPersonId = lead.foreignSysPersonId;
  if (lead.foreignSysType !== null) output.ForeignSysType = lead.foreignSysType;
  const names = Object.keys(lead.attributes).sort();
  if (names.length > 0) {
    output.leadAttributeList = {
      attribute: names.map((name) => ({
        attrName: name,
        attrType: fields[name] ?? 'string',
        attrValue: lead.attributes[name] ?? '',
      })),
    };
  }
  return output;
}
