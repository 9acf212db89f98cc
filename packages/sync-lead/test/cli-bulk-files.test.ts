// `sync-lead --file` with the files that used to lose or destroy leads: a failed-leads file that is the
// input under another name (symlink, hard link), CSV syntax errors after 3, 2,000 and 9,990 rows,
// refused and duplicate column names, a byte-order mark in NDJSON, invalid UTF-8, and a failed-leads
// file that cannot be written. Each run leaves the input intact, accounts for every row (in the summary,
// the store and the failed-leads file), ends with the documented exit code (0 synced, 1 some failed,
// 2 usage: nothing sent), and prints no stack trace.
import { link, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { useSharedMock } from './support/mock.js';
import { repoRoot, runProcess, useTempDir } from '@org/test-support';

const mock = useSharedMock({ rateLimit: false, concurrencyLimit: false });
const dir = useTempDir('sync-lead-files-');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--endpoint', mock.server.url, ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { MARKETO_USER_ID: mock.userId, MARKETO_SECRET_KEY: mock.secretKey },
  });
  return { code, stdout, stderr };
}

async function file(name: string, content: string | Buffer): Promise<string> {
  const filePath = path.join(dir(), name);
  await writeFile(filePath, content);
  return filePath;
}

function emailRows(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index}@example.com,First ${index}`);
}

/** A usage error: exit 2, one line on stderr naming `field`, nothing sent, no stack trace. */
function expectUsageError(run: CliRun, field: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(field);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(mock.server.stats().requests).toBe(0);
}

describe('the failed-leads file is never the input (point 2)', () => {
  const rows = ['Email,FirstName', ...emailRows(3617, 'keep')].join('\n');

  it.each([
    ['a symlink to the input', symlink],
    ['a hard link to the input', link],
  ])('--failed-file %s: exit 2 before anything is sent, the input intact', async (_, makeLink) => {
    const input = await file(`input-${makeLink.name}.csv`, rows);
    const alias = path.join(dir(), `alias-${makeLink.name}.csv`);
    await makeLink(input, alias);

    const run = await cli(['--file', input, '--failed-file', alias]);

    expectUsageError(run, /^sync-lead: Invalid --failed-file: must not be the input file/);
    expect(await readFile(input, 'utf8')).toBe(rows);
  });

  it('the default failed-leads path, when it is a symlink to the input: exit 2, the input intact', async () => {
    const input = await file('self.csv', rows);
    await symlink(input, path.join(dir(), 'self.failed.csv'));
    expectUsageError(await cli(['--file', input]), /must not be the input file/);
    expect(await readFile(input, 'utf8')).toBe(rows);
  });

  it('an existing failed-leads file is left as it was by a clean run, and one the run created is removed', async () => {
    const input = await file('clean.csv', 'Email\nclean@example.com\n');
    const previous = await file('previous-failures.csv', 'Email\nold@example.com\n');
    expect((await cli(['--file', input, '--failed-file', previous])).code).toBe(0);
    expect(await readFile(previous, 'utf8')).toBe('Email\nold@example.com\n');
    expect((await cli(['--file', input])).code).toBe(0);
    await expect(stat(path.join(dir(), 'clean.failed.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('every row read is synced or reported (point 3)', () => {
  it.each([3, 2000, 9990])(
    'a CSV syntax error after %i rows: those rows sync, the rest of the file is in the failed file as it was, exit 1',
    async (before) => {
      const after = ['after1@example.com,After', 'after2@example.com,"After, two"'];
      const broken = 'broken@example.com,"Unclosed';
      const lines = ['Email,FirstName', ...emailRows(before, `syn${before}-`), broken, ...after];
      const text = `${lines.join('\n')}\n`;
      const input = await file(`syntax-${before}.csv`, text);

      const run = await cli(['--file', input, '--json']);

      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      const summary = JSON.parse(run.stdout) as {
        total: number;
        created: number;
        failed: number;
        failedFile: string;
        stoppedReading: string;
      };
      expect(summary).toMatchObject({ total: before + 1, created: before, failed: 1 });
      expect(summary.stoppedReading).toMatch(new RegExp(`^line ${before + 2}: CSV syntax error \\(`));
      // The header, then the rest of the file from the broken row on, byte for byte.
      expect(await readFile(summary.failedFile, 'utf8')).toBe(`Email,FirstName\n${[broken, ...after].join('\n')}\n`);
      expect(
        mock.server
          .leads()
          .map((lead) => lead.email)
          .sort(),
      ).toEqual(
        emailRows(before, `syn${before}-`)
          .map((row) => row.split(',')[0])
          .sort(),
      );
      expect(await readFile(input, 'utf8')).toBe(text);
    },
  );

  it('a syntax error in the middle of a row: the rows before and around it are accounted for, text summary names the line', async () => {
    const text = ['Email,FirstName', 'ok1@example.com,One', 'ok2@example.com,"Two"x', 'ok3@example.com,Three'].join(
      '\r\n',
    );
    const input = await file('closing-quote.csv', text);

    const run = await cli(['--file', input]);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/: 1 created, 0 updated, 1 failed\./);
    expect(run.stdout).toMatch(/Reading stopped early: line 3: CSV syntax error \(Invalid Closing Quote/);
    expect(run.stdout).toContain('line 3: Invalid record: is not CSV');
    expect(await readFile(path.join(dir(), 'closing-quote.failed.csv'), 'utf8')).toBe(
      'Email,FirstName\nok2@example.com,"Two"x\r\nok3@example.com,Three',
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'a column named %s: exit 2 naming it, nothing sent, no failed file',
    async (name) => {
      const input = await file(`refused-${name}.csv`, `Email,${name}\nx@example.com,polluted\n`);
      expectUsageError(await cli(['--file', input]), new RegExp(`Invalid header: column 2 is named "${name}"`));
      await expect(stat(path.join(dir(), `refused-${name}.failed.csv`))).rejects.toMatchObject({ code: 'ENOENT' });
    },
  );

  it.each([
    ['the same name twice', 'Email,FirstName,FirstName'],
    ['names that differ only in letter case', 'Email,FirstName,firstname'],
    ['two key columns for the same key', 'email,EMAIL'],
  ])('duplicate headers (%s): exit 2 naming them, nothing sent', async (_, header) => {
    const input = await file('duplicates.csv', `${header}\nx@example.com,a,b\n`);
    expectUsageError(await cli(['--file', input]), /Invalid header: columns \d and \d are both/);
  });

  it('an NDJSON file that starts with a byte-order mark: its first line syncs like the others', async () => {
    const lines = [JSON.stringify({ email: 'bom1@example.com' }), JSON.stringify({ email: 'bom2@example.com' })];
    const input = await file('bom.ndjson', `\uFEFF${lines.join('\n')}\n`);

    const run = await cli(['--file', input, '--json']);

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 2, created: 2, failed: 0, failedFile: null });
    expect(mock.server.leads().map((lead) => lead.email)).toEqual(['bom1@example.com', 'bom2@example.com']);
  });

  it.each([
    [
      'a CSV cell',
      'utf8.csv',
      Buffer.concat([
        Buffer.from('Email,City\nok@example.com,Lund\nbad@example.com,Malm'),
        Buffer.from([0xf6]),
        Buffer.from('\n'),
      ]),
      'line 3, column 21',
    ],
    [
      'an NDJSON line',
      'utf8.ndjson',
      Buffer.concat([
        Buffer.from('{"email":"a@example.com"}\n{"email":"b@example.com","attributes":{"City":"'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('"}}\n'),
      ]),
      'line 2, column 48',
    ],
  ])('invalid UTF-8 in %s: exit 2 naming the line and column, nothing sent', async (_, name, content, position) => {
    const input = await file(name, content);
    expectUsageError(
      await cli(['--file', input]),
      new RegExp(`Invalid --file: must be UTF-8 text: .* at ${position}$`),
    );
    expect(await readFile(input)).toEqual(content);
  });
});

describe('a failed-leads file that cannot be written (point 4)', () => {
  it.each([
    ['in a directory that does not exist', (): string => path.join(dir(), 'no-such-dir', 'failed.csv'), 'ENOENT'],
    ['a directory', (): string => dir(), 'EISDIR'],
  ])('%s: exit 2 with one clear line, before anything is sent', async (_, failedFile, code) => {
    const input = await file('writable.csv', 'Email\nw@example.com\n');
    expectUsageError(
      await cli(['--file', input, '--failed-file', failedFile()]),
      new RegExp(`Invalid --failed-file: cannot be written: .*\\(${code}\\)$`),
    );
    expect(await readFile(input, 'utf8')).toBe('Email\nw@example.com\n');
  });

  it('the bin: exit 2, one line on stderr, no stack trace', async () => {
    const input = await file('bin-writable.csv', 'Email\nbin@example.com\n');
    await mkdir(path.join(dir(), 'bin-dir.csv'), { recursive: true });
    const result = await runProcess(
      process.execPath,
      [
        path.join(repoRoot, 'packages/sync-lead/bin/sync-lead.js'),
        '--endpoint',
        mock.server.url,
        '--file',
        input,
        '--failed-file',
        path.join(dir(), 'bin-dir.csv'),
      ],
      { MARKETO_USER_ID: mock.userId, MARKETO_SECRET_KEY: mock.secretKey },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sync-lead: Invalid --failed-file: cannot be written: .* \(EISDIR\)\n$/);
    expect(result.stdout).toBe('');
    expect(mock.server.stats().requests).toBe(0);
  });
});
