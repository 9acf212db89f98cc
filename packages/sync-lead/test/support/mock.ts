// Test set-up against @org/mktows-mock: random credentials per server (SOAP and REST), syncLead clients
// pointed at it over either API, and getLead through the generated typed client to read the store back.
import { randomBytes } from 'node:crypto';
import { createAuthenticationHeader } from '@org/mktows-auth';
import { startMockServer, type MockRestOptions, type MockServer, type MockServerOptions } from '@org/mktows-mock';
import { createMktowsClient, type LeadRecord } from '@org/mktows-types';
import { live, useClosers, useMock, type UseOptions } from '@org/test-support';
import {
  createSyncLeadClient,
  type RestSyncLeadClientOptions,
  type SyncLeadClient,
  type SyncLeadClientOptions,
} from '../../src/index.js';

/** A mock server with the credentials it accepts. */
export interface MockFixture {
  server: MockServer;
  userId: string;
  secretKey: string;
  /** The REST client id and secret the server's identity service accepts. */
  clientId: string;
  clientSecret: string;
  /** A client for the server; extra options override the defaults (fast retries, no client-side rate limit). */
  client(options?: Partial<SyncLeadClientOptions>): SyncLeadClient;
  /** The same over REST (`rest` on the server's REST endpoint); extra options override the defaults. */
  restClient(options?: Partial<Omit<RestSyncLeadClientOptions, 'rest'>> & { rest?: Partial<RestSyncLeadClientOptions['rest']> }): SyncLeadClient;
  /** getLead over SOAP: every lead the key names (empty when none). */
  getLead(keyType: 'IDNUM' | 'EMAIL' | 'COOKIE' | 'SFDCLEADID', keyValue: string | number): Promise<LeadRecord[]>;
  close(): Promise<void>;
}

/** Fast retry settings for tests: same attempts as the default, no long waits. */
export const FAST_RETRY = { initialDelayMs: 1, maxDelayMs: 5 } as const;

/** Starts a mock server with fresh random credentials (SOAP and REST, unless `rest` names the client's). */
export async function startMock(
  options: Partial<Omit<MockServerOptions, 'rest'>> & { rest?: Partial<MockRestOptions> } = {},
): Promise<MockFixture> {
  const userId = `test_${randomBytes(6).toString('hex')}`;
  const secretKey = randomBytes(24).toString('hex');
  const clientId = options.rest?.clientId ?? `client-${randomBytes(6).toString('hex')}`;
  const clientSecret = options.rest?.clientSecret ?? randomBytes(24).toString('base64url');
  const server = await startMockServer({ userId, secretKey, ...options, rest: { clientId, clientSecret, ...options.rest } });
  const clients: SyncLeadClient[] = [];
  const reader = await createMktowsClient({
    endpoint: server.url,
    headers: () => ({ AuthenticationHeader: createAuthenticationHeader({ userId, secretKey }) }),
  });
  return {
    server,
    userId,
    secretKey,
    clientId,
    clientSecret,
    client(extra = {}) {
      const client = createSyncLeadClient({ endpoint: server.url, userId, secretKey, retry: FAST_RETRY, rateLimit: false, ...extra });
      clients.push(client);
      return client;
    },
    restClient({ rest, ...extra } = {}) {
      const client = createSyncLeadClient({
        rest: { endpoint: server.restUrl, clientId, clientSecret, ...rest },
        retry: FAST_RETRY,
        rateLimit: false,
        ...extra,
      });
      clients.push(client);
      return client;
    },
    async getLead(keyType, keyValue) {
      try {
        const { result } = await reader.getLead({ leadKey: { keyType, keyValue: String(keyValue) } });
        return result.leadRecordList?.leadRecord ?? [];
      } catch (error) {
        if (/20103/.test(String((error as Error | undefined)?.message))) return [];
        throw error;
      }
    },
    async close() {
      for (const client of clients) client.close();
      await server.close();
    },
  };
}

/** startMock for the tests of a file: every mock a test starts is closed after it. */
export function useMocks(): typeof startMock {
  const closeAfterTest = useClosers<MockFixture>();
  return async (options) => closeAfterTest(await startMock(options));
}

/**
 * One mock for the tests of a file (startMock with `options`) through useMock: started before them, reset
 * before each (unless `use.reset` is false), closed after them. The fixture it returns stands for the
 * running one (use it inside tests and hooks).
 */
export function useSharedMock(options: Parameters<typeof startMock>[0] = {}, use: UseOptions = {}): MockFixture {
  const running = useMock(async () => {
    const fixture = await startMock(options);
    return { ...fixture, reset: () => fixture.server.reset() };
  }, use);
  return live(running);
}

/** A lead record's attributes as `{ name: value }` (raw text, as getLead sent them). */
export function attributesOf(record: LeadRecord | undefined): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const attribute of record?.leadAttributeList?.attribute ?? []) attributes[attribute.attrName] = attribute.attrValue;
  return attributes;
}
