// Sizes on both sides of a call. Requests: syncLeads cuts batches so that each request stays under
// maxRequestBytes, fails a lead too large for any request alone (ValidationError, never sent) while the
// rest of its batch syncs, and splits a batch the server refuses with 20012 (request too large, or not
// understood) until the lead it refuses fails alone. Responses: maxResponseBytes bounds what is read.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSyncLeadClient,
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_MAX_RESPONSE_BYTES,
  MarketoError,
  type SyncLeadClient,
  type SyncLeadInput,
  TransportError,
  ValidationError,
} from '../src/index.js';
import { faultAnswer, syncLeadAnswer, syncMultipleLeadsAnswer } from './support/hostile-calls.js';
import { FAST_RETRY, type MockFixture, startMock } from './support/mock.js';
import { type RawServer, startRawServer } from '@org/test-support';

const KIB = 1024;

function leads(count: number, prefix: string, attributes: Record<string, string> = {}): SyncLeadInput[] {
  return Array.from({ length: count }, (_, index) => ({
    email: `${prefix}${index}@example.com`,
    attributes: { FirstName: `F${index}`, ...attributes },
  }));
}

let mock: MockFixture | undefined;
let raw: RawServer | undefined;
let client: SyncLeadClient | undefined;
afterEach(async () => {
  client?.close();
  await mock?.close();
  await raw?.close();
  mock = raw = client = undefined;
});

describe('request size (syncLeads)', () => {
  it('defaults: 32 MiB per request, 8 MiB per response', () => {
    expect(DEFAULT_MAX_REQUEST_BYTES).toBe(32 * 1024 * KIB);
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(8 * 1024 * KIB);
  });

  it('a lead larger than one request fails alone with a ValidationError, unsent; the rest of its batch syncs', async () => {
    mock = await startMock({ rateLimit: false, maxRequestBytes: 64 * KIB });
    client = mock.client({ maxRequestBytes: 64 * KIB });
    const inputs = leads(300, 'size');
    inputs[150] = { email: 'huge@example.com', attributes: { Address: 'a'.repeat(100 * KIB) } };

    const run = await client.syncLeads(inputs);

    expect(run).toMatchObject({ created: 299, failed: 1 });
    const error = run.results[150]?.error;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'lead', message: expect.stringMatching(/maxRequestBytes/) });
    expect(mock.server.leads().map((lead) => lead.email)).not.toContain('huge@example.com');
    expect(mock.server.leads()).toHaveLength(299);
    expect(mock.server.stats().faults[20012]).toBeUndefined();
  });

  it('cuts batches so that every request stays under maxRequestBytes', async () => {
    mock = await startMock({ rateLimit: false, maxRequestBytes: 64 * KIB });
    client = mock.client({ maxRequestBytes: 64 * KIB });

    const run = await client.syncLeads(leads(300, 'cut', { Address: 'b'.repeat(KIB) }));

    expect(run).toMatchObject({ created: 300, failed: 0 });
    // ~1.1 KB per record: six requests of at most 64 KiB instead of one of 330 KB.
    expect(mock.server.stats().calls.syncMultipleLeads).toBeGreaterThanOrEqual(6);
    expect(mock.server.stats().faults[20012]).toBeUndefined();
  });

  it('a 20012 from the server splits the batch until the lead it refuses fails alone', async () => {
    // A server with a smaller limit than the client's: it refuses any request over 20 KB with 20012.
    raw = await startRawServer((_, request) =>
      request.body.length > 20_000
        ? { status: 500, body: faultAnswer('SOAP-ENV:Client', '20012 - Request Not Understood', 20012) }
        : { body: syncMultipleLeadsAnswer(request.body.split('<leadRecord>').length - 1) },
    );
    client = createSyncLeadClient({
      endpoint: raw.url,
      userId: 'u',
      secretKey: 'k',
      rateLimit: false,
      retry: FAST_RETRY,
    });
    const inputs = leads(20, 'split');
    inputs[7] = { email: 'big@example.com', attributes: { Address: 'c'.repeat(30 * KIB) } };

    const run = await client.syncLeads(inputs);

    expect(run).toMatchObject({ created: 19, failed: 1 });
    expect(run.results[7]?.error).toBeInstanceOf(MarketoError);
    expect(run.results[7]?.error).toMatchObject({ code: 20012 });
    // Bisection: 20, then 10, 5, 3, 2 and 1 leads refused, the other halves synced.
    expect(raw.requests.length).toBeLessThanOrEqual(12);
  });
});

describe('response size', () => {
  it('maxResponseBytes bounds what is read: a larger answer is a TransportError naming the limit', async () => {
    const answer = syncLeadAnswer('CREATED');
    raw = await startRawServer(() => ({ body: answer }));
    client = createSyncLeadClient({
      endpoint: raw.url,
      userId: 'u',
      secretKey: 'k',
      rateLimit: false,
      retry: false,
      maxResponseBytes: answer.length - 1,
    });

    const error = await client.syncLead({ email: 'small@example.com' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ limit: 'maxResponseBytes', retryable: false });
    expect((error as Error).message).toContain(`maxResponseBytes (${answer.length - 1} bytes)`);
  });

  it.each([
    ['maxResponseBytes', 0],
    ['maxResponseBytes', 1.5],
    ['maxRequestBytes', -1],
    ['maxRequestBytes', '1000'],
    ['timeoutMs', 2 ** 31],
  ])('refuses %s: %s with a ValidationError naming it', (name, value) => {
    expect(() =>
      createSyncLeadClient({ endpoint: 'http://127.0.0.1:1/x', userId: 'u', secretKey: 'k', [name]: value }),
    ).toThrow(expect.objectContaining({ name: 'ValidationError', field: name }));
  });
});
