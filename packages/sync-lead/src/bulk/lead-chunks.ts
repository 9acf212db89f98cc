// Reads the caller's leads (array, iterable or async iterable) lazily, in chunks: the valid leads of one
// batch plus the invalid inputs met on the way. Nothing is read ahead of what the run asks for, so a
// stream of any length runs in bounded memory.
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

/** Collects validated leads into chunks; `add` returns a chunk when one is full. */
function createChunker(batchSize: number): { add(input: SyncLeadInput): LeadChunk | undefined; rest(): LeadChunk | undefined } {
  let chunk: LeadChunk = { batch: [], invalid: [] };
  let index = 0;
  const take = (): LeadChunk => {
    const full = chunk;
    chunk = { batch: [], invalid: [] };
    return full;
  };
  return {
    add(input) {
      const lead = toBulkLead(index, input);
      index += 1;
      if ('error' in lead) chunk.invalid.push(lead);
      else chunk.batch.push(lead);
      // Invalid inputs count toward the size too, so a long run of them is reported as it goes.
      return chunk.batch.length === batchSize || chunk.invalid.length === batchSize ? take() : undefined;
    },
    rest: () => (chunk.batch.length > 0 || chunk.invalid.length > 0 ? take() : undefined),
  };
}

/**
 * Reads `leads` into chunks of at most `batchSize` valid (or invalid) inputs. An array or other
 * synchronous iterable is read with a plain loop: `for await` would make a promise for every lead.
 */
export async function* readLeadChunks(leads: LeadSource, batchSize: number): AsyncGenerator<LeadChunk, void, undefined> {
  const chunker = createChunker(batchSize);
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
