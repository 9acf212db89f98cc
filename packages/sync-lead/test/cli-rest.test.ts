// `sync-lead --rest`: the same command over Marketo's REST API, reading the REST variables: one lead
// (CREATED, then UPDATED), a file of leads with its failed-leads file, and what REST cannot express as
// usage errors before any request. Run in-process through runCli against the mock's REST side.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { startMock, type MockFixture } from './support/mock.js';

let mock: MockFixture;
let dir: string;
beforeAll(async () => {
  mock = await startMock({ rateLimit: false, workspaces: { workspaces: [{ name: 'EMEA', primaryPartition: 'EMEA Leads' }] } });
  dir = await mkdtemp(path.join(tmpdir(), 'sync-lead-rest-'));
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => mock.server.reset());

function restEnv(): Record<string, string> {
  return { MARKETO_REST_ENDPOINT: mock.server.restUrl, MARKETO_CLIENT_ID: mock.clientId, MARKETO_CLIENT_SECRET: mock.clientSecret };
}

async function cli(args: readonly string[], env = restEnv()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env });
  return { code, stdout, stderr };
}

describe('sync-lead --rest', () => {
  it('syncs one lead over REST: CREATED, then UPDATED, exactly one JSON object each', async () => {
    const args = ['--rest', '--email', 'rest-cli@example.com', '--attr', 'FirstName=George', '--attr', 'LastName=of the Jungle', '--json'];
    const first = await cli(args);
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(JSON.parse(first.stdout)).toEqual({ leadId: 1, status: 'CREATED' });
    expect(JSON.parse((await cli(args)).stdout)).toEqual({ leadId: 1, status: 'UPDATED' });
    expect(mock.server.leads()[0]).toMatchObject({ email: 'rest-cli@example.com', attributes: { FirstName: 'George', LastName: 'of the Jungle' } });
    expect(mock.server.stats().calls).toEqual({}); // nothing over SOAP
  });

  it('--endpoint names the REST endpoint, --partition the lead partition, --return-lead reads the lead back', async () => {
    const env: Record<string, string> = { MARKETO_CLIENT_ID: mock.clientId, MARKETO_CLIENT_SECRET: mock.clientSecret };
    const run = await cli(['--rest', '--endpoint', mock.server.restUrl, '--partition', 'EMEA Leads', '--email', 'p@example.com', '--attr', 'LeadScore=7', '--return-lead'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('CREATED lead 1\n  Email: p@example.com\n  LeadScore: 7\n');
    expect(mock.server.leads()[0]).toMatchObject({ partition: 'EMEA Leads' });
  });

  it('--rest --file: every lead synced over REST; the failed ones (a cookie, bad input) written to the failed file', async () => {
    const input = path.join(dir, 'leads.ndjson');
    const lines = [
      { email: 'a@example.com', attributes: { FirstName: 'Ada' } },
      { email: 'b@example.com', marketoCookie: 'id:123-ABC-456&token:_mch-x' },
      { email: 'not-an-email' },
      { email: 'a@example.com', attributes: { LastName: 'Lovelace' } },
    ].map((lead) => JSON.stringify(lead));
    await writeFile(input, `${lines.join('\n')}\n`);
    const run = await cli(['--rest', '--file', input, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 4, created: 1, updated: 1, failed: 2 });
    expect((await readFile(path.join(dir, 'leads.failed.ndjson'), 'utf8')).trimEnd().split('\n')).toEqual([lines[1], lines[2]]);
    expect(mock.server.leads()).toEqual([expect.objectContaining({ email: 'a@example.com', attributes: { FirstName: 'Ada', LastName: 'Lovelace' } })]);
  });

  it.each([
    [['--rest', '--email', 'c@example.com', '--cookie', 'id:1&token:x'], 'Invalid marketoCookie: has no REST equivalent'],
    [['--rest', '--email', 'w@example.com', '--workspace', 'EMEA'], 'Invalid --workspace: has no REST equivalent'],
    [['--email', 'p@example.com', '--partition', 'EMEA Leads'], 'Invalid --partition: is only used with --rest'],
  ])('%j is a usage error (exit 2) before any request', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(mock.server.stats().rest).toMatchObject({ identityRequests: 0, requests: 0 });
  });

  it('names a missing REST variable', async () => {
    const run = await cli(['--rest', '--email', 'x@example.com'], { MARKETO_REST_ENDPOINT: mock.server.restUrl, MARKETO_CLIENT_ID: mock.clientId });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('sync-lead: Invalid MARKETO_CLIENT_SECRET: must be set\n');
  });
});
