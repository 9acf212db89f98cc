// One pass over a leads file before anything is sent: it must be UTF-8 (a byte sequence that is not
// would otherwise become U+FFFD, a silent change of the lead's data), and the number of non-blank lines
// sizes the progress bar. The check follows the UTF-8 definition (RFC 3629, as the WHATWG decoder
// does): no overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut short.
import { createReadStream } from 'node:fs';
import { ValidationError } from '../errors.js';

/** What the scan found. */
interface LeadFileScan {
  /** Lines with something other than spaces, tabs and carriage returns. */
  nonBlankLines: number;
}

/** Where the first byte that is not UTF-8 is: line and character column, both from 1. */
interface Position {
  line: number;
  column: number;
}

function notUtf8(file: string, { line, column }: Position): ValidationError {
  return new ValidationError(
    '--file',
    `must be UTF-8 text: ${file} has a byte sequence that is not UTF-8 at line ${line}, column ${column}`,
  );
}

/**
 * Reads `file` once: counts its non-blank lines and checks that it is UTF-8.
 *
 * @throws {@link ValidationError} naming the line and column of the first byte sequence that is not UTF-8
 */
export async function scanLeadFile(file: string): Promise<LeadFileScan> {
  let line = 1;
  let column = 0; // characters of the line so far
  let blankSoFar = true;
  let nonBlankLines = 0;
  // The character being decoded: continuation bytes still needed, and the range the next one must be in.
  let needed = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index] as number;
      if (needed > 0) {
        if (byte < lower || byte > upper) throw notUtf8(file, { line, column });
        lower = 0x80;
        upper = 0xbf;
        needed -= 1;
        continue;
      }
      column += 1;
      if (byte < 0x80) {
        if (byte === 0x0a) {
          if (!blankSoFar) nonBlankLines += 1;
          blankSoFar = true;
          line += 1;
          column = 0;
        } else if (byte !== 0x0d && byte !== 0x20 && byte !== 0x09) {
          blankSoFar = false;
        }
        continue;
      }
      blankSoFar = false;
      if (byte >= 0xc2 && byte <= 0xdf) needed = 1;
      else if (byte >= 0xe0 && byte <= 0xef) {
        needed = 2;
        if (byte === 0xe0) lower = 0xa0; // no overlong three-byte forms
        if (byte === 0xed) upper = 0x9f; // no surrogates
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        needed = 3;
        if (byte === 0xf0) lower = 0x90; // no overlong four-byte forms
        if (byte === 0xf4) upper = 0x8f; // nothing above U+10FFFF
      } else {
        throw notUtf8(file, { line, column });
      }
    }
  }
  if (needed > 0) throw notUtf8(file, { line, column });
  if (!blankSoFar) nonBlankLines += 1;
  return { nonBlankLines };
}
