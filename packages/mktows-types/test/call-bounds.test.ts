// The typed client's safe defaults: every call has a total deadline (60 s unless the client or the call
// says otherwise), reads at most maxResponseBytes, asks for an identity-encoded answer, and refuses
// bad bound values with a TypeError before anything is sent. (What each bound does against a hostile
// server, in a process of its own, is in packages/sync-lead/test/hostile-raw-client.test.ts.)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextIo } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createMktowsClient,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MKTOWS_TIMEOUT_MS,
  MktowsTransportError,
  type MktowsSoapClient,
} from '../src/index.js';
import { successEnvelope } from './support/soap-test-server.js';

const getLeadParams = { leadKey: { keyType: 'IDNUM', keyValue: '1' } } as const;

let server: http.Server;
let endpoint: string;
/** What the server does with the next requests: answer with a body, or say nothing. */
let answer: { body: string } | 'silent' = 'silent';
const received: http.IncomingHttpHeaders[] = [];
const arrivals: Array<() => void> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    received.push(req.headers);
    req.resume();
    req.on('end', () => {
      arrivals.shift()?.();
      if (answer === 'silent') return;
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/soap/mktows/2_2`;
});
afterEach(() => {
  vi.useRealTimers();
  server.closeAllConnections();
  answer = 'silent';
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function nextArrival(): Promise<void> {
  return new Promise((resolve) => arrivals.push(resolve));
}

async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

describe('createMktowsClient bounds', () => {
  it('ends a call the server never answers after the default 60 s, without any timeout given', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = await createMktowsClient({ endpoint });
    const arrived = nextArrival();
    let settled = false;
    const call = failureOf(client.getLead(getLeadParams)).finally(() => (settled = true));
    await arrived;
    vi.advanceTimersByTime(DEFAULT_MKTOWS_TIMEOUT_MS - 1);
    await nextIo();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    const error = await call;
    expect(error).toBeInstanceOf(MktowsTransportError);
    expect(error).toMatchObject({ reason: 'timeout', limit: DEFAULT_MKTOWS_TIMEOUT_MS });
  });

  it("uses the client's timeout, and a call's own timeout over it", async () => {
    const client = await createMktowsClient({ endpoint, timeout: 80 });
    await expect(failureOf(client.getLead(getLeadParams))).resolves.toMatchObject({ reason: 'timeout', limit: 80 });
    await expect(failureOf(client.getLead(getLeadParams, { timeout: 40 }))).resolves.toMatchObject({
      reason: 'timeout',
      limit: 40,
    });
  });

  it('reads at most maxResponseBytes (default 8 MiB) and asks for Accept-Encoding: identity', async () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(8 * 1024 * 1024);
    const body = successEnvelope('successGetLead', '<result><count>0</count></result>');
    answer = { body };
    const roomy = await createMktowsClient({ endpoint, maxResponseBytes: Buffer.byteLength(body) });
    await expect(roomy.getLead(getLeadParams)).resolves.toEqual({ result: { count: 0 } });
    expect(received.at(-1)?.['accept-encoding']).toBe('identity');

    const tight = await createMktowsClient({ endpoint, maxResponseBytes: Buffer.byteLength(body) - 1 });
    const error = await failureOf(tight.getLead(getLeadParams));
    expect(error).toBeInstanceOf(MktowsTransportError);
    expect(error).toMatchObject({ reason: 'response-too-large', limit: Buffer.byteLength(body) - 1, httpStatus: 200 });
  });

  it.each([
    ['timeout', 0],
    ['timeout', -5],
    ['timeout', Number.NaN],
    ['timeout', Infinity],
    ['timeout', '100'],
    ['maxResponseBytes', 0],
    ['maxResponseBytes', 1.5],
    ['maxResponseBytes', Infinity],
  ])('refuses %s: %s with a TypeError naming it', async (name, value) => {
    await expect(createMktowsClient({ endpoint, [name]: value })).rejects.toThrow(
      new RegExp(`^${name} must be a positive`),
    );
  });

  it('refuses a bad call timeout before sending anything', async () => {
    const client: MktowsSoapClient = await createMktowsClient({ endpoint });
    const before = received.length;
    await expect(client.getLead(getLeadParams, { timeout: -1 })).rejects.toThrow(TypeError);
    expect(received.length).toBe(before);
  });
});
