// soap 1.13 escapes every string it serialises EXCEPT one that starts with "<![CDATA[" and ends with
// "]]>": that one is written raw, so the receiver reads only the section's content, and a crafted value
// ("<![CDATA[]]></attrValue>...<![CDATA[]]>") could even inject elements into the envelope. Such a
// value is sent instead as a real CDATA section holding the whole value (each "]]>" inside split across
// two sections), which soap also writes raw and every XML parser reads back as exactly the value.
// (The typed client in @org/mktows-types is the better home for this; until it does it, every string
// this package sends passes through here.)

const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

/** Whether soap 1.13 would write `text` unescaped. */
function isWrittenRawBySoap(text: string): boolean {
  return text.startsWith(CDATA_OPEN) && text.endsWith(CDATA_CLOSE);
}

/** `text` in the form soap 1.13 serialises faithfully. */
export function toSoapText(text: string): string {
  if (!isWrittenRawBySoap(text)) return text;
  return `${CDATA_OPEN}${text.split(CDATA_CLOSE).join(`]]${CDATA_CLOSE}${CDATA_OPEN}>`)}${CDATA_CLOSE}`;
}
