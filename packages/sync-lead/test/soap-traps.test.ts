// The known traps of soap 1.13 (DESIGN.md) as they reach syncLead, each pinned over real HTTP:
// sync-only header functions, Date values, racy lastRequest under concurrency, the global WSDL cache,
// entity expansion, and work done at import time. (Nil-marked lists with children, {} for an empty
// body, non-Error rejections and string fault codes are pinned in doc-envelopes and faults tests.)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createSyncLeadClient, InvalidResponseError, type SyncLeadClient, type TraceEvent } from '../src/index.js';
import { describeWithShared, docsFixture, elementTexts, type RawServer, repoRoot, runProcess, startRawServer } from '@org/test-support';
import { FAST_RETRY } from './support/mock.js';

const success = docsFixture('synclead.response.xml');
const servers: RawServer[] = [];
const clients: SyncLeadClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
});

async function rawServer(body = success): Promise<RawServer> {
  const server = await startRawServer(() => ({ body }));
  servers.push(server);
  return server;
}

function clientFor(server: { url: string }, options: Partial<Parameters<typeof createSyncLeadClient>[0]> = {}): SyncLeadClient {
  const client = createSyncLeadClient({ endpoint: server.url, userId: 'trap_user', secretKey: 'trap-key', rateLimit: false, retry: FAST_RETRY, ...options });
  clients.push(client);
  return client;
}

/** successSyncLead for lead `leadId`, the documentation's response with the id replaced. */
function successFor(leadId: number): string {
  return success.replaceAll('1089965', String(leadId));
}

describeWithShared('soap 1.13 traps', () => {
  it('header functions must be synchronous: every request and every retry carries its own fresh AuthenticationHeader', async () => {
    const server = await startRawServer((index) => (index < 2 ? { status: 503, body: '' } : { body: success }));
    servers.push(server);
    await clientFor(server, { workspace: 'Europe' }).syncLead({ email: 'a@example.com' });
    await clientFor(server).syncLead({ email: 'a@example.com' });
    expect(server.requests).toHaveLength(4);
    for (const request of server.requests) {
      expect(elementTexts(request.body, 'AuthenticationHeader')).toHaveLength(1);
      expect(elementTexts(request.body, 'requestSignature')[0]).toMatch(/^[0-9a-f]{40}$/);
    }
    expect(server.requests.map((request) => elementTexts(request.body, 'targetWorkspace'))).toEqual([['Europe'], ['Europe'], ['Europe'], []]);
  });

  it('a Date attribute goes out as a W3C date-time, not as an empty element', async () => {
    const server = await rawServer();
    await clientFor(server).syncLead({ email: 'a@example.com', attributes: { LastVisit: new Date('2013-07-31T19:38:47.000Z') } });
    expect(elementTexts(server.requests[0]?.body ?? '', 'attrValue')).toEqual(['2013-07-31T19:38:47.000Z']);
  });

  it('concurrent calls are traced per exchange (never lastRequest): each response is paired with its own request', async () => {
    const count = 8;
    const held: Array<{ res: http.ServerResponse; leadId: number }> = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const leadId = Number(/lead-(\d+)@/.exec(body)?.[1]);
        held.push({ res, leadId });
        // Answer only when every call is in flight, and in reverse order, so exchanges interleave.
        if (held.length === count) {
          for (const { res: reply, leadId: id } of held.reverse()) reply.writeHead(200, { 'content-type': 'text/xml' }).end(successFor(id));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const events: TraceEvent[] = [];
      const client = clientFor({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/soap` }, {
        concurrency: count,
        onTrace: (event) => events.push(event),
      });
      const results = await Promise.all(Array.from({ length: count }, (_, index) => client.syncLead({ email: `lead-${index + 1}@example.com` })));
      expect(results.map((result) => result.leadId)).toEqual(Array.from({ length: count }, (_, index) => index + 1));
      const requests = new Map(events.flatMap((event) => (event.type === 'request' ? [[event.exchangeId, event.xml] as const] : [])));
      const responses = events.filter((event) => event.type === 'response');
      expect(responses).toHaveLength(count);
      for (const response of responses) {
        const leadId = elementTexts(response.xml, 'leadId')[0];
        expect(requests.get(response.exchangeId)).toContain(`lead-${leadId}@example.com`);
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("soap's global WSDL cache does not mix clients: each client keeps its own endpoint and headers", async () => {
    const first = await rawServer();
    const second = await rawServer();
    await Promise.all([
      clientFor(first, { workspace: 'First', userId: 'user_one' }).syncLead({ email: 'one@example.com' }),
      clientFor(second, { userId: 'user_two' }).syncLead({ email: 'two@example.com' }),
    ]);
    expect(first.requests.map((request) => elementTexts(request.body, 'mktowsUserId'))).toEqual([['user_one']]);
    expect(second.requests.map((request) => elementTexts(request.body, 'mktowsUserId'))).toEqual([['user_two']]);
    expect(elementTexts(first.requests[0]?.body ?? '', 'targetWorkspace')).toEqual(['First']);
    expect(second.requests[0]?.body).not.toContain('targetWorkspace');
  });

  it('entities in a response are not expanded: an internal entity or billion-laughs body is an InvalidResponseError', async () => {
    const entity = success
      .replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE e [<!ENTITY status "CREATED">]>')
      .replace('<status>UPDATED</status>', '<status>&status;</status>');
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
      success.replace('<?xml version="1.0" encoding="UTF-8"?>', '').replace('<status>UPDATED</status>', '<status>&lol3;</status>');
    for (const body of [entity, laughs]) {
      const server = await rawServer(body);
      await expect(clientFor(server).syncLead({ email: 'a@example.com' })).rejects.toBeInstanceOf(InvalidResponseError);
    }
  });

  it('one keep-alive connection serves a client\'s sequential calls', async () => {
    const server = await rawServer();
    const client = clientFor(server);
    for (let call = 0; call < 5; call += 1) await client.syncLead({ email: `keep-${call}@example.com` });
    expect(server.requests).toHaveLength(5);
    expect(server.connections()).toBe(1);
  });

  it('no work at import or client creation: soap is loaded and the WSDL parsed on the first call', async () => {
    const server = await rawServer();
    const script = `
      const { createRequire } = require('node:module');
      const loaded = () => Object.keys(require.cache).some((file) => file.includes('/node_modules/soap/'));
      (async () => {
        const { createSyncLeadClient } = await import('@org/sync-lead');
        const afterImport = loaded();
        const client = createSyncLeadClient({ endpoint: ${JSON.stringify(server.url)}, userId: 'u', secretKey: 'k' });
        const afterCreate = loaded();
        await client.syncLead({ email: 'lazy@example.com' });
        console.log(JSON.stringify({ afterImport, afterCreate, afterCall: loaded() }));
        client.close();
      })();`;
    const result = await runProcess(process.execPath, ['-e', script], {}, path.join(repoRoot, 'packages/sync-lead'));
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ afterImport: false, afterCreate: false, afterCall: true });
  });
});
