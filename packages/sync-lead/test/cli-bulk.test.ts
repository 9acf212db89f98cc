// `sync-lead --file`: NDJSON and CSV files synced against the mock, failed records written in the input's
// format and fed back in, the summary (text or one JSON object), the progress bar only on a terminal,
// and usage errors before any request. Run in-process through runCli, and once as the bin.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { useSharedMock } from './support/mock.js';
import { repoRoot, runProcess, useTempDir } from '@org/test-support';

const mock = useSharedMock({ rateLimit: false });
const dir = useTempDir('sync-lead-bulk-');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: readonly string[], stderrIsTty = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stderrStream = stderrIsTty ? fakeTerminal((text) => (stderr += text)) : { write: (text: string) => (stderr += text) };
  const code = await runCli(['--endpoint', mock.server.url, ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: stderrStream,
    env: { MARKETO_USER_ID: mock.userId, MARKETO_SECRET_KEY: mock.secretKey },
  });
  return { code, stdout, stderr };
}

/** Enough of a tty.WriteStream for cli-progress to draw on. */
function fakeTerminal(write: (text: string) => void): { write(text: string): unknown; isTTY: boolean } {
  const terminal = {
    isTTY: true,
    columns: 120,
    write: (text: string) => write(text),
    cursorTo: () => true,
    moveCursor: () => true,
    clearLine: () => true,
    clearScreenDown: () => true,
    on: () => undefined,
    removeListener: () => undefined,
  };
  return terminal;
}

async function file(name: string, text: string): Promise<string> {
  const filePath = path.join(dir(), name);
  await writeFile(filePath, text, 'utf8');
  return filePath;
}

