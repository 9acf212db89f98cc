// syncLeads over REST: each batch becomes Sync Leads requests, one per run of inputs of the same key kind
// (toRestSyncPlan, with `dedup` and syncMultipleLeads' rule that a lead matched by Id keeps its Email),
// sent one after another in input order, each through the client's limits and retries. Every lead of the
// batch ends with one outcome, as over SOAP:
// - an input REST cannot express (a cookie, a foreign system without a REST field) fails alone, unsent;
// - a request refused for a field the instance does not have (1006) is split by the attribute names its
//   leads send, as a SOAP batch refused with 20105 is, so only the leads naming that field fail;
// - a request refused as too large (HTTP 413) is split in halves, in order, down to the lead that is too
//   large alone;
// - a request that may have been applied before its answer was lost is repeated only when a repeat
//   cannot create a duplicate (not `createDuplicate`, i.e. email-keyed leads with `dedup: false`).
import type { SyncLeadRequest } from '@org/marketo-rest-types';
import type { InvalidLead } from '../bulk/bulk-lead.js';
import type { BatchOutcomeOf, BatchRun, BulkSender, IndexedLead } from '../bulk/bulk-sender.js';
import { LossAwareRetry } from '../bulk/duplicate-safety.js';
import { attributeNamesOf } from '../bulk/sync-batch.js';
import {
  AbortError,
  MarketoError,
  SyncLeadError,
  TransportError,
  ValidationError,
} from '../errors.js';
import type { SyncLeadInput, ValidSyncLeadInput } from '../sync-lead-input.js';
import { validateSyncLeadInput } from '../sync-lead-input.js';
import type { RestFieldNames } from './rest-field-names.js';
import type { RestSession } from './rest-session.js';
import { restKeyOf, toRestLead, toRestSyncPlan } from './rest-sync-request.js';

/** Marketo's REST code for a field the instance does not have: it depends only on the names sent. */
const FIELD_NOT_FOUND = 1006;

/** HTTP's "request entity too large": the request was refused unread, so a smaller one can pass. */
const TOO_LARGE = 413;

/** A valid input of a REST batch. */
interface RestBulkLead extends IndexedLead {
  valid: ValidSyncLeadInput;
}

type Outcomes = Array<BatchOutcomeOf<RestBulkLead>>;

function prepare(session: RestSession): (index: number, input: SyncLeadInput, maxRecordBytes: number) => RestBulkLead | InvalidLead {
  return (index, input, maxRecordBytes) => {
    try {
      const valid = validateSyncLeadInput(input);
      if (valid.returnLead === true) {
        throw new ValidationError('returnLead', 'is not supported by syncLeads (Sync Leads returns no lead records); use syncLead');
      }
      // What REST cannot express fails here, alone, before anything is sent.
      const { foreignIdFields } = session.transport;
      const key = restKeyOf(valid, { foreignIdFields });
      // Measured with the names as given: Describe's REST names are as long (FirstName, firstName).
      const bytes = Buffer.byteLength(JSON.stringify(toRestLead(valid, key, { foreignIdFields })));
      if (bytes > maxRecordBytes) {
        // Sent, it would fail its whole request (HTTP 413) or be refused alone anyway: it fails here, alone.
        throw new ValidationError(
          'lead',
          `is ${bytes} bytes as a Sync Leads record, more than one request carries (maxRequestBytes less the envelope: ${maxRecordBytes} bytes)`,
        );
      }
      return { index, input, valid, bytes };
    } catch (error) {
      if (error instanceof ValidationError) return { index, input, error };
      throw error;
    }
  };
}

/** The leads of `leads` grouped by the attribute names they send, or undefined when they all send the same. */
function byAttributeNames(leads: readonly RestBulkLead[]): RestBulkLead[][] | undefined {
  const parts = new Map<string, RestBulkLead[]>();
  for (const lead of leads) {
    const names = attributeNamesOf(lead);
    parts.set(names, [...(parts.get(names) ?? []), lead]);
  }
  return parts.size > 1 ? [...parts.values()] : undefined;
}

interface BatchContext {
  session: RestSession;
  names: RestFieldNames | undefined;
  run: BatchRun;
}

/** Sends one planned request for `leads` (its records, in order). */
async function syncRequest(context: BatchContext, request: SyncLeadRequest, leads: readonly RestBulkLead[]): Promise<Outcomes> {
  const retry = new LossAwareRetry(request.action !== 'createDuplicate');
  try {
    const outcomes = await context.session.syncLeads(request, {
      signal: context.run.signal,
      timeoutMs: context.run.timeoutMs,
      shouldRetry: retry.shouldRetry,
    });
    return leads.map((lead, position) => ({ lead, outcome: outcomes[position]! }));
  } catch (error) {
    if (error instanceof AbortError) throw error;
    const parts = error instanceof MarketoError && error.code === FIELD_NOT_FOUND ? byAttributeNames(leads) : undefined;
    if (parts) return (await Promise.all(parts.map((part) => syncLeadsOf(context, part)))).flat();
    if (error instanceof TransportError && error.httpStatus === TOO_LARGE && leads.length > 1) {
      // In order, one half after the other: a later lead may depend on an earlier one (see syncLeadsOf).
      const middle = Math.ceil(leads.length / 2);
      return [...(await syncLeadsOf(context, leads.slice(0, middle))), ...(await syncLeadsOf(context, leads.slice(middle)))];
    }
    // The session maps every failure to this package's errors; anything else is a bug, not an outcome.
    if (!(error instanceof SyncLeadError)) throw error;
    const reason = retry.failure(error);
    return leads.map((lead) => ({ lead, outcome: { status: 'FAILED', error: reason } }));
  }
}

/** Plans `leads` into requests and sends them one after another (a later one sees what an earlier did). */
async function syncLeadsOf(context: BatchContext, leads: readonly RestBulkLead[]): Promise<Outcomes> {
  const { session, names, run } = context;
  const plan = toRestSyncPlan(
    leads.map((lead) => lead.valid),
    {
      foreignIdFields: session.transport.foreignIdFields,
      partitionName: session.transport.partitionName,
      fieldName: names?.restName,
      dedup: run.dedup,
      keepEmailOfIdMatch: true,
    },
  );
  const outcomes: Outcomes = plan.refused.map(({ index, error }) => ({ lead: leads[index]!, outcome: { status: 'FAILED', error } }));
  for (const group of plan.groups) {
    outcomes.push(...(await syncRequest(context, group.request, group.inputIndexes.map((index) => leads[index]!))));
  }
  return outcomes;
}

async function syncRestBatch(session: RestSession, batch: readonly RestBulkLead[], run: BatchRun): Promise<Outcomes> {
  let names: RestFieldNames | undefined;
  if (batch.some((lead) => Object.values(lead.valid.attributes ?? {}).some((value) => value !== undefined))) {
    try {
      names = await session.fieldNames({ signal: run.signal, timeoutMs: run.timeoutMs });
    } catch (error) {
      if (error instanceof AbortError || !(error instanceof SyncLeadError)) throw error;
      return batch.map((lead) => ({ lead, outcome: { status: 'FAILED', error } }));
    }
  }
  return syncLeadsOf({ session, names, run }, batch);
}

/** The REST transport's side of a bulk run. */
export function restBulkSender(session: RestSession): BulkSender<RestBulkLead> {
  return {
    concurrency: session.limits.concurrency,
    prepare: prepare(session),
    syncBatch: (batch, run) => syncRestBatch(session, batch, run),
  };
}
