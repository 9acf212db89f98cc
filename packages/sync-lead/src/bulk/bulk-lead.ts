// One input of syncLeads, validated and turned into its syncMultipleLeads record. Validation failures
// belong to their own lead only: they are reported, never sent.
import { ValidationError } from '../errors.js';
import { type SyncLeadInput, validateSyncLeadInput } from '../sync-lead-input.js';
import { toLeadRecord } from '../sync-lead-params.js';
import { leadRecordXml } from './lead-record-xml.js';

/** A valid input on its way to Marketo. */
export interface BulkLead {
  /** Position of the input in the caller's leads. */
  index: number;
  /** The caller's input (the same object). */
  input: SyncLeadInput;
  /** Its `<leadRecord>` element (a flat string: all a lead keeps while its batch is in flight). */
  xml: string;
  /** Size of `xml` in UTF-8 bytes. */
  bytes: number;
  /** Whether the lead has a unique key (Id or foreign id), so a repeated sync cannot duplicate it. */
  hasUniqueKey: boolean;
}

/** An input that failed validation. */
export interface InvalidLead {
  index: number;
  input: SyncLeadInput;
  error: ValidationError;
}

/**
 * Validates input `index` for a batch.
 *
 * @param maxRecordBytes - the most one lead's record may take: what a request carries besides its envelope
 */
export function toBulkLead(index: number, input: SyncLeadInput, maxRecordBytes: number): BulkLead | InvalidLead {
  try {
    const valid = validateSyncLeadInput(input);
    // syncMultipleLeads' LeadRecord has no cookie and the call returns no lead records.
    if (valid.marketoCookie !== undefined) {
      throw new ValidationError('marketoCookie', 'is not supported by syncLeads (syncMultipleLeads has no cookie); use syncLead');
    }
    if (valid.returnLead === true) {
      throw new ValidationError('returnLead', 'is not supported by syncLeads (syncMultipleLeads returns no lead records); use syncLead');
    }
    const xml = leadRecordXml(toLeadRecord(valid));
    const bytes = Buffer.byteLength(xml);
    if (bytes > maxRecordBytes) {
      // Sent, it would fail its whole batch (20012) or be refused alone anyway: it fails here, alone.
      throw new ValidationError(
        'lead',
        `is ${bytes} bytes as a leadRecord, more than one syncMultipleLeads request carries (maxRequestBytes less the envelope: ${maxRecordBytes} bytes)`,
      );
    }
    return { index, input, xml, bytes, hasUniqueKey: valid.id !== undefined || valid.foreignSysPersonId !== undefined };
  } catch (error) {
    if (error instanceof ValidationError) return { index, input, error };
    throw error;
  }
}
