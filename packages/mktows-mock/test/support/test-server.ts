// A mock server for one test file: the test credentials, and no rate limit or daily quota unless the
// test is about them (a file of tests easily makes 100 calls in 20 seconds).
import type { MktowsSoapClient } from '@org/mktows-types';
import { useMock, type UseOptions } from '@org/test-support';

import type { MockServer, MockServerOptions } from '../../src/index.js';
import { startMockServer } from '../../src/index.js';
import { typedClient } from './mktows-client.js';
import { TEST_SECRET, TEST_USER } from './soap-http.js';

/** Starts a server with the test credentials; `options` override the relaxed defaults. */
export function startTestServer(options: Partial<MockServerOptions> = {}): Promise<MockServer> {
  return startMockServer({
    userId: TEST_USER,
    secretKey: TEST_SECRET,
    rateLimit: false,
    dailyQuota: false,
    ...options,
  });
}

/** The running server of useTestServer, and the typed client when one was asked for. */
export interface TestServerFixture {
  readonly server: MockServer;
  readonly client: MktowsSoapClient;
}

/** What useTestServer starts besides the server, and how long it lives (see useMock). */
export interface UseTestServerOptions extends UseOptions {
  /** Also make a typed client for the server (signed with `now` as its clock, when given). */
  client?: boolean | { now: () => Date };
}

/**
 * A test server (startTestServer with `options`) for the tests of a file, through useMock: started before
 * them, reset before each (unless `reset: false`) and closed after them.
 */
export function useTestServer(options: Partial<MockServerOptions> = {}, use: UseTestServerOptions = {}): TestServerFixture {
  const running = useMock(async () => {
    const server = await startTestServer(options);
    const client = use.client ? await typedClient(server, typeof use.client === 'object' ? use.client.now : undefined) : undefined;
    return { server, client, close: () => server.close(), reset: () => server.reset() };
  }, use);
  return {
    get server() {
      return running().server;
    },
    get client() {
      const { client } = running();
      if (!client) throw new Error('useTestServer was not asked for a client');
      return client;
    },
  };
}
