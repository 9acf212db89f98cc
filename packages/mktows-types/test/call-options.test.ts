// Per-call options reach the HTTP layer: an AbortSignal and a timeout end a call
// the server never answers; extra HTTP headers are sent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMktowsClient, MktowsTransportError, type MktowsSoapClient } from '../src/index.js';

describe('MktowsCallOptions', () => {
  let server: http.Server;
  let client: MktowsSoapClient;
  const seenHeaders: http.IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    // answers nothing: every request stays open until the client gives up
    server = http.createServer((request) => {
      seenHeaders.push(request.headers);
      request.resume();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = await createMktowsClient({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mktows` });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('aborts a call when its signal aborts', async () => {
    const controller = new AbortController();
    const call = client.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '1' } }, { signal: controller.signal });
    await expect.poll(() => seenHeaders.length).toBeGreaterThan(0);
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'ERR_CANCELED' });
  });

  it('ends a call that outlives its timeout, sending the extra HTTP headers', async () => {
    const call = client.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '2' } }, { timeout: 50, httpHeaders: { 'X-Trace-Id': 'abc' } });
    const error: unknown = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MktowsTransportError);
    expect(error).toMatchObject({ reason: 'timeout', limit: 50 });
    expect(seenHeaders.at(-1)?.['x-trace-id']).toBe('abc');
  });
});
