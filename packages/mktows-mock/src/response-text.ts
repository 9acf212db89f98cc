// soap 1.13 escapes every string it writes into a response EXCEPT one that starts with "<![CDATA[" and
// ends with "]]>": that one goes out raw (soap's way of letting a service embed markup), so a client reads
// only the section's content, and stored text could close its element and inject others. The mock's
// results are data, never markup: before soap serialises one, such text is escaped here exactly as soap
// escapes every other string and handed to soap under its xml key (`$xml`), whose content soap writes as
// given. On the wire it looks like any other escaped text.

import { escapeSoapText, isWrittenRawBySoap } from '@org/mktows-types';

/**
 * A copy of an operation's `result` in which every string soap 1.13 would write unescaped is replaced by
 * its escaped text under `xmlKey` (soap's `xmlKey` option, `$xml` by default).
 */
export function escapeRawText(result: unknown, xmlKey: string): unknown {
  if (typeof result === 'string') {
    return isWrittenRawBySoap(result)
      ? { [xmlKey]: escapeSoapText(result) }
      : result;
  }
  if (Array.isArray(result)) return result.map((item) => escapeRawText(item, xmlKey));
  if (result !== null && typeof result === 'object') {
    return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, escapeRawText(value, xmlKey)]));
  }
  return result;
}
