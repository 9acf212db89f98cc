// Reads leads from CSV (csv-parse): a header row names the columns. `id`, `email`, `foreignSysPersonId`
// and `foreignSysType` (any letter case) are the lead's keys; every other column is a Marketo field
// name. Empty cells are left out (the field keeps its value in Marketo). A header with a column without
// name, twice the same name or a name such as `__proto__` is refused before anything is sent. A row with
// the wrong number of cells is a failed record naming its line; a syntax error (an unclosed quote) stops
// the reading after every row before it, and the rest of the file becomes one failed record.
import { ValidationError } from '../errors.js';
import { truncateText } from '../redact.js';
import type { SyncLeadInput } from '../sync-lead-input.js';
import { isCsvSyntaxError, readCsvRows } from './csv-rows.js';
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

/** Column names that are not field names: as object keys they would change the object, not name a field. */
const REFUSED_COLUMNS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks the header row: every column named, no name refused, no name twice (compared ignoring letter
 * case, as key columns are and Marketo field names are).
 *
 * @throws {@link ValidationError} naming the column
 */
function checkHeader(header: readonly string[]): void {
  const seen = new Map<string, number>();
  header.forEach((column, position) => {
    const name = column.trim();
    if (name === '') throw new ValidationError('header', `column ${position + 1} has no name; every column needs one (a key such as email, or a Marketo field name)`);
    if (REFUSED_COLUMNS.has(name)) throw new ValidationError('header', `column ${position + 1} is named "${name}", which cannot be a field name`);
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) {
      throw new ValidationError('header', `columns ${first + 1} and ${position + 1} are both "${name}" (names are compared ignoring letter case); each column must be named once`);
    }
    seen.set(name.toLowerCase(), position);
  });
}

/** csv-parse's message without its own line count (which counts differently from the line reported here). */
function syntaxMessage(error: Error): string {
  return truncateText(error.message.replace(/ at line \d+/g, ''), 200);
}

/**
 * Opens a CSV leads file. `open()` reads and checks the header row; the records follow. A syntax error
 * ends the records with one that stands for the rest of the file, from the line after the last row read.
 */
export function readCsvLeads(path: string): LeadFileReader {
  const rows = readCsvRows(path);
  let header: string[] | undefined;
  let stoppedBy: Error | undefined;
  // Where the last row read ends: the rest of the file starts there.
  let lastRow = { line: 0, endByte: 0 };

  async function open(): Promise<void> {
    const first = await rows.next();
    const error = rows.error();
    if (!first) {
      if (error) throw new ValidationError('--file', `has no readable header row (${isCsvSyntaxError(error) ? syntaxMessage(error) : error.message})`);
      return; // an empty file: no leads
    }
    checkHeader(first.cells);
    header = first.cells;
    lastRow = first;
  }

  async function* records(): AsyncGenerator<LeadFileRecord> {
    try {
      for (let row = await rows.next(); row !== undefined && header !== undefined; row = await rows.next()) {
        lastRow = row;
        yield toRecord(header, row.cells, row.line);
      }
      const error = rows.error();
      if (error && !isCsvSyntaxError(error)) stoppedBy = new Error(`${error.message}; the records after line ${lastRow.line} were not read`);
      if (error && isCsvSyntaxError(error)) {
        const line = lastRow.line + 1;
        const rule = `is not CSV (${syntaxMessage(error)}); reading stopped here, and the rest of the file, from this line on, is in the failed-leads file as it was`;
        stoppedBy = new Error(`line ${line}: CSV syntax error (${syntaxMessage(error)}); the rest of the file, from line ${line}, was copied to the failed-leads file as it was`);
        yield { line, lead: { error: new ValidationError('record', rule) }, text: '', rest: { fromByte: lastRow.endByte } };
      }
    } finally {
      rows.close();
    }
  }
  return {
    open,
    records: records(),
    header: () => (header ? csvLine(header) : undefined),
    stoppedBy: () => stoppedBy,
    close: () => rows.close(),
  };
}
