// A redirect is not followed: the signed SOAP POST is never replayed to wherever a 3xx points (a mktows
// endpoint does not redirect), and the answer is a transport error naming the status.
import { afterEach, expect, it } from 'vitest';
import { createSyncLeadClient, type SyncLeadClient, TransportError } from '../src/index.js';
import { FAST_RETRY } from './support/mock.js';
import { describeWithShared, docsFixture, type RawServer, startRawServer } from '@org/test-support';

let server: RawServer | undefined;
let client: SyncLeadClient | undefined;
afterEach(async () => {
  client?.close();
  await server?.close();
  server = client = undefined;
});

describeWithShared('redirects', () => {
  it.each([301, 302, 307, 308])('HTTP %i: not followed, sent once, TransportError with the status', async (status) => {
    server = await startRawServer((index) =>
      index === 0 ? { status, body: '', headers: { location: '/elsewhere' } } : { body: docsFixture('synclead.response.xml') },
    );
    client = createSyncLeadClient({ endpoint: server.url, userId: 'u', secretKey: 'k', rateLimit: false, retry: FAST_RETRY });
    const error = await client.syncLead({ email: 'redirect@example.com' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ httpStatus: status, retryable: false });
    expect(server.requests).toHaveLength(1);
  });
});
