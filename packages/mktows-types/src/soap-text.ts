// soap 1.13 escapes every string it writes into a request EXCEPT one that starts with "<![CDATA[" and
// ends with "]]>": that one goes out raw (soap's way of letting callers embed markup), so the receiver
// reads only the section's content, and a crafted value ("<![CDATA[]]></attrValue>...<![CDATA[]]>")
// closes its element and injects others. The typed client sends text, never markup, so such a value is
// escaped here, exactly as soap escapes every other string, and handed to soap under its xml key
// (`$xml`), whose content soap writes as given. On the wire it looks like any other escaped text.
// Exported so that code writing mktows XML itself (the request headers, the mock's responses and fault
// envelopes, sync-lead's bulk records) escapes text exactly as soap does, from this one place: it is the
// SDK's one XML text escaper, fit for element content and attribute values alike.

const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

/** Whether soap 1.13 would write `text` unescaped (it is shaped like one CDATA section). */
export function isWrittenRawBySoap(text: string): boolean {
  return text.startsWith(CDATA_OPEN) && text.endsWith(CDATA_CLOSE);
}

/** The characters soap's own escaping replaces (tab, CR and LF as references, so no parser normalises them). */
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

/** `text` escaped as soap 1.13 escapes element text. */
export function escapeSoapText(text: string): string {
  return text.replace(/[&<>"'\t\r\n]/g, (char) => ESCAPES[char] ?? char);
}
