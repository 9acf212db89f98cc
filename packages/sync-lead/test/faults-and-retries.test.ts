// Which failures are retried and which are final, over real HTTP: scripted answers from a raw server
// (the documentation's fault envelope and variants of it), and the mock for stale signatures.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSyncLeadClient, MarketoError, TransportError, type TraceEvent } from '../src/index.js';
import { describeWithShared, docsFixture, elementTexts, faultEnvelope, type RawReply } from '@org/test-support';
import { useScriptedClients } from './support/scripted.js';
import { FAST_RETRY, startMock } from './support/mock.js';

const fault20014 = docsFixture('fault-20014.response.xml');
const success = docsFixture('synclead.response.xml');
const lead = { email: 't@t.com', attributes: { FirstName: 'George' } };
const fault = (code: number, message: string): RawReply => ({ status: 500, body: faultEnvelope(fault20014, code, message) });

const raw = useScriptedClients();
const scripted = raw.start;

describeWithShared('final failures are sent exactly once', () => {
  it('fault-20014.response.xml yields MarketoError 20014, sent exactly once', async () => {
    const syncLead = await scripted([{ status: 500, body: fault20014 }]);
    const error = await syncLead.syncLead(lead).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarketoError);
    expect(error).toMatchObject({
      code: 20014,
      retryable: false,
      faultString: '20014 - Authentication failed',
      faultCode: 'SOAP-ENV:Client',
      httpStatus: 500,
      message: 'Marketo fault 20014: Authentication failed',
    });
    expect(raw.server.requests).toHaveLength(1);
  });

  it('20014 is not retried even by a predicate that retries everything', async () => {
    const syncLead = await scripted([{ status: 500, body: fault20014 }], { retry: { ...FAST_RETRY, shouldRetry: () => true } });
    await expect(syncLead.syncLead(lead)).rejects.toMatchObject({ code: 20014 });
    expect(raw.server.requests).toHaveLength(1);
  });

  it.each([
    [20105, 'Lead Attribute Bad'],
    [20103, 'Lead Not Found'],
    [20015, 'Request Limit Exceeded'],
    [20110, 'Bad Parameter'],
  ])('documented non-retryable fault %i is sent once', async (code, message) => {
    const syncLead = await scripted([fault(code, message)]);
    await expect(syncLead.syncLead(lead)).rejects.toMatchObject({ name: 'MarketoError', code, retryable: false });
    expect(raw.server.requests).toHaveLength(1);
  });

  it('the fault code is read from the detail even when soap parses it as a string, and from the faultstring without detail', async () => {
    const noDetail = fault20014.replace(/<detail>[\s\S]*<\/detail>/, '').replace('20014 - Authentication failed', '20024 - Concurrency Limit Exceeded');
    const syncLead = await scripted([{ status: 500, body: noDetail }], { retry: false });
    await expect(syncLead.syncLead(lead)).rejects.toMatchObject({ code: 20024, retryable: true });
  });

  it('HTTP 500 without a SOAP fault is a TransportError with the status, not retried', async () => {
    const syncLead = await scripted([{ status: 500, body: '' }]);
    const error = await syncLead.syncLead(lead).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ httpStatus: 500, retryable: false });
    expect(raw.server.requests).toHaveLength(1);
  });

  it('a refused connection is a TransportError keeping the socket error as cause, not retried', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = raw.track(createSyncLeadClient({ endpoint: `http://127.0.0.1:${port}/soap`, userId: 'u', secretKey: 'k', rateLimit: false, retry: FAST_RETRY }));
    const error = await client.syncLead(lead).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ errorCode: 'ECONNREFUSED', retryable: false });
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect((error as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describeWithShared('retryable failures are retried within the bound', () => {
  it.each([
    ['20023 rate limit', fault(20023, 'Rate Limit Exceeded')],
    ['20024 concurrency limit', fault(20024, 'Concurrency Limit Exceeded')],
    ['10001 internal error', fault(10001, 'Internal Error')],
    ['20011 internal error', fault(20011, 'Internal Error')],
    ['HTTP 502', { status: 502, body: 'Bad Gateway' }],
    ['HTTP 503', { status: 503, body: '<html>Service Unavailable</html>' }],
    ['HTTP 504', { status: 504, body: '' }],
    ['a connection reset', { reset: true }],
  ] as Array<[string, RawReply]>)('%s, then success', async (_name, failure) => {
    const syncLead = await scripted([failure, failure, { body: success }]);
    await expect(syncLead.syncLead(lead)).resolves.toEqual({ leadId: 1089965, status: 'UPDATED' });
    expect(raw.server.requests).toHaveLength(3);
  });

  it('a fault that keeps coming is given up after maxAttempts, with the last error', async () => {
    const syncLead = await scripted([fault(20023, 'Rate Limit Exceeded')], { retry: { ...FAST_RETRY, maxAttempts: 3 } });
    await expect(syncLead.syncLead(lead)).rejects.toMatchObject({ name: 'MarketoError', code: 20023 });
    expect(raw.server.requests).toHaveLength(3);
  });

  it('resets that keep coming end in a TransportError ECONNRESET after maxAttempts', async () => {
    const syncLead = await scripted([{ reset: true }], { retry: { ...FAST_RETRY, maxAttempts: 2 } });
    const error = await syncLead.syncLead(lead).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ errorCode: 'ECONNRESET', retryable: true });
    expect(raw.server.requests).toHaveLength(2);
  });

  it('retry: false sends once', async () => {
    const syncLead = await scripted([{ status: 503, body: '' }], { retry: false });
    await expect(syncLead.syncLead(lead)).rejects.toMatchObject({ httpStatus: 503 });
    expect(raw.server.requests).toHaveLength(1);
  });

  it('a caller-supplied predicate decides: it can refuse a retryable failure and retry a non-retryable one', async () => {
    const seen: Array<[string, number]> = [];
    const refuse = await scripted([{ status: 503, body: '' }], {
      retry: { ...FAST_RETRY, shouldRetry: (error, attempt) => (seen.push([(error as Error).name, attempt]), false) },
    });
    await expect(refuse.syncLead(lead)).rejects.toMatchObject({ httpStatus: 503 });
    expect(raw.server.requests).toHaveLength(1);
    expect(seen).toEqual([['TransportError', 1]]);
    refuse.close();
    await raw.server.close();

    const retryFailed = await scripted([fault(20106, 'Lead Sync Failed'), { body: success }], {
      retry: { ...FAST_RETRY, shouldRetry: (error) => error instanceof MarketoError && error.code === 20106 },
    });
    await expect(retryFailed.syncLead(lead)).resolves.toMatchObject({ status: 'UPDATED' });
    expect(raw.server.requests).toHaveLength(2);
  });

  it('each retry is traced with the error that caused it', async () => {
    const events: TraceEvent[] = [];
    const syncLead = await scripted([fault(20024, 'Concurrency Limit Exceeded'), { body: success }], { onTrace: (event) => events.push(event) });
    await syncLead.syncLead(lead);
    expect(events.filter((event) => event.type === 'retry')).toEqual([
      { type: 'retry', operation: 'syncLead', attempt: 1, errorName: 'MarketoError', message: 'Marketo fault 20024: Concurrency Limit Exceeded', code: 20024 },
    ]);
    expect(events.filter((event) => event.type === 'request').map((event) => event.attempt)).toEqual([1, 2]);
  });
});

