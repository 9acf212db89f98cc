// `npm start` (scripts/start.mjs) in a subprocess, as a user runs it after `npm ci`.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runProcess } from '@org/test-support';

describe('npm start', () => {
  it("builds, syncs the documentation's example CREATED then UPDATED, prints the redacted trace, and exits 0", async () => {
    const result = await runProcess(process.execPath, [path.join(repoRoot, 'scripts/start.mjs')], {}, repoRoot);
    expect(result.code).toBe(0);
    const created = result.stdout.indexOf('first sync:  {"leadId":1,"status":"CREATED"}');
    const updated = result.stdout.indexOf('second sync: {"leadId":1,"status":"UPDATED"}');
    expect(created).toBeGreaterThan(-1);
    expect(updated).toBeGreaterThan(created);
    expect(result.stdout).toContain('<attrValue>of the Jungle</attrValue>');
    const signatures = [...result.stdout.matchAll(/<requestSignature>([^<]*)<\/requestSignature>/g)].map((match) => match[1]);
    expect(signatures).toEqual(['[REDACTED]', '[REDACTED]']);
    // Nothing that looks like a signature (40 hex characters) is printed anywhere.
    expect(result.stdout + result.stderr).not.toMatch(/\b[0-9a-f]{40}\b/);
  }, 180_000);

  it('npm start -- --rest: the same demo over the REST API, CREATED then UPDATED, client secret and tokens redacted', async () => {
    // The packages were built by the test above (or by `npm test`'s build).
    const result = await runProcess(process.execPath, [path.join(repoRoot, 'scripts/start.mjs'), '--rest', '--no-build'], {}, repoRoot);
    expect(result.code).toBe(0);
    const created = result.stdout.indexOf('first sync:  {"leadId":1,"status":"CREATED"}');
    expect(created).toBeGreaterThan(-1);
    expect(result.stdout.indexOf('second sync: {"leadId":1,"status":"UPDATED"}')).toBeGreaterThan(created);
    expect(result.stdout).toContain('--> syncLeadUsingPOST attempt 1 POST http://127.0.0.1:');
    expect(result.stdout).toContain('"lastName":"of the Jungle"');
    expect(result.stdout).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/identity\/oauth\/token\?grant_type=client_credentials&client_id=[0-9a-f]{32}&client_secret=\[REDACTED\]\n/);
    expect(result.stdout).toContain('"access_token":"[REDACTED]"');
    expect([...result.stdout.matchAll(/authorization: Bearer (\S+)/g)].map((match) => match[1])).toEqual(['[REDACTED]', '[REDACTED]', '[REDACTED]']);
    expect(result.stdout).not.toMatch(/[0-9a-f-]{36}:mk/); // no token of the mock's shape anywhere
  }, 60_000);
});
