// The `sync-lead` bin, spawned as a user runs it, against @org/mktows-mock in this process.
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { elementTexts, type ProcessResult, repoRoot, runProcess } from '@org/test-support';
import { attributesOf, startMock, type MockFixture } from './support/mock.js';

const bin = path.join(repoRoot, 'packages/sync-lead/bin/sync-lead.js');

let mock: MockFixture;

beforeAll(async () => {
  mock = await startMock({ rateLimit: false });
});
afterAll(() => mock.close());
beforeEach(() => mock.server.reset());

function credentials(): Record<string, string> {
  return { MARKETO_USER_ID: mock.userId, MARKETO_SECRET_KEY: mock.secretKey };
}

function syncLeadCli(args: readonly string[], env: Record<string, string> = credentials()): Promise<ProcessResult> {
  return runProcess(process.execPath, [bin, ...args], env);
}

describe('sync-lead bin', () => {
  it('npx sync-lead --endpoint ... --email ... --attr ... --json prints exactly one JSON object: CREATED, then UPDATED', async () => {
    const args = ['--endpoint', mock.server.url, '--email', 'cli@example.com', '--attr', 'FirstName=George', '--attr', 'LastName=of the Jungle', '--json'];
    const first = await runProcess('npx', ['--no-install', 'sync-lead', ...args], credentials(), repoRoot);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trimEnd().split('\n')).toHaveLength(1);
    const created = JSON.parse(first.stdout) as { leadId: number; status: string };
    expect(created).toEqual({ leadId: expect.any(Number), status: 'CREATED' });
    const second = await syncLeadCli(args);
    expect(JSON.parse(second.stdout)).toEqual({ leadId: created.leadId, status: 'UPDATED' });
    const [record] = await mock.getLead('EMAIL', 'cli@example.com');
    expect(attributesOf(record)).toMatchObject({ FirstName: 'George', LastName: 'of the Jungle' });
  });

  it('reads the endpoint from MARKETO_SOAP_ENDPOINT and prints a readable summary without --json', async () => {
    const result = await syncLeadCli(['--email', 'env@example.com', '--return-lead', '--attr', 'LeadScore=62'], {
      ...credentials(),
      MARKETO_SOAP_ENDPOINT: mock.server.url,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^CREATED lead \d+\n {2}Email: env@example.com\n {2}LeadScore: 62\n$/);
  });

  it('--return-lead --json includes the converted lead; --id, --foreign-sys-person-id/--foreign-sys-type and --cookie are sent', async () => {
    const seeded = mock.server.addLead({ email: 'seed@example.com', cookie: 'id:1&token:cli' });
    const result = await syncLeadCli([
      '--endpoint', mock.server.url, '--id', String(seeded.id), '--foreign-sys-person-id', 'crm-cli', '--foreign-sys-type', 'SFDC',
      '--cookie', 'id:1&token:cli', '--attr', 'LeadScore=7', '--return-lead', '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      leadId: seeded.id,
      status: 'UPDATED',
      lead: { foreignSysPersonId: 'crm-cli', foreignSysType: 'SFDC', attributes: { LeadScore: 7 } },
    });
  });

  it('--workspace sends the context header (a workspace Marketo does not have is fault 20110)', async () => {
    const result = await syncLeadCli(['--endpoint', mock.server.url, '--email', 'ws@example.com', '--workspace', 'Nowhere']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sync-lead: Marketo error 20110: .*\n$/);
  });

  it('a fault: one line on stderr naming the Marketo code, exit 1; with --json one JSON error object on stdout', async () => {
    const result = await syncLeadCli(['--endpoint', mock.server.url, '--email', 'x@example.com', '--json'], {
      MARKETO_USER_ID: mock.userId,
      MARKETO_SECRET_KEY: 'not-the-key',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sync-lead: Marketo error 20014: 20014 - Authentication failed\n$/);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { name: 'MarketoError', code: 20014, retryable: false } });
  });

  it('--trace prints the exchange on stderr with the signature redacted; stdout stays one JSON object', async () => {
    const result = await syncLeadCli(['--endpoint', mock.server.url, '--email', 'trace@example.com', '--trace', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'CREATED' });
    expect(result.stderr).toContain('--> syncLead attempt 1 POST');
    expect(result.stderr).toContain('<-- syncLead attempt 1 HTTP 200');
    expect(elementTexts(result.stderr.split('\n')[1] ?? '', 'requestSignature')).toEqual(['[REDACTED]']);
    expect(result.stderr).not.toContain(mock.secretKey);
  });

  it('--help describes every option and the environment, exit 0', async () => {
    const result = await syncLeadCli(['--help'], {});
    expect(result.code).toBe(0);
    for (const option of ['--endpoint', '--email', '--id', '--foreign-sys-person-id', '--foreign-sys-type', '--cookie', '--attr', '--workspace', '--return-lead', '--json', '--trace']) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout).toContain('MARKETO_SECRET_KEY');
  });

  it.each([
    ['an unknown option', ['--email', 'a@b.c', '--frobnicate'], /unknown option '--frobnicate'/],
    ['the secret key as an option', ['--email', 'a@b.c', '--secret-key', 'k'], /unknown option '--secret-key'/],
    ['--attr without =', ['--email', 'a@b.c', '--attr', 'FirstName'], /Name=Value/],
    ['a non-numeric --id', ['--id', 'abc'], /positive integer/],
    ['a foreign system type outside the list', ['--foreign-sys-person-id', 'x', '--foreign-sys-type', 'HUBSPOT'], /CUSTOM, SFDC, NETSUITE/],
    ['no key', ['--attr', 'FirstName=x'], /one of id, email or foreignSysPersonId/],
    ['an email that is not one', ['--email', 'nope'], /Invalid email/],
  ])('%s: exit 2, nothing sent', async (_why, args, message) => {
    const result = await syncLeadCli(['--endpoint', mock.server.url, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(mock.server.stats().requests).toBe(0);
  });

  it('missing credentials in the environment: exit 2 naming the variable', async () => {
    const result = await syncLeadCli(['--endpoint', mock.server.url, '--email', 'a@b.c'], { MARKETO_USER_ID: mock.userId });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/MARKETO_SECRET_KEY/);
  });
});
