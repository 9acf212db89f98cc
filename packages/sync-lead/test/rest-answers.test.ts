// How the REST core reads answers, over real HTTP: Sync Leads statuses become CREATED / UPDATED /
// FAILED (with Marketo's 1xxx reasons), request-level codes become MarketoError with Marketo's code and
// documented `retryable`, HTTP error statuses TransportError naming the status, and bodies that are not
// Marketo's JSON envelope InvalidResponseError; responses are bounded in size and time.
import { afterEach, describe, expect, it } from 'vitest';
import { AbortError, InvalidResponseError, MarketoError, SyncFailedError, TimeoutError, TransportError } from '../src/errors.js';
import { toRestSyncLeadResult } from '../src/rest/rest-sync-result.js';
import { type RawReply } from '@org/test-support';
import { errorReply, json, oneLeadByEmail, resultReply, restApiFor, startRestServer, type RestTestServer } from './support/rest-server.js';

let server: RestTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function syncFailure(reply: RawReply, options: Parameters<typeof restApiFor>[1] = {}): Promise<unknown> {
  server = await startRestServer(() => reply);
  return restApiFor(server, options).syncLeads(oneLeadByEmail).catch((error: unknown) => error);
}

const threeLeads = {
  action: 'createOrUpdate' as const,
  lookupField: 'email',
  input: [{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'c@example.com' }],
};

