// One keep-alive agent per client: every call of the client reuses its connections.
import http from 'node:http';
import https from 'node:https';

/** The agent a client sends all its requests through. */
export type ClientAgent = http.Agent | https.Agent;

/**
 * Creates the client's keep-alive agent for the endpoint's protocol.
 *
 * @param url - the endpoint
 * @param maxSockets - upper bound of parallel connections (the client's concurrency)
 */
export function createClientAgent(url: URL, maxSockets: number): ClientAgent {
  const options = { keepAlive: true, maxSockets, scheduling: 'lifo' as const };
  return url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
}
