// The <leadRecord> elements of a syncMultipleLeads request, written here instead of by soap. soap's
// serialiser looks every element up in the schema as it goes: ~30 ms of CPU for 300 leads, more than
// everything else a bulk call costs the client together, and at Marketo's rate the difference between
// keeping up and falling behind. A LeadRecord's shape is fixed (Id, Email, ForeignSysPersonId,
// ForeignSysType, leadAttributeList of attrName/attrValue, in that order, unqualified as the schema
// says), so its XML is written directly and handed to soap under its xml key (`$xml`), whose content
// soap writes as given. Every text is escaped exactly as soap escapes text, so the wire is the same.
import { FIELD_NAMES, escapeSoapText } from '@org/mktows-types';
import type { LeadRecord } from '@org/mktows-types';

/** The elements whose open and close tags are made once rather than per element: LeadRecord's and Attribute's. */
const TAG_NAMES = [...FIELD_NAMES.LeadRecord, ...FIELD_NAMES.Attribute];

/** Open and close tags of the elements written. */
const TAGS = Object.fromEntries(TAG_NAMES.map((name) => [name, [`<${name}>`, `</${name}>`] as const])) as Readonly<
  Record<(typeof TAG_NAMES)[number], readonly [string, string]>
>;

/**
 * The `<leadRecord>` element of `record`, as one flat string: written as a list of parts joined once,
 * because the same text built by concatenation allocated several times its size in intermediate
 * strings, and a flat string is all a lead keeps while its batch is in flight.
 */
export function leadRecordXml(record: LeadRecord): string {
  const parts: string[] = ['<leadRecord>'];
  const element = (name: keyof typeof TAGS, text: string): void => {
    const [open, close] = TAGS[name];
    parts.push(open, escapeSoapText(text), close);
  };
  if (record.Id !== undefined && record.Id !== null) parts.push('<Id>', String(record.Id), '</Id>');
  if (record.Email !== undefined && record.Email !== null) element('Email', record.Email);
  if (record.ForeignSysPersonId !== undefined && record.ForeignSysPersonId !== null) {
    element('ForeignSysPersonId', record.ForeignSysPersonId);
  }
  if (record.ForeignSysType !== undefined && record.ForeignSysType !== null) element('ForeignSysType', record.ForeignSysType);
  const attributes = record.leadAttributeList?.attribute;
  if (attributes && attributes.length > 0) {
    parts.push('<leadAttributeList>');
    for (const { attrName, attrValue } of attributes) {
      parts.push('<attribute>');
      element('attrName', attrName);
      element('attrValue', attrValue);
      parts.push('</attribute>');
    }
    parts.push('</leadAttributeList>');
  }
  parts.push('</leadRecord>');
  return parts.join('');
}