describe('Sync Leads results', () => {
  it('created, updated and skipped records become CREATED, UPDATED and FAILED with the reasons, in input order', async () => {
    server = await startRestServer(() =>
      resultReply([
        { id: 50, status: 'created' },
        { id: 51, status: 'updated' },
        { status: 'skipped', reasons: [{ code: '1007', message: 'Multiple lead match lookup criteria' }] },
      ]),
    );
    const [first, second, third] = await restApiFor(server).syncLeads(threeLeads);
    expect(first).toEqual({ status: 'CREATED', leadId: 50 });
    expect(second).toEqual({ status: 'UPDATED', leadId: 51 });
    expect(third).toMatchObject({ status: 'FAILED', leadId: undefined });
    expect(third!.error).toBeInstanceOf(SyncFailedError);
    expect(third!.error).toMatchObject({ reason: '1007 Multiple lead match lookup criteria', retryable: false });
    expect(() => toRestSyncLeadResult(third!)).toThrow(SyncFailedError);
    expect(toRestSyncLeadResult(first!)).toEqual({ leadId: 50, status: 'CREATED' });
  });

  it("reads the Swagger's single `reason` too, and every reason of a record", async () => {
    server = await startRestServer(() =>
      resultReply([
        { id: 9, status: 'skipped', reason: { code: '1004', message: 'Lead not found' } },
        { status: 'skipped', reasons: [{ code: '1006', message: "Field 'Nope' not found" }, { code: 1003, message: '' }] },
        { status: 'skipped' },
      ]),
    );
    const outcomes = await restApiFor(server).syncLeads(threeLeads);
    expect(outcomes.map((outcome) => (outcome.error as SyncFailedError).reason)).toEqual([
      '1004 Lead not found',
      "1006 Field 'Nope' not found; 1003 Invalid data",
      'skipped without a reason',
    ]);
    expect(outcomes[0]!.leadId).toBe(9);
  });

  it.each([
    ['fewer records than sent', [{ id: 1, status: 'created' }]],
    ['an unknown status', [{ id: 1, status: 'created' }, { id: 2, status: 'deleted' }, { id: 3, status: 'created' }]],
    ['a created record without id', [{ status: 'created' }, { id: 2, status: 'created' }, { id: 3, status: 'created' }]],
  ])('an answer with %s is an InvalidResponseError', async (_what, result) => {
    server = await startRestServer(() => resultReply(result));
    await expect(restApiFor(server).syncLeads(threeLeads)).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe('request-level errors', () => {
  it.each([
    [606, 'Max rate limit 100 exceeded with in 20 secs', true],
    [615, 'Concurrent access limit reached', true],
    [604, 'Request timed out', true],
    [608, 'API Temporarily Unavailable', true],
    [611, 'System error', true],
    [607, 'Daily quota reached', false],
    [603, 'Access denied', false],
    [609, 'Invalid JSON', false],
    [1003, 'Invalid data', false],
  ])('code %i is a MarketoError with that code, retryable %s', async (code, message, retryable) => {
    const failure = await syncFailure(errorReply(code, message));
    expect(failure).toBeInstanceOf(MarketoError);
    expect(failure).toMatchObject({ code, retryable, faultCode: 'REST', httpStatus: 200, message: `Marketo fault ${code}: ${message}` });
    expect(server!.apiRequests()).toHaveLength(1); // only 601/602 are repeated by the core itself
  });

  it('HTTP 502 is a retryable TransportError naming the status', async () => {
    const failure = await syncFailure({ status: 502, body: '<html>Bad Gateway</html>', headers: { 'content-type': 'text/html' } });
    expect(failure).toBeInstanceOf(TransportError);
    expect(failure).toMatchObject({ httpStatus: 502, retryable: true });
    expect((failure as Error).message).toBe('The REST server answered HTTP 502 to POST /rest/v1/leads.json (body: <html>Bad Gateway</html>)');
  });

  it('HTTP 500 and 413 are TransportErrors that are not retried; a redirect is not followed', async () => {
    expect(await syncFailure({ status: 500, body: '' })).toMatchObject({ name: 'TransportError', httpStatus: 500, retryable: false });
    await server!.close();
    expect(await syncFailure({ status: 413, body: 'too large' })).toMatchObject({ httpStatus: 413, retryable: false });
    await server!.close();
    const redirect = await syncFailure({ status: 301, body: '', headers: { location: 'https://elsewhere.example/' } });
    expect(redirect).toMatchObject({ name: 'TransportError', httpStatus: 301 });
    expect((redirect as Error).message).toContain('redirects are not followed');
    expect(server!.apiRequests()).toHaveLength(1);
  });

  it.each([
    ['an empty body', { body: '' }, 'with an empty body'],
    ['HTML', { body: '<html>maintenance</html>' }, 'with a body that is not JSON (<html>maintenance</html>)'],
    ['JSON that is not an object', { body: '[1,2]' }, 'with JSON that is not an object'],
  ])('HTTP 200 with %s is an InvalidResponseError naming the status', async (_what, reply, message) => {
    const failure = await syncFailure({ ...reply, headers: { 'content-type': 'application/json' } });
    expect(failure).toBeInstanceOf(InvalidResponseError);
    expect(failure).toMatchObject({ httpStatus: 200, retryable: false, message: `The REST server answered HTTP 200 to POST /rest/v1/leads.json ${message}` });
  });

  it('JSON without `success`, or success: false without a code, is an InvalidResponseError', async () => {
    expect(await syncFailure(json({ requestId: 'x', result: [] }))).toMatchObject({
      name: 'InvalidResponseError',
      message: 'The REST answer to POST /rest/v1/leads.json is not Marketo\'s envelope (no "success")',
    });
    await server!.close();
    expect(await syncFailure(json({ requestId: 'x', success: false, errors: [{ message: 'no code' }] }))).toBeInstanceOf(
      InvalidResponseError,
    );
  });
});

describe('bounds', () => {
  it('a body larger than maxResponseBytes is refused while it arrives (no Content-Length needed)', async () => {
    const big = JSON.stringify({ success: true, requestId: 'x', result: [{ id: 1, status: 'created', pad: 'x'.repeat(5000) }] });
    const declared = await syncFailure(json(JSON.parse(big)), { limits: { maxResponseBytes: 1024 } });
    expect(declared).toBeInstanceOf(TransportError);
    expect((declared as Error).message).toBe(
      'The response to POST /rest/v1/leads.json is larger than maxResponseBytes (1024 bytes); it was not read',
    );
    await server!.close();
    const streamed = await syncFailure(
      { body: big, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
      { limits: { maxResponseBytes: 1024 } },
    );
    expect(streamed).toBeInstanceOf(TransportError);
    expect(streamed).toMatchObject({ retryable: false });
  });

  it('a compressed answer is refused unread (the client asks for identity), with limit maxResponseBytes named on size', async () => {
    const failure = await syncFailure({ body: 'H4sI', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(failure).toBeInstanceOf(TransportError);
    expect((failure as Error).message).toBe('The response to POST /rest/v1/leads.json is compressed (gzip), which was not asked for; it was not read');
    expect(server!.requests[1]?.headers['accept-encoding']).toBe('identity');
    const big = await syncFailure(json({ success: true, requestId: 'x', result: [{ id: 1, status: 'created', pad: 'x'.repeat(5000) }] }), {
      limits: { maxResponseBytes: 1024 },
    });
    expect(big).toMatchObject({ limit: 'maxResponseBytes' });
  });

  it("server text in an error is one line of at most 300 characters (a 1 MB message, a 1 MB skipped record's reason)", async () => {
    const huge = `line one\nline two ${'x'.repeat(1_000_000)}`;
    const refused = await syncFailure(errorReply(611, huge), { limits: { timeoutMs: 10_000 } });
    expect(refused).toBeInstanceOf(MarketoError);
    expect((refused as Error).message.length).toBeLessThan(400);
    expect((refused as Error).message).toMatch(/^Marketo fault 611: line one line two x+… \(1000018 characters\)$/);
    await server!.close();
    const skipped = await syncFailure(resultReply([{ status: 'skipped', reasons: [{ code: '1003', message: huge }] }]), { limits: { timeoutMs: 10_000 } });
    const [outcome] = skipped as Array<{ error: SyncFailedError }>;
    expect(outcome!.error.reason.length).toBeLessThan(400);
  });

  it('a server that never answers ends in a TimeoutError within the deadline', async () => {
    server = await startRestServer(() => ({ hang: true }));
    const started = performance.now();
    const failure = await restApiFor(server, { limits: { timeoutMs: 200 } }).syncLeads(oneLeadByEmail).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TimeoutError);
    expect(failure).toMatchObject({ timeoutMs: 200, retryable: true });
    expect(performance.now() - started).toBeLessThan(200 + 5_000); // a generous bound tied to the configured deadline
  });

  it('a reset connection is a retryable TransportError with the socket code; an abort an AbortError', async () => {
    const reset = await syncFailure({ reset: true });
    expect(reset).toBeInstanceOf(TransportError);
    expect(reset).toMatchObject({ errorCode: 'ECONNRESET', retryable: true });
    await server!.close();
    server = await startRestServer(() => ({ hang: true }));
    const controller = new AbortController();
    const call = restApiFor(server).syncLeads(oneLeadByEmail, { signal: controller.signal });
    await server.waitForRequests(2);
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AbortError);
  });
});
