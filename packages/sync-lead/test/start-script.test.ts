// `npm start` (scripts/start.mjs) in a subprocess, as a user runs it after `npm ci`.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';
import { runProcess } from './support/run-process.js';

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
});
