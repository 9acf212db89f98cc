// Bad input fails with a ValidationError naming the field, before any request: a server that counts
// requests proves nothing was sent. Bad client options fail at createSyncLeadClient.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncLeadClient, createSyncLeadClientFromEnv, ValidationError, type SyncLeadClient } from '../src/index.js';
import { badInputs } from './support/bad-inputs.js';
import { docsFixture, itWithShared, type RawServer, startRawServer } from '@org/test-support';

let server: RawServer;
let client: SyncLeadClient;

beforeAll(async () => {
  server = await startRawServer(() => ({ body: docsFixture('synclead.response.xml') }));
  client = createSyncLeadClient({ endpoint: server.url, userId: 'u', secretKey: 'k', rateLimit: false });
});
afterAll(async () => {
  client.close();
  await server.close();
});

describe('syncLead input validation', () => {
  it('the table holds at least 50 bad inputs', () => {
    expect(badInputs.length).toBeGreaterThanOrEqual(50);
  });

  it.each(badInputs.map((bad) => [bad.why, bad] as const))('%s: ValidationError, nothing sent', async (_why, bad) => {
    const error = await client.syncLead(bad.input as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(bad.field);
    expect((error as ValidationError).message).toContain(bad.field);
    expect((error as ValidationError).message).toContain((error as ValidationError).rule);
    expect(server.requests).toHaveLength(0);
  });

  itWithShared('a valid input after all of them is sent (the counting server does count)', async () => {
    await expect(client.syncLead({ email: 'ok@example.com' })).resolves.toMatchObject({ status: 'UPDATED' });
    expect(server.requests).toHaveLength(1);
  });

  it('bad per-call options are a ValidationError too', async () => {
    await expect(client.syncLead({ email: 'ok@example.com' }, { timeoutMs: -1 })).rejects.toMatchObject({ field: 'options.timeoutMs' });
    await expect(client.syncLead({ email: 'ok@example.com' }, { signal: 'stop' as never })).rejects.toMatchObject({ field: 'options.signal' });
  });
});

describe('client options', () => {
  const base = { endpoint: 'https://123-ABC-456.mktoapi.com/soap/mktows/2_2', userId: 'u', secretKey: 'k' };

  it.each([
    ['http to a remote host', { endpoint: 'http://123-ABC-456.mktoapi.com/soap/mktows/2_2' }, 'endpoint'],
    ['a non-http protocol', { endpoint: 'ftp://example.com/soap' }, 'endpoint'],
    ['a relative URL', { endpoint: '/soap/mktows/2_2' }, 'endpoint'],
    ['credentials in the URL', { endpoint: 'https://user:pw@example.com/soap' }, 'endpoint'],
    ['no endpoint', { endpoint: undefined }, 'endpoint'],
    ['an empty user id', { userId: '' }, 'userId'],
    ['a blank secret key', { secretKey: '  ' }, 'secretKey'],
    ['an empty workspace', { workspace: '' }, 'workspace'],
    ['a zero timeout', { timeoutMs: 0 }, 'timeoutMs'],
    ['zero attempts', { retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
    ['a predicate that is not a function', { retry: { shouldRetry: true } }, 'retry.shouldRetry'],
    ['a rate limit of zero calls', { rateLimit: { calls: 0, windowMs: 1000 } }, 'rateLimit.calls'],
    ['a rate limit without window', { rateLimit: { calls: 10 } }, 'rateLimit.windowMs'],
    ['a fractional concurrency', { concurrency: 2.5 }, 'concurrency'],
    ['an onTrace that is not a function', { onTrace: 'console' }, 'onTrace'],
  ])('%s is refused', (_why, override, field) => {
    let error: unknown;
    try {
      createSyncLeadClient({ ...base, ...(override as object) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
  });

  it.each([
    ['https', 'https://example.com/soap/mktows/2_2', false],
    ['http to 127.0.0.1', 'http://127.0.0.1:8080/soap', false],
    ['http to localhost', 'http://localhost:8080/soap', false],
    ['http to [::1]', 'http://[::1]:8080/soap', false],
    ['http to a remote host with allowInsecureHttp', 'http://mock.internal:8080/soap', true],
  ])('%s is accepted', (_why, endpoint, allowInsecureHttp) => {
    const created = createSyncLeadClient({ ...base, endpoint, allowInsecureHttp });
    created.close();
  });

  it('a closed client refuses calls', async () => {
    const closed = createSyncLeadClient({ ...base });
    closed.close();
    await expect(closed.syncLead({ email: 'a@b.c' })).rejects.toMatchObject({ field: 'client' });
  });
});

describe('createSyncLeadClientFromEnv', () => {
  const env = { MARKETO_SOAP_ENDPOINT: 'https://example.com/soap', MARKETO_USER_ID: 'u', MARKETO_SECRET_KEY: 'k' };

  it.each(['MARKETO_SOAP_ENDPOINT', 'MARKETO_USER_ID', 'MARKETO_SECRET_KEY'])('names %s when it is missing', (name) => {
    const partial: Record<string, string | undefined> = { ...env, [name]: undefined };
    expect(() => createSyncLeadClientFromEnv({}, partial)).toThrow(expect.objectContaining({ field: name }));
  });

  itWithShared('reads the variables and lets overrides win', async () => {
    const fromEnv = createSyncLeadClientFromEnv({ endpoint: server.url }, env);
    try {
      await fromEnv.syncLead({ email: 'env@example.com' });
      const sent = server.requests.at(-1)?.body ?? '';
      expect(sent).toContain('<mktowsUserId>u</mktowsUserId>');
    } finally {
      fromEnv.close();
    }
  });
});
