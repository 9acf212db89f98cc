// One call against a hostile server, in a process of its own, so that what the call costs in memory is
// measured honestly: peak RSS (the kernel's maxRSS) after the call minus RSS just before it, after a
// first, ordinary call has loaded everything (soap, the WSDL, sockets). Prints one JSON line: how the call
// ended (the error in every form a user could print it: message, stack, util.inspect, JSON, causes),
// the trace events, how long it took and the memory growth.
//
// node hostile-client.mjs '{"mode":"sync-lead"|"bulk"|"raw","endpoint":"...","userId":"...","secretKey":"...","timeoutMs":2000}'
import { inspect } from 'node:util';
import { createAuthenticationHeader } from '@org/mktows-auth';
import { createMktowsClient } from '@org/mktows-types';
import { createSyncLeadClient } from '@org/sync-lead';

const settings = JSON.parse(process.argv[2]);
const { mode, endpoint, userId, secretKey, timeoutMs } = settings;
const traces = [];
const lead = { email: 'hostile@example.com', attributes: { FirstName: 'Mallory' } };

/** The call to make twice: once ordinary (warm-up), once hostile. */
async function makeCall() {
  if (mode === 'raw') {
    const client = await createMktowsClient({
      endpoint,
      timeout: timeoutMs,
      headers: () => ({ AuthenticationHeader: createAuthenticationHeader({ userId, secretKey }) }),
    });
    return () => client.syncLead({ leadRecord: { Email: lead.email }, returnLead: false });
  }
  const client = createSyncLeadClient({ endpoint, userId, secretKey, timeoutMs, retry: false, rateLimit: false, onTrace: (event) => traces.push(event) });
  if (mode === 'bulk') return () => client.syncLeads([lead, { email: 'second@example.com' }, { email: 'third@example.com' }]);
  return () => client.syncLead(lead);
}

// soap's own rejections, which the raw client passes through, hold the whole axios exchange (sockets,
// agents): printed that deep they would be enormous. sync-lead's errors are small and printed whole.
const inspectOptions = { depth: mode === 'raw' ? 3 : Infinity, showHidden: true };

/** JSON.stringify, or why it could not (soap's errors can be circular). */
function json(value) {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    return `(not serialisable: ${error.message})`;
  }
}

/** Everything a user could print of an error, as text, its cause chain included. */
function describe(error) {
  if (!(error instanceof Error)) return { name: typeof error, message: '', details: {}, causeNames: [], printed: inspect(error, inspectOptions) };
  const printed = [inspect(error, inspectOptions), json(error), String(error), error.stack ?? ''];
  for (let cause = error.cause; cause !== undefined && cause !== null; cause = cause.cause) {
    printed.push(inspect(cause, inspectOptions), String(cause), cause.stack ?? '', json(cause));
  }
  const { reason, limit, httpStatus, code, faultString, faultCode, timeoutMs: errorTimeoutMs } = error;
  return {
    name: error.name,
    message: error.message,
    details: { reason, limit, httpStatus, code, faultString, faultCode, timeoutMs: errorTimeoutMs },
    causeNames: printedCauseNames(error),
    printed: printed.join('\n'),
  };
}

function printedCauseNames(error) {
  const names = [];
  for (let cause = error.cause; cause instanceof Error; cause = cause.cause) names.push(cause.name);
  return names;
}

const call = await makeCall();
await call(); // warm-up: the server answers the first request normally
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
let outcome;
try {
  const result = await call();
  outcome = {
    settled: 'resolved',
    result: mode === 'bulk' ? result.results.map(({ status, error }) => ({ status, error: error && describe(error) })) : result,
  };
} catch (error) {
  outcome = { settled: 'rejected', error: describe(error) };
}
const durationMs = performance.now() - started;
const peakRss = process.resourceUsage().maxRSS * 1024;
// Sockets of the hostile exchange may still be open (a server that never stops): once the report is
// written out, the process ends.
process.stdout.write(
  `${JSON.stringify({ ...outcome, durationMs, growthMb: (peakRss - rssBefore) / 2 ** 20, traces: JSON.stringify(traces) })}\n`,
  () => process.exit(0),
);
