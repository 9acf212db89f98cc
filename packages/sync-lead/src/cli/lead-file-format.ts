// Which reader a leads file needs, where its failed leads go, and how many records it roughly holds.
import { statSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../errors.js';
import { readCsvLeads } from './csv-leads.js';
import type { LeadFileReader } from './lead-file-record.js';
import { readNdjsonLeads } from './ndjson-leads.js';

/** The formats of leads files. */
export const LEAD_FILE_FORMATS = ['ndjson', 'csv'] as const;
/** A leads file format. */
export type LeadFileFormat = (typeof LEAD_FILE_FORMATS)[number];

const FORMAT_BY_EXTENSION: Readonly<Record<string, LeadFileFormat>> = { '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv' };

/**
 * The format of `file`: the one given, else by extension (.ndjson, .jsonl, .csv).
 *
 * @throws {@link ValidationError} when the file does not exist or its format cannot be told
 */
export function leadFileFormat(file: string, given: LeadFileFormat | undefined): LeadFileFormat {
  try {
    if (!statSync(file).isFile()) throw new ValidationError('--file', `${file} is not a file`);
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError('--file', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const format = given ?? FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()];
  if (!format) throw new ValidationError('--format', `must be given for ${path.basename(file)}: ndjson or csv`);
  return format;
}

/** `leads.csv` gives `leads.failed.csv`: beside the input, same format, so it can be fed back. */
export function defaultFailedFile(file: string): string {
  const extension = path.extname(file);
  return `${file.slice(0, file.length - extension.length)}.failed${extension || '.txt'}`;
}

/** Opens the reader for `format`. */
export function openLeadFile(file: string, format: LeadFileFormat): LeadFileReader {
  return format === 'csv' ? readCsvLeads(file) : readNdjsonLeads(file);
}

/** The records a file of `nonBlankLines` holds, roughly (the CSV header is not one): the progress bar's total. */
export function expectedRecords(nonBlankLines: number, format: LeadFileFormat): number {
  return format === 'csv' ? Math.max(nonBlankLines - 1, 0) : nonBlankLines;
}