function csvRows(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index}@example.com,First${index},"Doe, ${index}"`);
}

describe('sync-lead --file leads.csv', () => {
  it('syncs every row; failed rows go to leads.failed.csv, which syncs when fed back', async () => {
    const input = await file('batch.csv', ['Email,FirstName,LastName', ...csvRows(25, 'csv')].join('\n'));
    mock.server.failNext(20014); // one call refused for good: its whole batch fails

    const first = await cli(['--file', input, '--batch-size', '10', '--json']);

    expect(first.code).toBe(1);
    const summary = JSON.parse(first.stdout) as Record<string, unknown>;
    const failedFile = path.join(dir(), 'batch.failed.csv');
    expect(summary).toMatchObject({ total: 25, created: 15, updated: 0, failed: 10, failedFile, stoppedReading: null });
    expect(summary.reasons).toEqual({ 'Marketo fault 20014: Authentication failed': 10 });
    const failedRows = (await readFile(failedFile, 'utf8')).trimEnd().split('\n');
    expect(failedRows[0]).toBe('Email,FirstName,LastName');
    expect(failedRows).toHaveLength(11);
    expect(mock.server.leads()).toHaveLength(15);

    const again = await cli(['--file', failedFile, '--json']);

    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 10, created: 10, failed: 0, failedFile: null });
    const stored = mock.server.leads();
    expect(stored.map((lead) => lead.email).sort()).toEqual(csvRows(25, 'csv').map((row) => row.split(',')[0]).sort());
    expect(stored.find((lead) => lead.email === 'csv3@example.com')?.attributes).toEqual({ FirstName: 'First3', LastName: 'Doe, 3' });
  });

  it('maps key columns in any letter case, leaves empty cells out, and fails bad rows alone with their line', async () => {
    const input = await file(
      'mixed.csv',
      [
        'email,ID,foreignSysPersonId,FOREIGNSYSTYPE,Company,City',
        'a@example.com,,,,Acme,',
        ',,crm-1,CUSTOM,Globex,Lund',
        'not-an-email,,,,Bad,',
        'short@example.com,,',
        'b@example.com,,,,Initech,Malmö',
      ].join('\r\n'),
    );

    const run = await cli(['--file', input]);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Synced 5 leads from .*mixed\.csv in [\d.]+ s \(\d+ leads\/s\): 3 created, 0 updated, 2 failed\.$/m);
    expect(run.stdout).toContain('line 4: Invalid email: must look like an email address');
    expect(run.stdout).toContain('line 5: Invalid record: has 3 cells where the header has 6');
    expect(mock.server.leads().map(({ email, foreignSysPersonId, attributes }) => ({ email, foreignSysPersonId, attributes }))).toEqual([
      { email: 'a@example.com', foreignSysPersonId: null, attributes: { Company: 'Acme' } },
      { email: null, foreignSysPersonId: 'crm-1', attributes: { Company: 'Globex', City: 'Lund' } },
      { email: 'b@example.com', foreignSysPersonId: null, attributes: { Company: 'Initech', City: 'Malmö' } },
    ]);
    // The header, then the failed rows in the order they failed.
    const [header, ...failedRows] = (await readFile(path.join(dir(), 'mixed.failed.csv'), 'utf8')).trimEnd().split('\n');
    expect(header).toBe('email,ID,foreignSysPersonId,FOREIGNSYSTYPE,Company,City');
    expect(failedRows.sort()).toEqual(['not-an-email,,,,Bad,', 'short@example.com,,']);
  });

  it('a syntax error stops the reading: the rows before it sync, the summary says where it stopped, exit 1', async () => {
    const input = await file('broken.csv', ['Email,FirstName', 'ok1@example.com,One', 'ok2@example.com,"Two', 'never@example.com,Three'].join('\n'));
    const run = await cli(['--file', input, '--json']);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as { created: number; stoppedReading: string | null };
    expect(summary.created).toBe(1);
    expect(summary.stoppedReading).toMatch(/quote/i);
    expect(mock.server.leads().map((lead) => lead.email)).toEqual(['ok1@example.com']);
  });

  it('--no-dedup sends dedupEnabled=false: the same email twice makes two leads', async () => {
    const input = await file('dups.csv', ['Email', 'twice@example.com', 'twice@example.com'].join('\n'));
    expect((await cli(['--file', input, '--no-dedup'])).code).toBe(0);
    expect(mock.server.leads()).toHaveLength(2);
    expect((await cli(['--file', input])).code).toBe(0);
    expect(mock.server.leads()).toHaveLength(2);
  });
});

describe('sync-lead --file leads.ndjson', () => {
  it('syncs each JSON line; unreadable lines fail with their line and are written back as they were', async () => {
    const lines = [
      JSON.stringify({ email: 'n1@example.com', attributes: { FirstName: 'Ada', LeadScore: 3 } }),
      '',
      '{"email": "broken@example.com",',
      '["not", "an", "object"]',
      JSON.stringify({ email: 'n2@example.com', marketoCookie: 'id:1' }),
      JSON.stringify({ foreignSysPersonId: 'crm-9', foreignSysType: 'SFDC' }),
    ];
    const input = await file('leads.ndjson', `${lines.join('\n')}\n`);

    const run = await cli(['--file', input, '--json']);

    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 5, created: 2, failed: 3 });
    const summary = JSON.parse(run.stdout) as { firstFailures: Array<{ line: number; reason: string }> };
    expect(summary.firstFailures.map((failure) => failure.line)).toEqual([3, 4, 5]);
    expect(summary.firstFailures[2]?.reason).toMatch(/Invalid marketoCookie: is not supported by syncLeads/);
    expect(await readFile(path.join(dir(), 'leads.failed.ndjson'), 'utf8')).toBe(`${[lines[2], lines[3], lines[4]].join('\n')}\n`);
    expect(mock.server.leads().map((lead) => lead.attributes)).toEqual([{ FirstName: 'Ada', LeadScore: '3' }, {}]);
  });
});

describe('progress and usage', () => {
  it('draws a progress bar on stderr when it is a terminal, and keeps stdout for the summary', async () => {
    const input = await file('tty.csv', ['Email', ...Array.from({ length: 30 }, (_, index) => `tty${index}@example.com`)].join('\n'));
    const run = await cli(['--file', input, '--batch-size', '10'], true);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/sync-lead .* \d+\/30 leads \| \d+ created, 0 updated, 0 failed/);
    expect(run.stdout).toMatch(/^Synced 30 leads .*: 30 created, 0 updated, 0 failed\.\n$/);
  });

  it.each([
    ['--file with a single-lead option', ['--file', 'x.csv', '--email', 'a@example.com']],
    ['--batch-size without --file', ['--email', 'a@example.com', '--batch-size', '5']],
    ['--no-dedup without --file', ['--email', 'a@example.com', '--no-dedup']],
    ['a missing file', ['--file', '/no/such/leads.csv']],
    ['an extension that names no format', ['--file', 'README.md']],
    ['a batch size over 300', ['--file', 'ok.csv', '--batch-size', '301']],
    ['the failed file the same as the input', ['--file', 'ok.csv', '--failed-file', 'ok.csv']],
  ])('%s: exit 2, no request', async (_, args) => {
    await file('ok.csv', 'Email\nok@example.com\n');
    const resolved = args.map((arg) => (arg === 'ok.csv' ? path.join(dir(), 'ok.csv') : arg === 'README.md' ? path.join(repoRoot, 'README.md') : arg));
    const run = await cli(resolved);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toBe('');
    expect(mock.server.stats().requests).toBe(0);
  });

  it('the bin runs bulk mode as a user runs it', async () => {
    const input = await file('bin.ndjson', `${JSON.stringify({ email: 'bin@example.com' })}\n`);
    const result = await runProcess(process.execPath, [path.join(repoRoot, 'packages/sync-lead/bin/sync-lead.js'), '--endpoint', mock.server.url, '--file', input, '--json'], {
      MARKETO_USER_ID: mock.userId,
      MARKETO_SECRET_KEY: mock.secretKey,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ total: 1, created: 1, failed: 0 });
  });
});
