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
  /**
   * Set when the record stands for the rest of the file, which could not be read as records (a CSV
   * syntax error): the failed-leads file gets the file's bytes from `fromByte` on, as they are.
   */
  rest?: { fromByte: number };
}

/** A leads file being read. */
export interface LeadFileReader {
  /**
   * Reads and checks what comes before the records (the CSV header), before anything is sent.
   *
   * @throws {@link ValidationError} when it is not usable (a column without name, twice, or refused)
   */
  open(): Promise<void>;
  /** The records, in file order. Never throws: a read or syntax error ends it and is kept in {@link stoppedBy}. */
  records: AsyncIterable<LeadFileRecord>;
  /** Text that starts a file of the same format (the CSV header line), or `undefined`. */
  header(): string | undefined;
  /** Why reading stopped before the end of the file, if it did (the rest of the file was not read). */
  stoppedBy(): Error | undefined;
  /** Releases the file (when the run ends before its records were read to the end). */
  close(): void;
}
