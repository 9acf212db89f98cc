// Reads leads from CSV (csv-parse): a header row names the columns. `id`, `email`, `foreignSysPersonId`
// and `foreignSysType` (any letter case) are the lead's keys; every other column is a Marketo field
// name. Empty cells are left out (the field keeps its value in Marketo). A row with the wrong number of
// cells is a failed record naming its line; a syntax error (an unclosed quote) stops the reading.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { ValidationError } from '../errors.js';
import type { SyncLeadInput } from '../sync-lead-input.js';
import type { LeadFileReader, LeadFileRecord } from './lead-file-record.js';

type KeyField = 'id' | 'email' | 'foreignSysPersonId' | 'foreignSysType';

const KEY_COLUMNS: ReadonlyMap<string, KeyField> = new Map([
  ['id', 'id'],
  ['email', 'email'],
  ['foreignsyspersonid', 'foreignSysPersonId'],
  ['foreignsystype', 'foreignSysType'],
]);

/** A cell as CSV text: quoted when it holds a quote, the delimiter, a line break or edge whitespace. */
function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A row as a CSV line. */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

function toInput(header: readonly string[], cells: readonly string[]): SyncLeadInput {
  const input: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  header.forEach((column, position) => {
    const value = cells[position] ?? '';
    if (value === '') return;
    const key = KEY_COLUMNS.get(column.toLowerCase());
    // An id that is not all digits stays text, so validation names it rather than a guess being sent.
    if (key === 'id') input.id = /^\d+$/.test(value) ? Number(value) : value;
    else if (key) input[key] = value;
    else attributes[column] = value;
  });
  if (Object.keys(attributes).length > 0) input.attributes = attributes;
  return input;
}

function toRecord(header: readonly string[], cells: string[], line: number): LeadFileRecord {
  const text = csvLine(cells);
  if (cells.length !== header.length) {
    const rule = `has ${cells.length} cells where the header has ${header.length}`;
    return { line, lead: { error: new ValidationError('record', rule) }, text };
  }
  return { line, lead: { input: toInput(header, cells) }, text };
}

/** Opens a CSV leads file. */
export function readCsvLeads(path: string): LeadFileReader {
  let header: string[] | undefined;
  let stoppedBy: Error | undefined;
  async function* records(): AsyncGenerator<LeadFileRecord> {
    const parser = createReadStream(path).pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
    );
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (!header) {
          header = record;
          if (header.some((column) => column.trim() === '')) {
            throw new ValidationError('header', 'every column needs a name (a key such as email, or a Marketo field name)');
          }
          continue;
        }
        yield toRecord(header, record, info.lines);
      }
    } catch (error) {
      stoppedBy = error instanceof Error ? error : new Error(String(error));
    } finally {
      parser.destroy();
    }
  }
  return { records: records(), header: () => (header ? csvLine(header) : undefined), stoppedBy: () => stoppedBy };
}
