// The documented command itself, `npm run generate -- --changeset`, on a temporary copy of the workspace:
// the root script builds the generator (inside the copy, with Nx) and passes the flag through to
// `mktows-codegen generate`, which writes the changeset for the WSDL change.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import parseChangeset from '@changesets/parse';
import { describe, expect, it } from 'vitest';
import { makeTempRepo } from './changeset-repo.js';
import { editProjectWsdl } from './diff-wsdl-edits.js';

describe('npm run generate -- --changeset', () => {
  it('builds the generator, regenerates, prints the diff and writes the changeset', () => {
    const repo = makeTempRepo({ workspace: true });
    const edited = editProjectWsdl((wsdl) =>
      wsdl.duplicate(wsdl.enumValue('LeadSyncStatus', 'FAILED')).setAttribute('value', 'MERGED'),
    );
    writeFileSync(path.join(repo.dir, 'wsdl/mktows.wsdl'), edited);

    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const stdout = execFileSync(npm, ['run', '--silent', 'generate', '--', '--changeset'], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' },
    });

    const name = `mktows-types-wsdl-${repo.git('rev-parse', '--short=12', 'HEAD').trim()}.md`;
    expect(stdout).toContain(
      '  [major] types.LeadSyncStatus["MERGED"]: value "MERGED" added (in responses) (enum-value-added)\n',
    );
    expect(stdout).toContain(`mktows-codegen: wrote .changeset/${name} (@org/mktows-types: major)\n`);
    expect(readdirSync(path.join(repo.dir, '.changeset')).filter((file) => file.endsWith('.md'))).toEqual([name]);
    const changeset = parseChangeset(readFileSync(path.join(repo.dir, '.changeset', name), 'utf8'));
    expect(changeset.releases).toEqual([{ name: '@org/mktows-types', type: 'major' }]);
    expect(changeset.summary).toContain('types.LeadSyncStatus["MERGED"]');
    const types = readFileSync(path.join(repo.dir, 'packages/mktows-types/src/generated/types.ts'), 'utf8');
    expect(types).toMatch(/export type LeadSyncStatus = 'CREATED' \| 'UPDATED' \| 'FAILED' \| 'MERGED';/);
  }, 120_000);
});
