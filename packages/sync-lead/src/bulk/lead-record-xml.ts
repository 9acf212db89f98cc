// The <leadRecord> elements of a syncMultipleLeads request, written here instead of by soap. soap's
// serialiser looks every element up in the schema as it goes: ~30 ms of CPU for 300 leads, more than
// everything else a bulk call costs the client together, and at Marketo's rate the difference between
// keeping up and falling behind. A LeadRecord's shape is fixed (Id, Email, ForeignSysPersonId,
// ForeignSysType, leadAttributeList of attrName/attrValue, in that order, unqualified as the schema
// says), so its XML is written directly and handed to soap under its xml key (`$xml`), whose content
// soap writes as given. Every text is escaped exactly as soap escapes text, so the wire is the same.
import type { LeadRecord } from '@org/mktows-types';

/** What soap 1.13 escapes in element text (tab, CR and LF as references, so no parser normalises them). */
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#x9;',
  '\r': '&#xD;',
  '\n': '&#xA;',
};
const NEEDS_ESCAPE = /[&<>"'\t\r\n]/g;

/** `text` escaped for element content. */
export function escapeXmlText(text: string): string {
  return text.replace(NEEDS_ESCAPE, (char) => ESCAPES[char] ?? char);
}

function element(name: string, text: string | number): string {
  return `<${name}>${typeof text === 'number' ? String(text) : escapeXmlText(text)}</${name}>`;
}

/** One `<leadRecord>` element for `record` (as built for syncLead: no nil values, attributes as text). */
export function leadRecordXml(record: LeadRecord): string {
  let xml = '<leadRecord>';
  if (record.Id !== undefined && record.Id !== null) xml += element('Id', record.Id);
  if (record.Email !== undefined && record.Email !== null) xml += element('Email', record.Email);
  if (record.ForeignSysPersonId !== undefined && record.ForeignSysPersonId !== null) {
    xml += element('ForeignSysPersonId', record.ForeignSysPersonId);
  }
  if (record.ForeignSysType !== undefined && record.ForeignSysType !== null) xml += element('ForeignSysType', record.ForeignSysType);
  const attributes = record.leadAttributeList?.attribute;
  if (attributes && attributes.length > 0) {
    xml += '<leadAttributeList>';
    for (const { attrName, attrValue } of attributes) {
      xml += `<attribute>${element('attrName', attrName)}${element('attrValue', attrValue)}</attribute>`;
    }
    xml += '</leadAttributeList>';
  }
  return `${xml}</leadRecord>`;
}