describeWithShared('20016 Request Expired', () => {
  it('is retried once with a new signature and succeeds', async () => {
    const syncLead = await scripted([fault(20016, 'Request Expired'), { body: success }]);
    await expect(syncLead.syncLead(lead)).resolves.toEqual({ leadId: 1089965, status: 'UPDATED' });
    expect(raw.server.requests).toHaveLength(2);
    const [first, second] = raw.server.requests.map((request) => elementTexts(request.body, 'requestSignature')[0]);
    expect(first).toMatch(/^[0-9a-f]{40}$/);
    expect(second).toMatch(/^[0-9a-f]{40}$/);
    expect(second).not.toBe(first);
  });

  it("is corrected by the server's clock when this machine's clock is off (against the mock)", async () => {
    const mock = await startMock();
    try {
      const hourSlow = (): Date => new Date(Date.now() - 60 * 60_000);
      const syncLead = mock.client({ now: hourSlow, retry: { ...FAST_RETRY, maxAttempts: 2 } });
      await expect(syncLead.syncLead({ email: 'clock@example.com' })).resolves.toMatchObject({ status: 'CREATED' });
      expect(mock.server.stats().faults[20016]).toBe(1);
      expect(mock.server.stats().requests).toBe(2);
      // The correction is kept: the next call is signed right the first time.
      await expect(syncLead.syncLead({ email: 'clock@example.com' })).resolves.toMatchObject({ status: 'UPDATED' });
      expect(mock.server.stats().faults[20016]).toBe(1);
      expect(mock.server.stats().requests).toBe(3);
    } finally {
      await mock.close();
    }
  });
});

describe('injected faults of the mock', () => {
  it('503s and resets injected at random are retried within the bound and every lead is stored once', async () => {
    const mock = await startMock({ faults: { http503: 0.2, reset: 0.2 }, seed: 42 });
    try {
      const syncLead = mock.client({ retry: { ...FAST_RETRY, maxAttempts: 8 } });
      const emails = Array.from({ length: 20 }, (_, index) => `injected-${index}@example.com`);
      const results = [];
      for (const email of emails) results.push(await syncLead.syncLead({ email }));
      expect(results.every((result) => result.status === 'CREATED')).toBe(true);
      const stats = mock.server.stats();
      expect(stats.injected.http503 + stats.injected.reset).toBeGreaterThan(0);
      expect(stats.requests).toBe(20 + stats.injected.http503 + stats.injected.reset);
      expect(mock.server.leads().map((stored) => stored.email).sort()).toEqual([...emails].sort());
    } finally {
      await mock.close();
    }
  });

  it('20023 and 20024 injected by the mock are retried within the bound', async () => {
    const mock = await startMock({ faults: { marketo: [{ code: 20023, rate: 0.25 }, { code: 20024, rate: 0.25 }] }, seed: 7 });
    try {
      const syncLead = mock.client({ retry: { ...FAST_RETRY, maxAttempts: 8 } });
      for (let index = 0; index < 12; index += 1) await syncLead.syncLead({ email: `limit-${index}@example.com` });
      const stats = mock.server.stats();
      expect((stats.faults[20023] ?? 0) + (stats.faults[20024] ?? 0)).toBeGreaterThan(0);
      expect(mock.server.leads()).toHaveLength(12);
    } finally {
      await mock.close();
    }
  });
});
