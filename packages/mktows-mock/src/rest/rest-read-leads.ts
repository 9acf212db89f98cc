// The REST reads: Get Lead by Id (`GET /rest/v1/lead/{id}.json`), Get Leads by Filter Type
// (`GET /rest/v1/leads.json`, pages of up to 300 with a `nextPageToken`) and Describe Leads. Leads are
// answered by their REST field names, with the JSON type of each field; a field asked for that the lead has
// no value for is `null`, as Marketo answers it.
import type { MarketoInstance } from '../instance/marketo-instance.js';
import type { StoredLead } from '../lead-store.js';
import { RestError } from './rest-error.js';
import type { RestFieldDescription, RestLeadFields, RestValue } from './rest-fields.js';

/** The most values a filter and the most leads a page may hold (Marketo's limit). */
const MAX_REST_PAGE = 300;

/** A page of leads. */
interface RestLeadPage {
  result: Array<Record<string, RestValue>>;
  /** Present when more leads follow: pass it back as `nextPageToken`. */
  nextPageToken?: string;
}

/** Comma-separated values of a query parameter (given once, or repeated). */
function listParameter(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .filter((value) => value !== '');
}

/** The fields to answer: `fields` of the query, each one the instance has (1006 otherwise), or the default. */
function requestedFields(query: URLSearchParams, fields: RestLeadFields): string[] {
  const names = listParameter(query, 'fields');
  if (names.length === 0) return fields.defaultFields();
  const unknown = names.filter((name) => !fields.isReadable(name));
  if (unknown.length > 0) throw new RestError(1006, `Field ${unknown.map((name) => `'${name}'`).join(', ')} not found`);
  return [...new Set(names)];
}

/** Get Lead by Id: the lead as a one-record result, or an empty result when there is none. */
export function getLeadById(
  instance: MarketoInstance,
  fields: RestLeadFields,
  leadId: number,
  query: URLSearchParams,
): RestLeadPage {
  const names = requestedFields(query, fields);
  const lead = instance.leads.get(leadId);
  return { result: lead ? [fields.read(lead, names)] : [] };
}

/** A page position bound to its query, so a token of another query is refused rather than misread. */
function pageToken(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify([offset, fingerprint]), 'utf8').toString('base64url');
}

function readPageToken(token: string | null, fingerprint: string): number {
  if (token === null) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && Number.isInteger(parsed[0]) && parsed[1] === fingerprint) return parsed[0] as number;
  } catch {
    // refused below
  }
  throw new RestError(1001, 'Invalid value for nextPageToken: not a token of this query');
}

function batchSizeOf(query: URLSearchParams): number {
  const text = query.get('batchSize');
  if (text === null) return MAX_REST_PAGE;
  const size = Number(text);
  if (!/^\d+$/.test(text) || size < 1 || size > MAX_REST_PAGE) {
    throw new RestError(1001, `Invalid value for batchSize: must be an integer from 1 to ${MAX_REST_PAGE}`);
  }
  return size;
}

/**
 * Get Leads by Filter Type: every lead whose `filterType` field holds one of `filterValues`, by ascending id.
 * `filterType` is `id`, `email`, `cookies`, `sfdcLeadId` or any other lead field by its REST name.
 * @throws RestError 1002 without filterType or filterValues, 1003 for an unknown filterType or over 300
 *   values, 1001 for a bad batchSize or page token, 1006 for an unknown field in `fields`
 */
export function getLeadsByFilter(
  instance: MarketoInstance,
  fields: RestLeadFields,
  query: URLSearchParams,
): RestLeadPage {
  const filterType = query.get('filterType');
  const values = listParameter(query, 'filterValues');
  if (filterType === null || filterType === '')
    throw new RestError(1002, "Missing value for required parameter 'filterType'");
  if (values.length === 0) throw new RestError(1002, "Missing value for required parameter 'filterValues'");
  if (values.length > MAX_REST_PAGE)
    throw new RestError(1003, `filterValues holds ${values.length} values; at most ${MAX_REST_PAGE}`);
  const names = requestedFields(query, fields);
  const batchSize = batchSizeOf(query);
  const matching = new Map<number, StoredLead>();
  for (const value of values) {
    const found =
      filterType === 'cookies'
        ? [instance.leads.findByCookie(value)].flatMap((lead) => lead ?? [])
        : fields.findLeads(instance.leads, filterType, value);
    if (found === undefined) throw new RestError(1003, `Invalid filterType '${filterType}'`);
    for (const lead of found) matching.set(lead.id, lead);
  }
  const leads = [...matching.values()].sort((a, b) => a.id - b.id);
  const fingerprint = JSON.stringify([filterType, values, names]);
  const offset = readPageToken(query.get('nextPageToken'), fingerprint);
  const page = leads.slice(offset, offset + batchSize);
  const next = offset + page.length;
  return {
    result: page.map((lead) => fields.read(lead, names)),
    ...(next < leads.length ? { nextPageToken: pageToken(next, fingerprint) } : {}),
  };
}

/** Describe Leads: every lead field with its REST and SOAP names. */
export function describeLeads(fields: RestLeadFields): RestFieldDescription[] {
  return fields.describe();
}
