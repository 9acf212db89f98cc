// `mktows-codegen diff OLD NEW [--json]` as a command: exactly `{ bump, changes }` with --json, a readable
// list without, exit 0 whatever the bump, exit 2 with one line on stderr when an input is unusable.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editProjectWsdl, projectWsdlText } from './diff-wsdl-edits.js';
import { makeWorkspace, repoRoot, runCli } from './support/workspace.js';

const bin = path.join(repoRoot, 'tools/mktows-codegen/bin/mktows-codegen.js');

/** A temp folder with old.wsdl (the project WSDL) and new.wsdl (`newText`). */
function twoWsdls(newText: string): string {
  const dir = makeWorkspace();
  writeFileSync(path.join(dir, 'old.wsdl'), projectWsdlText);
  writeFileSync(path.join(dir, 'new.wsdl'), newText);
  return dir;
}

const cookieRequired = editProjectWsdl((wsdl) =>
  wsdl.property('ParamsSyncLead', 'marketoCookie').setAttribute('minOccurs', '1'),
);
const valueAdded = editProjectWsdl((wsdl) =>
  wsdl.duplicate(wsdl.enumValue('ReqCampSourceType', 'SALES')).setAttribute('value', 'WEB'),
);

describe('mktows-codegen diff (command)', () => {
  it('--json prints exactly { bump, changes } with kind, path, detail and bump per change; exit 0', async () => {
    const dir = twoWsdls(cookieRequired);
    const run = await runCli(['diff', 'old.wsdl', 'new.wsdl', '--json'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual([]);
    expect(run.stdout).toHaveLength(1);
    const printed = JSON.parse(run.stdout[0]!) as Record<string, unknown>;
    expect(printed).toEqual({
      bump: 'major',
      changes: [
        {
          kind: 'property-made-required',
          path: 'types.ParamsSyncLead.marketoCookie',
          detail: 'minOccurs 0 -> 1 (in requests)',
          bump: 'major',
        },
      ],
    });
  });

  it('prints a readable list and the bump without --json', async () => {
    const dir = twoWsdls(valueAdded);
    const run = await runCli(['diff', 'old.wsdl', 'new.wsdl'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toEqual([
      '[minor] types.ReqCampSourceType["WEB"]: value "WEB" added (in requests) (enum-value-added)',
      'bump: minor (1 change: 1 minor)',
    ]);
  });

  it('says so when nothing changed', async () => {
    const dir = twoWsdls(projectWsdlText);
    expect((await runCli(['diff', 'old.wsdl', 'new.wsdl'], dir)).stdout).toEqual(['no API changes', 'bump: none']);
    const json = await runCli(['diff', 'old.wsdl', 'new.wsdl', '--json'], dir);
    expect(JSON.parse(json.stdout[0]!)).toEqual({ bump: 'none', changes: [] });
  });

  const unusable: { name: string; args: (dir: string) => string[]; message: RegExp }[] = [
    {
      name: 'a missing file',
      args: () => ['diff', 'old.wsdl', 'nope.wsdl'],
      message: /^mktows-codegen diff: nope\.wsdl: file not found$/,
    },
    {
      name: 'a non-XML file',
      args: (dir) => {
        writeFileSync(path.join(dir, 'new.wsdl'), '{ "not": "xml" }');
        return ['diff', 'old.wsdl', 'new.wsdl'];
      },
      message: /^mktows-codegen diff: new\.wsdl: not well-formed XML/,
    },
    {
      name: 'XML that is not a WSDL',
      args: (dir) => {
        writeFileSync(path.join(dir, 'new.wsdl'), '<?xml version="1.0"?><project/>');
        return ['diff', 'old.wsdl', 'new.wsdl', '--json'];
      },
      message: /^mktows-codegen diff: new\.wsdl: root element is <project>, not wsdl:definitions$/,
    },
    {
      name: 'a missing argument',
      args: () => ['diff', 'old.wsdl'],
      message: /missing required argument 'new'/,
    },
  ];

  for (const testCase of unusable) {
    it(`exits 2 with one line on stderr for ${testCase.name}`, async () => {
      const dir = twoWsdls(projectWsdlText);
      const run = await runCli(testCase.args(dir), dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toEqual([]);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toMatch(testCase.message);
    });
  }

  it('as the real bin: exit 0 with the JSON on stdout, exit 2 and one stderr line on a missing file (needs the built dist)', () => {
    const dir = twoWsdls(cookieRequired);
    const stdout = execFileSync(process.execPath, [bin, 'diff', 'old.wsdl', 'new.wsdl', '--json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect((JSON.parse(stdout) as { bump: string }).bump).toBe('major');
    let failure: { status: number; stdout: string; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [bin, 'diff', 'old.wsdl', 'gone.wsdl'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr).toBe('mktows-codegen diff: gone.wsdl: file not found\n');
  });
});
