// Neither the client secret nor any access token appears in anything the REST core lets out, even when
// a server echoes them back: error messages, stacks, causes, util.inspect, JSON.stringify, the core
// object itself, and its redactor's output. The tokens are random and taken from what the identity
// service issued, so the check would see them if they leaked.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RestLeadApi } from '../src/rest/rest-lead-api.js';
import { everythingAbout, type RawReply } from '@org/test-support';
import { CLIENT_SECRET, errorReply, json, oneLeadByEmail, restApiFor, resultReply, tokenReply, type RestTestServer, useRestServers } from './support/rest-server.js';

const startServer = useRestServers();

/** Every secret the server could have seen: the client secret (plain and URL-encoded) and every token issued. */
function secretsOf(issued: readonly string[]): string[] {
  return [CLIENT_SECRET, encodeURIComponent(CLIENT_SECRET), ...issued];
}

/** Runs one sync against a server that answers identity with fresh random tokens and the API with `reply(token)`. */
async function failureWith(
  api: (token: string) => RawReply,
  identity?: (token: string) => RawReply,
  limits?: { timeoutMs: number },
): Promise<{ outcome: unknown; issued: string[]; core: RestLeadApi; server: RestTestServer }> {
  const issued: string[] = [];
  const server = await startServer(
    (_index, request) => api(request.headers.authorization?.replace(/^Bearer /, '') ?? ''),
    () => {
      const token = `${randomUUID()}:ab-1`;
      issued.push(token);
      return identity ? identity(token) : tokenReply(token);
    },
  );
  const core = restApiFor(server, limits ? { limits } : {});
  const outcome = await core.syncLeads(oneLeadByEmail).then(
    (value) => value,
    (error: unknown) => error,
  );
  return { outcome, issued, core, server };
}

const cases: Array<[string, (token: string) => RawReply, ((token: string) => RawReply)?]> = [
  ['identity 401 echoing the secret', () => resultReply([]), () => json({ error: 'invalid_client', error_description: `Bad client credentials ${CLIENT_SECRET}` }, 401)],
  ['identity 500 echoing the request URL', () => resultReply([]), () => ({ status: 500, body: `<html>GET /identity/oauth/token?client_secret=${encodeURIComponent(CLIENT_SECRET)}</html>` })],
  ['identity 200 that is not JSON but holds a token', () => resultReply([]), (token) => ({ body: `access_token=${token}&"access_token":"${token}"` })],
  ['601 storm echoing the token', (token) => errorReply(601, `Access token invalid: ${token}`)],
  ['502 echoing the Authorization header', (token) => ({ status: 502, body: `upstream said Authorization: Bearer ${token}` })],
  ['200 non-JSON echoing the token', (token) => ({ body: `<html>token ${token} secret ${CLIENT_SECRET}</html>` })],
  ['a skipped record whose reason echoes the token', (token) => resultReply([{ status: 'skipped', reasons: [{ code: '1003', message: `bad ${token}` }] }])],
  ['a reset connection', () => ({ reset: true })],
];

describe('REST secrets', () => {
  it.each(cases)('%s: nothing the call ends with holds the secret or a token', async (_what, api, identity) => {
    const { outcome, issued, core, server } = await failureWith(api, identity);
    expect(issued.length).toBeGreaterThan(0);
    const text = `${everythingAbout(outcome)}\n${everythingAbout(core)}`;
    for (const secret of secretsOf(issued)) expect(text, 'a secret leaked').not.toContain(secret);
    // The server did see them: the check above would have found them.
    const seen = server.requests.map((request) => `${request.url} ${request.headers.authorization ?? ''} ${request.body}`).join('\n');
    expect(seen).toContain(encodeURIComponent(CLIENT_SECRET));
  });

  it('a timed-out call holds neither', async () => {
    const { outcome, issued } = await failureWith(() => ({ hang: true }), undefined, { timeoutMs: 100 });
    expect(outcome).toMatchObject({ name: 'TimeoutError' });
    for (const secret of secretsOf(issued)) expect(everythingAbout(outcome)).not.toContain(secret);
  });

  it('the redactor blanks the secret, known tokens and credential-shaped values', async () => {
    const { core, issued } = await failureWith(() => resultReply([{ id: 1, status: 'created' }]));
    const text = [
      `GET /identity/oauth/token?grant_type=client_credentials&client_id=x&client_secret=${encodeURIComponent(CLIENT_SECRET)}`,
      `authorization: Bearer ${issued[0]!}`,
      `{"access_token":"someone-elses-token","expires_in":3600}`,
      `GET /rest/v1/leads.json?access_token=old-style-token`,
      `secret ${CLIENT_SECRET} and token ${issued[0]!} in prose`,
    ].join('\n');
    expect(core.redact(text)).toBe(
      [
        'GET /identity/oauth/token?grant_type=client_credentials&client_id=x&client_secret=[REDACTED]',
        'authorization: Bearer [REDACTED]',
        '{"access_token":"[REDACTED]","expires_in":3600}',
        'GET /rest/v1/leads.json?access_token=[REDACTED]',
        'secret [REDACTED] and token [REDACTED] in prose',
      ].join('\n'),
    );
  });
});
