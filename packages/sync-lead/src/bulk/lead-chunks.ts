// Reads the caller's leads (array, iterable or async iterable) lazily, in chunks: the valid leads of one
// batch plus the invalid inputs met on the way. Nothing is read ahead of what the run asks for, so a
// stream of any length runs in bounded memory.
import { ValidationError } from '../errors.js';
import type { SyncLeadInput } from '../sync-lead-input.js';
import type { BulkLead, InvalidLead } from './bulk-lead.js';

/** What syncLeads accepts as leads. */
export type LeadSource = Iterable<SyncLeadInput> | AsyncIterable<SyncLeadInput>;

/** One batch to send and the invalid inputs read with it. */
export interface LeadChunk<TLead = BulkLead> {
  /** Valid leads, at most `batchSize`; empty when the chunk holds only invalid inputs. */
  batch: TLead[];
  /** Inputs that failed validation. */
  invalid: InvalidLead[];
}

/** Validates input `index` for a batch of the client's transport (SOAP: {@link toBulkLead}). */
export type PrepareLead<TLead> = (index: number, input: SyncLeadInput) => TLead | InvalidLead;

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
function createChunker<TLead>(
  batchSize: number,
  prepare: PrepareLead<TLead>,
): { add(input: SyncLeadInput): LeadChunk<TLead> | undefined; rest(): LeadChunk<TLead> | undefined } {
  let chunk: LeadChunk<TLead> = { batch: [], invalid: [] };
  let index = 0;
  const take = (): LeadChunk<TLead> => {
    const full = chunk;
    chunk = { batch: [], invalid: [] };
    return full;
  };
  return {
    add(input) {
      const lead = prepare(index, input);
      index += 1;
      if (isInvalid(lead)) chunk.invalid.push(lead);
      else chunk.batch.push(lead);
      // Invalid inputs count toward the size too, so a long run of them is reported as it goes.
      return chunk.batch.length === batchSize || chunk.invalid.length === batchSize ? take() : undefined;
    },
    rest: () => (chunk.batch.length > 0 || chunk.invalid.length > 0 ? take() : undefined),
  };
}

function isInvalid<TLead>(lead: TLead | InvalidLead): lead is InvalidLead {
  return typeof lead === 'object' && lead !== null && 'error' in lead;
}

/**
 * Reads `leads` into chunks of at most `batchSize` valid (or invalid) inputs, each validated by `prepare`.
 * An array or other synchronous iterable is read with a plain loop: `for await` would make a promise for
 * every lead.
 */
export async function* readLeadChunks<TLead>(
  leads: LeadSource,
  batchSize: number,
  prepare: PrepareLead<TLead>,
): AsyncGenerator<LeadChunk<TLead>, void, undefined> {
  const chunker = createChunker(batchSize, prepare);
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
