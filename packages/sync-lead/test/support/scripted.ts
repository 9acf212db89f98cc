// syncLead clients against raw scripted servers (@org/test-support), both closed after each test.
import { type RawReply, type RawScript, type RawServer, useClosers, useRawServer } from '@org/test-support';
import { createSyncLeadClient, type SyncLeadClient, type SyncLeadClientOptions } from '../../src/index.js';
import { FAST_RETRY } from './mock.js';

/** Clients on scripted servers for the tests of one file. */
export interface ScriptedClients {
  /**
   * Starts a server answering the n-th request with `replies[n]` (the last one again once they run out),
   * or with what a script returns, and a client for it (test credentials, fast retries, no rate limit).
   */
  start(replies: readonly RawReply[] | RawScript, options?: Partial<SyncLeadClientOptions>): Promise<SyncLeadClient>;
  /** Closes `client` after the test. */
  track(client: SyncLeadClient): SyncLeadClient;
  /** The server the test started last. */
  readonly server: RawServer;
}

/** Scripted servers and their clients, closed after each test; `defaults` apply to every client. */
export function useScriptedClients(defaults: Partial<SyncLeadClientOptions> = {}): ScriptedClients {
  const servers = useRawServer();
  const track = useClosers<SyncLeadClient>();
  return {
    async start(replies, options = {}) {
      const script: RawScript =
        typeof replies === 'function' ? replies : (index) => replies[Math.min(index, replies.length - 1)] ?? { status: 500, body: 'nothing scripted' };
      const server = await servers.start(script);
      const base = { userId: 'user_1', secretKey: 'secret-key-1', rateLimit: false, retry: FAST_RETRY } as const;
      return track(createSyncLeadClient({ ...base, ...defaults, ...options, endpoint: server.url }));
    },
    track,
    get server() {
      return servers.current;
    },
  };
}
