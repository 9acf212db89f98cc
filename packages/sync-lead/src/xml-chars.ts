// XML 1.0 can carry only tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and U+10000-U+10FFFF. Anything
// else (C0 controls, U+FFFE/U+FFFF, unpaired surrogates) makes the envelope malformed or changes the
// value on the way, so it is rejected before a request is built.

// eslint-disable-next-line no-control-regex
const NOT_XML_1_0_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Describes the first character of `text` that XML 1.0 cannot carry, e.g. `U+0001 at index 4`,
 * or returns `undefined` when every character is allowed.
 */
export function findCharXmlCannotCarry(text: string): string | undefined {
  const match = NOT_XML_1_0_CHAR.exec(text);
  if (!match) return undefined;
  const codePoint = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `U+${codePoint} at index ${match.index}`;
}
