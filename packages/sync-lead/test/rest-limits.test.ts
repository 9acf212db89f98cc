// The client's limits govern REST calls as they govern SOAP calls: the same limiter counts every Lead
// Database call (Describe Leads included) and never the identity request, which Marketo does not count;
// the daily quota refuses a call before anything is sent; a shared Redis store counts SOAP and REST
// clients of one instance together when they use the same key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DailyQuotaExceededError } from '../src/index.js';
import { createRedisLimitStore } from '../src/redis/index.js';
import { startMock, type MockFixture } from './support/mock.js';
import { hasRedisServer, useRedisServer } from './support/redis-server.js';

let mock: MockFixture;
beforeAll(async () => {
  mock = await startMock({ rateLimit: false, dailyQuota: false });
});
afterAll(() => mock.close());

describe('limits over REST', () => {
  it('dailyQuota counts Lead Database calls (Describe too), not the identity request; the next call is refused unsent', async () => {
    mock.server.reset();
    const client = mock.restClient({ dailyQuota: 3, retry: false });
    await client.syncLead({ email: 'one@example.com', attributes: { FirstName: 'One' } }); // Describe + Sync Leads
    await client.syncLead({ email: 'two@example.com' });
    await expect(client.syncLead({ email: 'three@example.com' })).rejects.toBeInstanceOf(DailyQuotaExceededError);
    expect(mock.server.stats().rest).toMatchObject({ identityRequests: 1, requests: 3 });
  });

  describe.skipIf(!hasRedisServer)('through a shared Redis store', () => {
    const redis = useRedisServer();

    it('a SOAP client and a REST client of one instance share the quota under one key', async () => {
      mock.server.reset();
      const store = () => createRedisLimitStore({ url: redis.url, key: `instance-${process.pid}` });
      const soap = mock.client({ dailyQuota: 2, limitStore: store(), retry: false });
      const rest = mock.restClient({ dailyQuota: 2, limitStore: store(), retry: false });
      await soap.syncLead({ email: 'soap@example.com' });
      await rest.syncLead({ email: 'rest@example.com' });
      await expect(rest.syncLead({ email: 'rest2@example.com' })).rejects.toBeInstanceOf(DailyQuotaExceededError);
      await expect(soap.syncLead({ email: 'soap2@example.com' })).rejects.toBeInstanceOf(DailyQuotaExceededError);
      expect([mock.server.stats().calls.syncLead, mock.server.stats().rest.requests]).toEqual([1, 1]);
    });
  });
});
