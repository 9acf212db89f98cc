// Escaping for text the mock writes into XML by hand (faults). soap escapes everything else.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` with `& < > " '` escaped, safe as element content or attribute value. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}
