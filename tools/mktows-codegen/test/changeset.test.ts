// `mktows-codegen generate --changeset` on temporary git repositories: edits the committed WSDL, runs the
// command, and checks the diff it prints, the changeset it writes (package, bump, summary), and the
// regenerated types.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import parseChangeset from '@changesets/parse';
import { describe, expect, it } from 'vitest';
import { makeTempRepo, type TempRepo } from './changeset-repo.js';
import { editProjectWsdl, projectWsdlText, type WsdlEditor } from './diff-wsdl-edits.js';
import { runCli, snapshotFolder } from './support/workspace.js';

const GENERATED = 'packages/mktows-types/src/generated';

function editWsdl(repo: TempRepo, edit: (wsdl: WsdlEditor) => void): void {
  writeFileSync(path.join(repo.dir, 'wsdl/mktows.wsdl'), editProjectWsdl(edit));
}

const addDedupeBy = (wsdl: WsdlEditor) =>
  wsdl
    .property('ParamsSyncLead', 'marketoCookie')
    .parentNode?.appendChild(wsdl.xsd('element', { name: 'dedupeBy', type: 'xsd:string', minOccurs: '0' }));

function changesetFiles(repo: TempRepo): string[] {
  return readdirSync(path.join(repo.dir, '.changeset')).filter((name) => name.endsWith('.md'));
}

describe('mktows-codegen generate --changeset', () => {
  it('regenerates, prints the diff against HEAD, and writes a changeset for @org/mktows-types with the bump', async () => {
    const repo = makeTempRepo();
    editWsdl(repo, addDedupeBy);
    const run = await runCli(['generate', '--changeset'], repo.dir);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);

    const head = repo.git('rev-parse', '--short=12', 'HEAD').trim();
    const name = `mktows-types-wsdl-${head}.md`;
    expect(changesetFiles(repo)).toEqual([name]);
    expect(run.stdout).toEqual([
      `mktows-codegen: wrote 6 files to ${GENERATED} from wsdl/mktows.wsdl`,
      'mktows-codegen: API changes of wsdl/mktows.wsdl since git HEAD:',
      '  [minor] types.ParamsSyncLead.dedupeBy: element dedupeBy added (xs:string, minOccurs 0, maxOccurs 1) (in requests) (property-added-optional)',
      '  bump: minor (1 change: 1 minor)',
      `mktows-codegen: wrote .changeset/${name} (@org/mktows-types: minor)`,
    ]);

    // The file is a changeset the changesets tooling reads: one release, the package, the bump, the summary.
    const text = readFileSync(path.join(repo.dir, '.changeset', name), 'utf8');
    const parsed = parseChangeset(text);
    expect(parsed.releases).toEqual([{ name: '@org/mktows-types', type: 'minor' }]);
    expect(parsed.summary).toBe(
      [
        'Regenerated from an API change of `wsdl/mktows.wsdl` (1 change: 1 minor).',
        '',
        '- minor: `types.ParamsSyncLead.dedupeBy`: element dedupeBy added (xs:string, minOccurs 0, maxOccurs 1) (in requests) (property-added-optional)',
      ].join('\n'),
    );

    // The regenerated types carry the new optional property, and `check` agrees the output is current.
    const types = readFileSync(path.join(repo.dir, GENERATED, 'types.ts'), 'utf8');
    const paramsSyncLead = /export interface ParamsSyncLead \{[\s\S]*?\n\}/.exec(types)?.[0] ?? '';
    expect(paramsSyncLead).toMatch(/\n {2}dedupeBy\?: string;\n/);
    expect(repo.git('status', '--porcelain', '--', GENERATED)).toMatch(
      / M packages\/mktows-types\/src\/generated\/types\.ts/,
    );
    expect((await runCli(['check'], repo.dir)).code).toBe(0);
  });

  it('rewrites the same file on a re-run (the whole diff since HEAD) and removes it once the bump is none', async () => {
    const repo = makeTempRepo();
    editWsdl(repo, addDedupeBy);
    await runCli(['generate', '--changeset'], repo.dir);
    const [name] = changesetFiles(repo);
    const file = path.join(repo.dir, '.changeset', name!);

    editWsdl(repo, (wsdl) => {
      addDedupeBy(wsdl);
      wsdl.remove(wsdl.enumValue('ForeignSysType', 'NETSUITE'));
    });
    await runCli(['generate', '--changeset'], repo.dir);
    expect(changesetFiles(repo)).toEqual([name]);
    const parsed = parseChangeset(readFileSync(file, 'utf8'));
    expect(parsed.releases).toEqual([{ name: '@org/mktows-types', type: 'major' }]);
    expect(parsed.summary.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      '- major: `types.ForeignSysType["NETSUITE"]`: value "NETSUITE" removed (in requests and responses) (enum-value-removed)',
      '- minor: `types.ParamsSyncLead.dedupeBy`: element dedupeBy added (xs:string, minOccurs 0, maxOccurs 1) (in requests) (property-added-optional)',
    ]);

    writeFileSync(path.join(repo.dir, 'wsdl/mktows.wsdl'), projectWsdlText);
    const reverted = await runCli(['generate', '--changeset'], repo.dir);
    expect(reverted.stdout.slice(-3)).toEqual([
      '  no API changes',
      '  bump: none',
      `mktows-codegen: removed .changeset/${name} (the bump is now none)`,
    ]);
    expect(existsSync(file)).toBe(false);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('writes no changeset when the bump is none (endpoint address only), but still regenerates', async () => {
    const repo = makeTempRepo();
    editWsdl(repo, (wsdl) =>
      wsdl.address().setAttribute('location', 'https://123-ABC-456.mktoapi.com/soap/mktows/2_2'),
    );
    const run = await runCli(['generate', '--changeset'], repo.dir);
    expect(run.code).toBe(0);
    expect(run.stdout.slice(1)).toEqual([
      'mktows-codegen: API changes of wsdl/mktows.wsdl since git HEAD:',
      '  [none] services.MktMktowsApiService.MktowsApiSoapPort.address: https://na-aba.marketo.com/soap/mktows/2_2 -> https://123-ABC-456.mktoapi.com/soap/mktows/2_2 (endpoint-address-changed)',
      '  bump: none (1 change: 1 none)',
      'mktows-codegen: no changeset written (bump: none)',
    ]);
    expect(changesetFiles(repo)).toEqual([]);
    expect(readFileSync(path.join(repo.dir, GENERATED, 'metadata.ts'), 'utf8')).toContain('123-ABC-456.mktoapi.com');
  });

  it('fails with one line and writes nothing when the WSDL is not in git HEAD', async () => {
    const repo = makeTempRepo();
    repo.git('rm', '--quiet', '--cached', 'wsdl/mktows.wsdl');
    repo.git('-c', 'commit.gpgsign=false', 'commit', '--quiet', '--message', 'untrack the WSDL');
    editWsdl(repo, addDedupeBy);
    const before = snapshotFolder(path.join(repo.dir, GENERATED));
    const run = await runCli(['generate', '--changeset'], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/^mktows-codegen: wsdl\/mktows\.wsdl: cannot read it at git HEAD \(.+\)$/);
    expect(snapshotFolder(path.join(repo.dir, GENERATED))).toEqual(before);
    expect(changesetFiles(repo)).toEqual([]);
  });
});
