// The bin with --state and --save-state: seeded from a file, changed by calls, saved on exit (atomically),
// restarted from the saved file with an identical state; bad files refused before it starts.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { createAuthenticationHeader } from '@org/mktows-auth';
import { createMktowsClient } from '@org/mktows-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MockState } from '../src/index.js';
import { seedState } from './support/seed-state.js';
import { TEST_SECRET, TEST_USER } from './support/soap-http.js';
import { startTestServer } from './support/test-server.js';

const BIN = path.resolve(import.meta.dirname, '../bin/mktows-mock.js');

interface Run {
  url: Promise<string>;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
  stop: () => void;
}

function runBin(args: string[]): Run {
  const child = spawn(process.execPath, [BIN, '--user-id', TEST_USER, ...args], {
    env: { ...process.env, MARKETO_SECRET_KEY: TEST_SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
    });
    void exited.then(({ code }) => reject(new Error(`mktows-mock exited (${code}): ${stderr}`)));
  });
  url.catch(() => undefined);
  return { url, exited, stop: () => child.kill('SIGTERM') };
}

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'mktows-mock-state-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

const file = (name: string) => path.join(directory, name);
const readJson = async (name: string): Promise<MockState> =>
  JSON.parse(await readFile(file(name), 'utf8')) as MockState;

describe('mktows-mock --state / --save-state', () => {
  it('starts from a file, saves what calls changed on exit, and restarts from the saved file identically', async () => {
    await writeFile(file('seed.json'), JSON.stringify(seedState()));
    const first = runBin(['--state', file('seed.json'), '--save-state', file('saved.json')]);
    const client = await createMktowsClient({
      endpoint: await first.url,
      headers: () => ({
        AuthenticationHeader: createAuthenticationHeader({ userId: TEST_USER, secretKey: TEST_SECRET }),
      }),
    });
    const seeded = await client.getLead({ leadKey: { keyType: 'EMAIL', keyValue: 'ann@example.com' } });
    expect(seeded.result.leadRecordList?.leadRecord?.[0]?.Id).toBe(1);
    const created = await client.syncLead({ leadRecord: { Email: 'cli@example.com' }, returnLead: false });
    await client.listOperation({
      listOperation: 'ADDTOLIST',
      listKey: { keyType: 'MKTOLISTNAME', keyValue: 'Newsletter' },
      listMemberList: { leadKey: [{ keyType: 'IDNUM', keyValue: String(created.result.leadId) }] },
    });
    first.stop();
    expect(await first.exited).toMatchObject({ code: 0, stderr: 'mktows-mock: stopped (SIGTERM)\n' });
    expect((await readdir(directory)).sort()).toEqual(['saved.json', 'seed.json']);

    const saved = await readJson('saved.json');
    expect(saved.leads?.map((lead) => lead.email)).toEqual(['ann@example.com', 'bob@example.com', 'cli@example.com']);
    expect(saved.lists?.[0]?.leadIds).toEqual([1, created.result.leadId]);
    expect(saved.activities?.map((activity) => activity.activityType)).toEqual(['New Lead', 'Add to List']);

    const second = runBin(['--state', file('saved.json'), '--save-state', file('again.json')]);
    await second.url;
    second.stop();
    expect((await second.exited).code).toBe(0);
    expect(await readJson('again.json')).toEqual(saved);
    const inProcess = await startTestServer({ state: saved });
    expect(inProcess.state()).toEqual(saved);
    await inProcess.close();
  });

  it.each([
    [
      'a state with a bad field',
      { leads: [{ email: 'a@example.com', foreignSysType: 'SAP', foreignSysPersonId: 'x' }] },
      'Invalid state.leads[0].foreignSysType: must be one of CUSTOM, SFDC, NETSUITE',
    ],
    ['a file that is not JSON', '{ leads: ', 'Invalid --state:'],
  ])('refuses %s before it starts (exit 2, nothing listening)', async (_, content, message) => {
    await writeFile(file('bad.json'), typeof content === 'string' ? content : JSON.stringify(content));
    const run = runBin(['--state', file('bad.json')]);
    const { code, stdout, stderr } = await run.exited;
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toContain(TEST_SECRET);
  });

  it('refuses a --save-state file in a directory that does not exist', async () => {
    const { code, stderr } = await runBin(['--save-state', file('missing/dir/state.json')]).exited;
    expect(code).toBe(2);
    expect(stderr).toContain('Invalid --save-state');
  });
});
