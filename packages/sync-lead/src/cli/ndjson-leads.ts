// Reads leads from NDJSON: one JSON object per line, each the input syncLead takes. Blank lines are
// skipped; a line that is not a JSON object is a failed record naming its line.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ValidationError } from '../errors.js';
import type { LeadFileReader, LeadFileRecord } from './lead-file-record.js';

function parseLine(text: string): LeadFileRecord['lead'] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: new ValidationError('record', `must be a JSON object (${error instanceof Error ? error.message : String(error)})`) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: new ValidationError('record', 'must be a JSON object with the fields of a syncLead input') };
  }
  return { input: value };
}

/** The byte-order mark some editors put at the start of a UTF-8 file. */
const BYTE_ORDER_MARK = '\uFEFF';

/** Opens an NDJSON leads file. A byte-order mark at its start is not part of the first line. */
export function readNdjsonLeads(path: string): LeadFileReader {
  let stoppedBy: Error | undefined;
  async function* records(): AsyncGenerator<LeadFileRecord> {
    const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
    let line = 0;
    try {
      for await (const read of lines) {
        line += 1;
        const text = line === 1 && read.startsWith(BYTE_ORDER_MARK) ? read.slice(BYTE_ORDER_MARK.length) : read;
        if (text.trim() === '') continue;
        yield { line, lead: parseLine(text), text };
      }
    } catch (error) {
      stoppedBy = new Error(`${error instanceof Error ? error.message : String(error)}; the records after line ${line} were not read`);
    } finally {
      lines.close();
    }
  }
  // Nothing is open before the records are read, and reading them closes the file at the end.
  return { open: () => Promise.resolve(), records: records(), header: () => undefined, stoppedBy: () => stoppedBy, close: () => undefined };
}
