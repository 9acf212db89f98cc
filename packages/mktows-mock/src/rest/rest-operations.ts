// One Lead Database call on the instance: the body's content type and JSON checked for Sync Leads, then the
// operation. Each runs synchronously, so a call is atomic, as SOAP calls are.
import type { RestOperationId } from '@org/marketo-rest-types';

import type { MarketoInstance } from '../instance/marketo-instance.js';
import { WEB_SERVICE_SOURCE } from '../instance/lead-activities.js';
import { RestError } from './rest-error.js';
import type { RestLeadFields } from './rest-fields.js';
import { describeLeads, getLeadById, getLeadsByFilter } from './rest-read-leads.js';
import { syncLeadsOverRest } from './rest-sync-leads.js';

/** The `Reason` of a change made through the REST API, as `Change Data Value` activities record it. */
const REST_API_REASON = 'REST API';

/** What the HTTP layer read of a call. */
export interface RestOperationRequest {
  operation: Exclude<RestOperationId, 'identityUsingGET'>;
  /** The `{leadId}` of Get Lead by Id. */
  leadId: number | undefined;
  query: URLSearchParams;
  contentType: string | undefined;
  body: string;
}

/** What the operations work on. */
interface RestOperationContext {
  instance: MarketoInstance;
  fields: RestLeadFields;
}

/** The JSON body of a POST, or the REST error Marketo answers for it. */
function readJsonBody(request: RestOperationRequest): unknown {
  const mediaType = (request.contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new RestError(612, `Invalid Content Type: send the body as application/json`);
  }
  try {
    return JSON.parse(request.body) as unknown;
  } catch {
    throw new RestError(609, 'Invalid JSON');
  }
}

/**
 * Runs one call.
 * @returns the success envelope's fields (`result`, and `nextPageToken` when more follows)
 * @throws RestError for a request refused as a whole
 */
export function runRestOperation(
  request: RestOperationRequest,
  context: RestOperationContext,
): Record<string, unknown> {
  const { instance, fields } = context;
  switch (request.operation) {
    case 'syncLeadUsingPOST': {
      const body = readJsonBody(request);
      const events = instance.syncEvents(WEB_SERVICE_SOURCE, REST_API_REASON);
      return { result: syncLeadsOverRest(body, { instance, fields, events }) };
    }
    case 'getLeadByIdUsingGET':
      return { ...getLeadById(instance, fields, request.leadId ?? 0, request.query) };
    case 'getLeadsByFilterUsingGET':
      return { ...getLeadsByFilter(instance, fields, request.query) };
    case 'describeUsingGET_2':
      return { result: describeLeads(fields) };
  }
}
