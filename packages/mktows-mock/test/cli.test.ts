// The mktows-mock command: in-process through runCli, and the real bin in a child process.
import { spawn } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { runCli, USAGE } from '../src/cli.js';
import { syncLead } from './support/raw-calls.js';
import { authenticationHeaderXml, TEST_SECRET, TEST_USER } from './support/soap-http.js';

function io(env: Record<string, string | undefined>) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let stop: (signal: string) => void = () => undefined;
  const stopSignal = new Promise<string>((resolve) => {
    stop = resolve;
  });
  let printed: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((resolve) => {
    printed = resolve;
  });
  return {
    stdout,
    stderr,
    stop: (signal: string) => stop(signal),
    firstLine,
    io: {
      stdout: (line: string) => {
        stdout.push(line);
        printed(line);
      },
      stderr: (line: string) => stderr.push(line),
      env,
      stopSignal,
    },
  };
}

describe('runCli', () => {
  it('prints usage for --help', async () => {
    const run = io({});
    expect(await runCli(['--help'], run.io)).toBe(0);
    expect(run.stdout).toEqual([USAGE]);
  });

  it.each([
    [[], { MARKETO_USER_ID: 'u' }, 'Invalid MARKETO_SECRET_KEY: must be set in the environment'],
    [[], { MARKETO_SECRET_KEY: 's' }, 'Invalid --user-id: is required (or set MARKETO_USER_ID)'],
    [['--user-id', 'u', '--rate-limit', 'fast'], { MARKETO_SECRET_KEY: 's' }, 'Invalid --rate-limit'],
    [['--user-id', 'u', '--fault-rate', 'boom=1'], { MARKETO_SECRET_KEY: 's' }, 'Invalid --fault-rate'],
    [['--user-id', 'u', '--secret-key', 's'], { MARKETO_SECRET_KEY: 's' }, "Unknown option '--secret-key'"],
    [['--user-id', 'u', '--client-id', 'c'], { MARKETO_SECRET_KEY: 's' }, 'Invalid MARKETO_CLIENT_SECRET'],
    [['--user-id', 'u', '--token-lifetime', '60'], { MARKETO_SECRET_KEY: 's' }, 'Invalid --token-lifetime'],
  ])('exits 2 with a one-line reason for bad usage (%j)', async (argv, env, reason) => {
    const run = io(env);
    expect(await runCli(argv, run.io)).toBe(2);
    expect(run.stderr[0]).toContain(reason);
    expect(run.stdout).toEqual([]);
  });

  it('serves until stopped, printing only the endpoint URL', async () => {
    const run = io({ MARKETO_SECRET_KEY: TEST_SECRET, MARKETO_USER_ID: TEST_USER });
    const exit = runCli(
      ['--rate-limit', '5/1000', '--concurrency-limit', 'off', '--fault-rate', 'http503=0', '--seed', '3'],
      run.io,
    );
    const url = await Promise.race([
      run.firstLine,
      exit.then((code) => Promise.reject(new Error(`exited ${code}: ${run.stderr.join(' ')}`))),
    ]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/soap\/mktows\/2_2$/);
    expect(await syncLead(url, { Email: 'cli@example.com' })).toMatchObject({ status: 'CREATED' });
    run.stop('SIGTERM');
    expect(await exit).toBe(0);
    expect(run.stderr).toEqual(['mktows-mock: stopped (SIGTERM)']);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('with a REST client, prints the REST endpoint on a second line and serves REST on the same instance', async () => {
    const clientSecret = 'cli-client-secret-7f3e9a';
    const run = io({
      MARKETO_SECRET_KEY: TEST_SECRET,
      MARKETO_CLIENT_ID: 'cli-client',
      MARKETO_CLIENT_SECRET: clientSecret,
    });
    const exit = runCli(['--user-id', TEST_USER, '--token-lifetime', '60'], run.io);
    const url = await run.firstLine;
    await syncLead(url, { Email: 'cli-rest@example.com' });
    const restUrl = run.stdout[1] ?? '';
    expect(restUrl).toBe(url.replace('/soap/mktows/2_2', '/rest'));
    const query = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'cli-client',
      client_secret: clientSecret,
    });
    const identity = (await (
      await fetch(`${restUrl.replace(/\/rest$/, '/identity')}/oauth/token?${query.toString()}`)
    ).json()) as {
      access_token: string;
      expires_in: number;
    };
    expect(identity.expires_in).toBe(60);
    const lead = await fetch(`${restUrl}/v1/lead/1.json?fields=email`, {
      headers: { Authorization: `Bearer ${identity.access_token}` },
    });
    expect(((await lead.json()) as { result: unknown }).result).toEqual([{ email: 'cli-rest@example.com' }]);
    run.stop('SIGINT');
    expect(await exit).toBe(0);
    expect([...run.stdout, ...run.stderr].join('\n')).not.toContain(clientSecret);
  });
});

describe('bin/mktows-mock.js', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints the URL, answers signed calls, and exits 0 on %s without printing the secret',
    async (signal) => {
      const bin = path.resolve(import.meta.dirname, '../bin/mktows-mock.js');
      const child = spawn(process.execPath, [bin, '--port', '0', '--user-id', TEST_USER], {
        env: { ...process.env, MARKETO_SECRET_KEY: TEST_SECRET },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
        });
        child.once('exit', (code) => reject(new Error(`mktows-mock exited early (${code}): ${stderr}`)));
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(await syncLead(url, { Email: 'bin@example.com' }, { header: authenticationHeaderXml() })).toMatchObject({
        status: 'CREATED',
      });
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(stdout).toBe(`${url}\n`);
      expect(stderr).toBe(`mktows-mock: stopped (${signal})\n`);
      expect(stdout + stderr).not.toContain(TEST_SECRET);
    },
  );
});
