// Reads the caller's leads (array, iterable or async iterable) lazily, in chunks: the valid leads of one
// batch plus the invalid inputs met on the way. Nothing is read ahead of what the run asks for, so a
// stream of any length runs in bounded memory. A batch also ends before its records would outgrow one
// request (maxRequestBytes), and a lead too large for any request fails alone, never sent.
import { ValidationError } from '../errors.js';
import type { SyncLeadInput } from '../sync-lead-input.js';
import { type BulkLead, type InvalidLead, toBulkLead } from './bulk-lead.js';

/** What syncLeads accepts as leads. */
export type LeadSource = Iterable<SyncLeadInput> | AsyncIterable<SyncLeadInput>;

/** One batch to send and the invalid inputs read with it. */
export interface LeadChunk {
  /** Valid leads, at most `batchSize`; empty when the chunk holds only invalid inputs. */
  batch: BulkLead[];
  /** Inputs that failed validation. */
  invalid: InvalidLead[];
}

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
export const ENVELOPE_ALLOWANCE_BYTES = 4096;

/**
 * Collects validated leads into chunks; `add` returns a chunk when one is full, or when the lead added
 * would have made its records larger than one request may carry (the lead then starts the next chunk).
 */
function createChunker(
  batchSize: number,
  maxRequestBytes: number,
): { add(input: SyncLeadInput): LeadChunk | undefined; rest(): LeadChunk | undefined } {
  const recordBytesLimit = Math.max(maxRequestBytes - ENVELOPE_ALLOWANCE_BYTES, 1);
  let chunk: LeadChunk = { batch: [], invalid: [] };
  let chunkBytes = 0;
  let index = 0;
  const take = (): LeadChunk => {
    const full = chunk;
    chunk = { batch: [], invalid: [] };
    chunkBytes = 0;
    return full;
  };
  return {
    add(input) {
      const lead = toBulkLead(index, input, recordBytesLimit);
      index += 1;
      if ('error' in lead) {
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

/**
 * Reads `leads` into chunks of at most `batchSize` valid (or invalid) inputs whose records fit one
 * request of `maxRequestBytes`. An array or other synchronous iterable is read with a plain loop:
 * `for await` would make a promise for every lead.
 */
export async function* readLeadChunks(
  leads: LeadSource,
  batchSize: number,
  maxRequestBytes: number,
): AsyncGenerator<LeadChunk, void, undefined> {
  const chunker = createChunker(batchSize, maxRequestBytes);
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
