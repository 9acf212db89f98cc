// A mock server for one test file: the test credentials, and no rate limit or daily quota unless the
// test is about them (a file of tests easily makes 100 calls in 20 seconds).
import type { MockServer, MockServerOptions } from '../../src/index.js';
import { startMockServer } from '../../src/index.js';
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
