// timeoutMs bounds each attempt (a timed-out attempt is retried); an AbortSignal ends the whole call
// wherever it is: before sending, in flight, or while backing off before a retry.
import { expect, it } from 'vitest';
import { AbortError, TimeoutError } from '../src/index.js';
import { FAST_RETRY } from './support/mock.js';
import { describeWithShared, docsFixture } from '@org/test-support';
import { useScriptedClients } from './support/scripted.js';

const success = docsFixture('synclead.response.xml');
const lead = { email: 't@t.com' };

const raw = useScriptedClients({ userId: 'u', secretKey: 'k' });
const scripted = raw.start;

describeWithShared('timeoutMs', () => {
  it('aborts an attempt that takes too long and retries it', async () => {
    const syncLead = await scripted([{ hang: true }, { body: success }], { timeoutMs: 150 });
    await expect(syncLead.syncLead(lead)).resolves.toMatchObject({ status: 'UPDATED' });
    expect(raw.server.requests).toHaveLength(2);
  });

  it('ends in a TimeoutError when every attempt times out', async () => {
    const syncLead = await scripted([{ hang: true }], { timeoutMs: 100, retry: { ...FAST_RETRY, maxAttempts: 2 } });
    const error = await syncLead.syncLead(lead).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, retryable: true });
    expect(raw.server.requests).toHaveLength(2);
  });

  it('can be set per call', async () => {
    const syncLead = await scripted([{ hang: true }], { timeoutMs: 60_000, retry: false });
    await expect(syncLead.syncLead(lead, { timeoutMs: 100 })).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 100 });
  });
});

describeWithShared('AbortSignal', () => {
  it('an already aborted signal: AbortError and nothing sent', async () => {
    const syncLead = await scripted([{ body: success }]);
    const error = await syncLead.syncLead(lead, { signal: AbortSignal.abort('stop') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toBe('stop');
    expect(raw.server.requests).toHaveLength(0);
  });

  it('aborting while the request is in flight rejects with AbortError and does not retry', async () => {
    const syncLead = await scripted([{ hang: true }, { body: success }]);
    const controller = new AbortController();
    const pending = syncLead.syncLead(lead, { signal: controller.signal });
    await raw.server.waitForRequests(1);
    controller.abort(new Error('user cancelled'));
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(((error as Error).cause as Error).message).toBe('user cancelled');
    expect(raw.server.requests).toHaveLength(1);
  });

  it('aborting during the backoff before a retry rejects at once and sends nothing more', async () => {
    const controller = new AbortController();
    const syncLead = await scripted([{ status: 503, body: '' }], {
      retry: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
      onTrace: (event) => {
        if (event.type === 'retry') controller.abort();
      },
    });
    await expect(syncLead.syncLead(lead, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(raw.server.requests).toHaveLength(1);
  });

  it('aborting a call waiting for the rate limiter rejects it without sending it', async () => {
    const syncLead = await scripted([{ body: success }], { rateLimit: { calls: 1, windowMs: 60_000 } });
    await syncLead.syncLead(lead);
    const controller = new AbortController();
    const queued = syncLead.syncLead(lead, { signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toBeInstanceOf(AbortError);
    expect(raw.server.requests).toHaveLength(1);
  });

  it('close() ends calls in flight and queued with an AbortError', async () => {
    const syncLead = await scripted([{ hang: true }], { rateLimit: { calls: 1, windowMs: 60_000 } });
    const inFlight = syncLead.syncLead(lead);
    const queued = syncLead.syncLead({ email: 'queued@example.com' });
    await raw.server.waitForRequests(1);
    syncLead.close();
    for (const call of [inFlight, queued]) {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AbortError);
      expect(((error as Error).cause as Error).message).toBe('The client was closed');
    }
    expect(raw.server.requests).toHaveLength(1);
  });
});
