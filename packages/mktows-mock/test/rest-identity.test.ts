// The REST side's identity service and access tokens: Marketo's client credentials grant, the same token
// while it lives with what is left of its life, 601 for a token never issued, 602 for one past its life
// (by the server's clock, with a configurable lifetime), and the identity call never counted.
import { afterEach, describe, expect, it } from 'vitest';

import type { MockServer } from '../src/index.js';
import {
  identity,
  restCall,
  startRestTestServer,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  tokenOf,
} from './support/rest-http.js';
import { startTestServer } from './support/test-server.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const describeLeads = (s: MockServer, token?: string) => restCall(s, 'GET', '/v1/leads/describe.json', { token });

describe('REST identity', () => {
  it("issues a bearer token with Marketo's answer, and the same token with what is left of its life", async () => {
    let now = Date.parse('2026-08-03T09:00:00Z');
    server = await startRestTestServer({ clock: () => now });
    const first = await identity(server);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(first.json).toEqual({
      access_token: expect.stringMatching(/^[0-9a-f-]{36}:mk$/),
      token_type: 'bearer',
      expires_in: 3600,
      scope: expect.any(String),
    });
    now += 1_500_500;
    expect((await identity(server)).json).toMatchObject({ access_token: first.json?.access_token, expires_in: 2099 });
    expect(server.stats().rest.identityRequests).toBe(2);
  });

  it.each([
    ['a wrong secret', { client_secret: 'wrong' }, 401, 'invalid_client'],
    ['an unknown client id', { client_id: 'someone-else' }, 401, 'invalid_client'],
    ['another grant type', { grant_type: 'password' }, 400, 'unsupported_grant_type'],
  ])('refuses %s with the OAuth error, never echoing the secret', async (_what, change, status, error) => {
    server = await startRestTestServer();
    const query = {
      grant_type: 'client_credentials',
      client_id: TEST_CLIENT_ID,
      client_secret: TEST_CLIENT_SECRET,
      ...change,
    };
    const answer = await identity(server, query);
    expect(answer.status).toBe(status);
    expect(answer.json).toMatchObject({ error });
    expect(answer.text).not.toContain(TEST_CLIENT_SECRET);
  });

  it('without the rest option, the REST side is served but every client is refused', async () => {
    server = await startTestServer();
    expect(server.restUrl).toBe(`http://127.0.0.1:${server.port}/rest`);
    expect((await identity(server)).status).toBe(401);
    expect((await describeLeads(server)).json).toMatchObject({ success: false, errors: [{ code: '601' }] });
  });

  it('601 without a token or with one never issued; 602 once the token has outlived the configured lifetime', async () => {
    let now = Date.parse('2026-08-03T09:00:00Z');
    server = await startRestTestServer({
      clock: () => now,
      rest: { clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET, tokenLifetimeSeconds: 30 },
    });
    const token = await tokenOf(server);
    expect((await identity(server)).json?.expires_in).toBe(30);
    expect((await describeLeads(server)).json).toMatchObject({ success: false, errors: [{ code: '601' }] });
    expect((await describeLeads(server, 'c0ffee00-0000-0000-0000-000000000000:mk')).json?.errors).toEqual([
      { code: '601', message: 'Access token invalid' },
    ]);
    expect((await describeLeads(server, token)).json).toMatchObject({ success: true });
    now += 29_999;
    expect((await describeLeads(server, token)).json).toMatchObject({ success: true });
    now += 1;
    expect((await describeLeads(server, token)).json).toEqual({
      requestId: expect.any(String),
      success: false,
      errors: [{ code: '602', message: 'Access token expired' }],
    });
    const renewed = await tokenOf(server);
    expect(renewed).not.toBe(token);
    expect((await describeLeads(server, renewed)).json).toMatchObject({ success: true });
    expect(server.stats().rest.errors).toEqual({ 601: 2, 602: 1 });
  });

  it('the identity call and refused tokens are not counted against the rate limit or the daily quota', async () => {
    server = await startRestTestServer({ rateLimit: { calls: 2, windowMs: 60_000 }, dailyQuota: 3 });
    for (let round = 0; round < 5; round += 1) await identity(server);
    await describeLeads(server, 'never-issued');
    const token = await tokenOf(server);
    expect((await describeLeads(server, token)).json?.success).toBe(true);
    expect((await describeLeads(server, token)).json?.success).toBe(true);
    expect((await describeLeads(server, token)).json?.errors).toEqual([
      { code: '606', message: 'Max rate limit exceeded: more than 2 calls in 60000 ms' },
    ]);
  });

  it('refuses a bad rest option before listening', async () => {
    await expect(
      startRestTestServer({ rest: { clientId: 'x', clientSecret: 'y', tokenLifetimeSeconds: 0 } }),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'rest.tokenLifetimeSeconds',
    });
    await expect(startRestTestServer({ rest: { clientId: 'x', clientSecret: '' } })).rejects.toMatchObject({
      field: 'rest.clientSecret',
    });
  });
});
