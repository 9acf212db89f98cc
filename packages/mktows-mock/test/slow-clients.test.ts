// Slow and careless clients cannot lock the mock: a call counts as in flight only once its body has
// arrived (ten sockets uploading a byte at a time used to take all ten places, and every good call got
// 20024), a body has requestTimeoutMs to arrive (then fault 20012 and the connection closed), headers
// too (HTTP 408), and many injected delays pending at once print no MaxListenersExceededWarning.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { DEFAULT_REQUEST_TIMEOUT_MS, type MockServer } from '../src/index.js';
import { leadRecordXml } from './support/raw-calls.js';
import { envelope, faultCodeOf, MKTOWS_NS, parseXml, postSoap, textOf } from './support/soap-http.js';
import { startTestServer } from './support/test-server.js';

const servers: MockServer[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<MockServer> {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

/** A client that sends `head` at once, then one byte of body every `everyMs`; resolves with what it was answered when the server closes. */
function slowClient(server: MockServer, head: string, everyMs: number): { answered: Promise<string> } {
  const socket = net.connect(server.port, '127.0.0.1');
  sockets.push(socket);
  let answer = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
  socket.on('error', () => undefined);
  socket.write(head);
  const timer = setInterval(() => socket.write('x'), everyMs);
  const answered = new Promise<string>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve(answer);
    }),
  );
  return { answered };
}

function slowUploadHead(server: MockServer): string {
  const { pathname } = new URL(server.url);
  return (
    `POST ${pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml; charset=utf-8\r\n` +
    `SOAPAction: "${MKTOWS_NS}syncLead"\r\nContent-Length: 100000\r\n\r\n`
  );
}

async function goodCall(server: MockServer, email: string): Promise<string> {
  const answer = await postSoap(
    server.url,
    'syncLead',
    envelope(
      `<ns1:paramsSyncLead>${leadRecordXml({ Email: email })}<returnLead>false</returnLead></ns1:paramsSyncLead>`,
    ),
  );
  return answer.status === 200
    ? (textOf(parseXml(answer.text), 'status') ?? 'no status')
    : `fault ${faultCodeOf(answer)}`;
}

describe('slow clients', () => {
  it('10 slow uploaders hold sockets, not calls: 20 good calls, 10 at a time, all succeed meanwhile', async () => {
    const server = await start(); // Marketo's concurrency limit: 10 calls in flight
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(30_000);
    for (let index = 0; index < 10; index += 1) slowClient(server, slowUploadHead(server), 1000);
    await expect.poll(() => server.stats().requests).toBe(10);

    const outcomes: string[] = [];
    for (const wave of [0, 1]) {
      outcomes.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, index) => goodCall(server, `good${wave}-${index}@example.com`)),
        )),
      );
    }

    expect(outcomes).toEqual(Array.from({ length: 20 }, () => 'CREATED'));
    expect(server.stats().faults[20024]).toBeUndefined();
    expect(server.leads()).toHaveLength(20);
  });

  it('a body that has not arrived within requestTimeoutMs: fault 20012, connection closed', async () => {
    const server = await start({ requestTimeoutMs: 300 });
    const started = performance.now();
    const answer = await slowClient(server, slowUploadHead(server), 50).answered;

    expect(answer).toMatch(/^HTTP\/1\.1 500 /);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toContain('<code>20012</code>');
    expect(answer).toContain('did not arrive within 300 ms');
    expect(performance.now() - started).toBeLessThan(300 + 5000);
    expect(server.stats().faults[20012]).toBe(1);
    expect(server.stats().peakInFlight).toBe(0);
  });

  it('headers that never finish: HTTP 408 after requestTimeoutMs', async () => {
    const server = await start({ requestTimeoutMs: 300 });
    const answer = await slowClient(server, `POST ${new URL(server.url).pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\n`, 50)
      .answered;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(server.stats().requests).toBe(0);
  });

  it('refuses a bad requestTimeoutMs', async () => {
    await expect(start({ requestTimeoutMs: 0 })).rejects.toThrow(/requestTimeoutMs/);
  });

  it('many injected delays pending at once: no MaxListenersExceededWarning', async () => {
    const server = await start({ concurrencyLimit: false, faults: { latency: { rate: 1, minMs: 200, maxMs: 200 } } });
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning);
    };
    process.on('warning', onWarning);
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, (_, index) => goodCall(server, `delayed${index}@example.com`)),
      );
      expect(outcomes.every((outcome) => outcome === 'CREATED')).toBe(true);
      expect(server.stats().injected.latency).toBe(30);
      // Warnings are emitted on the next tick: let them arrive before looking.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
