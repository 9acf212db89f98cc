// Per-call `httpAgent` / `httpsAgent` (typed in MktowsCallOptions) are the agents the request goes through:
// agents that count the connections they open see every call given them, and none other.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createMktowsClient, type MktowsCallOptions, type MktowsSoapClient } from '../src/index.js';
import { startTestSoapServer, successEnvelope, type TestSoapServer } from './support/soap-test-server.js';

/** A keep-alive agent counting the connections it opens. */
class CountingHttpAgent extends http.Agent {
  connections = 0;

  constructor() {
    super({ keepAlive: true });
  }

  override createConnection(
    ...args: Parameters<http.Agent['createConnection']>
  ): ReturnType<http.Agent['createConnection']> {
    this.connections += 1;
    return super.createConnection(...args);
  }
}

/**
 * An https agent counting the connections it opens, each a plain TCP connection to `port`, so the
 * loopback test server needs no certificate (a call through any other agent would attempt a TLS
 * handshake with that plain HTTP server and fail).
 */
class PlainCountingHttpsAgent extends https.Agent {
  connections = 0;

  constructor(private readonly port: number) {
    super({ keepAlive: false });
  }

  override createConnection(): net.Socket {
    this.connections += 1;
    return net.createConnection({ host: '127.0.0.1', port: this.port });
  }
}

const GET_LEAD = { leadKey: { keyType: 'IDNUM', keyValue: '1' } } as const;

describe('MktowsCallOptions httpAgent / httpsAgent', () => {
  let server: TestSoapServer;
  let client: MktowsSoapClient;

  beforeAll(async () => {
    server = await startTestSoapServer(() => ({ body: successEnvelope('successGetLead') }));
    client = await createMktowsClient({ endpoint: server.url });
  });
  afterAll(() => server.close());

  it('are typed as node agents', () => {
    expectTypeOf<MktowsCallOptions['httpAgent']>().toEqualTypeOf<http.Agent | undefined>();
    // typed as Node types https.request's agent, so one variable can hold the agent for either protocol
    expectTypeOf<MktowsCallOptions['httpsAgent']>().toEqualTypeOf<http.Agent | undefined>();
  });

  it('sends an http call through the httpAgent given, reusing its kept-alive connection', async () => {
    const agent = new CountingHttpAgent();
    const other = new CountingHttpAgent();
    try {
      const options: MktowsCallOptions = { httpAgent: agent, httpsAgent: new https.Agent() };
      await client.getLead(GET_LEAD, options);
      await client.getLead(GET_LEAD, options);
      await client.getLead(GET_LEAD, { httpAgent: other });
      expect(agent.connections).toBe(1);
      expect(other.connections).toBe(1);
      expect(server.requests.length).toBeGreaterThanOrEqual(3);
    } finally {
      agent.destroy();
      other.destroy();
    }
  });

  it('sends an https call through the httpsAgent given', async () => {
    const agent = new PlainCountingHttpsAgent(Number(new URL(server.url).port));
    const httpAgent = new CountingHttpAgent();
    const httpsClient = await createMktowsClient({ endpoint: server.url.replace(/^http:/, 'https:') });
    const before = server.requests.length;
    await httpsClient.getLead(GET_LEAD, { httpsAgent: agent, httpAgent });
    expect(agent.connections).toBe(1);
    expect(httpAgent.connections).toBe(0);
    expect(server.requests.length).toBe(before + 1);
  });
});
