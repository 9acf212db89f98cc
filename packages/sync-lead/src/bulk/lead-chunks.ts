// Reads the caller's leads (array, iterable or async iterable) lazily, in chunks: the valid leads of one
// batch plus the invalid inputs met on the way. Nothing is read ahead of what the run asks for, so a
// stream of any length runs in bounded memory. A batch also ends before its records would outgrow one
// request (maxRequestBytes), and a lead too large for any request fails alone, never sent.
import { ValidationError } from '../errors.js';
import type { SyncLeadInput } from '../sync-lead-input.js';
import type { BulkLead, InvalidLead } from './bulk-lead.js';

/** What syncLeads accepts as leads. */
export type LeadSource = Iterable<SyncLeadInput> | AsyncIterable<SyncLeadInput>;

/** One batch to send and the invalid inputs read with it. */
interface LeadChunk<TLead = BulkLead> {
  /** Valid leads, at most `batchSize`; empty when the chunk holds only invalid inputs. */
  batch: TLead[];
  /** Inputs that failed validation. */
  invalid: InvalidLead[];
}

/** A lead of a batch: how many bytes its record takes in a request. */
interface SizedLead {
  bytes: number;
}

/**
 * Validates and encodes input `index` for a batch of the client's transport (SOAP: `toBulkLead`); a lead
 * whose record alone is over `maxRecordBytes` is invalid (it fails alone, never sent).
 */
export type PrepareLead<TLead> = (index: number, input: SyncLeadInput, maxRecordBytes: number) => TLead | InvalidLead;

/**
 * Checks that `leads` can be iterated.
 *
 * @throws {@link ValidationError} for anything but an iterable or an async iterable
 */
export function requireLeadSource(leads: unknown): asserts leads is LeadSource {
  const iterable =
    typeof leads === 'object' &&
    leads !== null &&
    (typeof (leads as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function' ||
      typeof (leads as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function');
  if (!iterable || typeof leads === 'string') {
    throw new ValidationError('leads', 'must be an array, an iterable or an async iterable of syncLead inputs');
  }
}

/** Room in a request for the envelope around the records (headers, body and list elements: ~1 KB). */
const ENVELOPE_ALLOWANCE_BYTES = 4096;

/**
 * Collects validated leads into chunks; `add` returns a chunk when one is full, or when the lead added
 * would have made its records larger than one request may carry (the lead then starts the next chunk).
 */
function createChunker<TLead extends SizedLead>(
  batchSize: number,
  maxRequestBytes: number,
  prepare: PrepareLead<TLead>,
): { add(input: SyncLeadInput): LeadChunk<TLead> | undefined; rest(): LeadChunk<TLead> | undefined } {
  const recordBytesLimit = Math.max(maxRequestBytes - ENVELOPE_ALLOWANCE_BYTES, 1);
  let chunk: LeadChunk<TLead> = { batch: [], invalid: [] };
  let chunkBytes = 0;
  let index = 0;
  const take = (): LeadChunk<TLead> => {
    const full = chunk;
    chunk = { batch: [], invalid: [] };
    chunkBytes = 0;
    return full;
  };
  return {
    add(input) {
      const lead = prepare(index, input, recordBytesLimit);
      index += 1;
      if (isInvalid(lead)) {
        chunk.invalid.push(lead);
        return chunk.invalid.length === batchSize ? take() : undefined;
      }
      const full = chunk.batch.length > 0 && chunkBytes + lead.bytes > recordBytesLimit ? take() : undefined;
      chunk.batch.push(lead);
      chunkBytes += lead.bytes;
      // Invalid inputs count toward the size too, so a long run of them is reported as it goes.
      return full ?? (chunk.batch.length === batchSize ? take() : undefined);
    },
    rest: () => (chunk.batch.length > 0 || chunk.invalid.length > 0 ? take() : undefined),
  };
}

function isInvalid<TLead>(lead: TLead | InvalidLead): lead is InvalidLead {
  return typeof lead === 'object' && lead !== null && 'error' in lead;
}

/**
 * Reads `leads` into chunks of at most `batchSize` valid (or invalid) inputs, each validated and encoded
 * by the transport's `prepare`, whose records fit one request of `maxRequestBytes`. An array or other synchronous iterable is read with a plain loop:
 * `for await` would make a promise for every lead.
 */
export async function* readLeadChunks<TLead extends SizedLead>(
  leads: LeadSource,
  batchSize: number,
  maxRequestBytes: number,
  prepare: PrepareLead<TLead>,
): AsyncGenerator<LeadChunk<TLead>, void, undefined> {
  const chunker = createChunker(batchSize, maxRequestBytes, prepare);
  if (Symbol.asyncIterator in leads) {
    for await (const input of leads) {
      const chunk = chunker.add(input);
      if (chunk) yield chunk;
    }
  } else {
    for (const input of leads) {
      const chunk = chunker.add(input);
      if (chunk) yield chunk;
    }
  }
  const rest = chunker.rest();
  if (rest) yield rest;
}
