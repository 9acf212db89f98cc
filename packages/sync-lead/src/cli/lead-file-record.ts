// One record of a bulk input file: the lead it holds (or why it could not be read), where it was, and
// the text that puts it back into a file of the same format.
import type { ValidationError } from '../errors.js';
import type { SyncLeadInput } from '../sync-lead-input.js';

/** A record read from a leads file. */
export interface LeadFileRecord {
  /** Line of the file the record starts on (1-based). */
  line: number;
  /** The lead, or the reason the record is not one (a ValidationError of field `record`). */
  lead: { input: SyncLeadInput } | { error: ValidationError };
  /** The record as text in the file's format (without line break), for the failed-leads file. */
  text: string;
}

/** A leads file being read. */
export interface LeadFileReader {
  /** The records, in file order. Never throws: a read or syntax error ends it and is kept in {@link stoppedBy}. */
  records: AsyncIterable<LeadFileRecord>;
  /** Text that starts a file of the same format (the CSV header line), or `undefined`. */
  header(): string | undefined;
  /** Why reading stopped before the end of the file, if it did (the rest of the file was not read). */
  stoppedBy(): Error | undefined;
}
