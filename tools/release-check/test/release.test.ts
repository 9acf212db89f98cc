// Issue 5 end to end: in a throwaway copy of this repository, a minor changeset on
// @org/mktows-types goes through `npm run version-packages` and `npm run release`
// into a real (Verdaccio) registry on loopback; then examples/downstream installs
// the published versions from it, compiles in three module settings and runs
// against @org/mktows-mock.
import { existsSync, readFileSync, readdirSync, rmSync, appendFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepo } from './support/repo-copy.js';
import { downstreamBuilds, prepareDownstream } from './support/downstream.js';
import { childEnv, runCommand } from './support/run-command.js';
import { openReleaseSandbox, withReleaseSandbox, type ReleaseSandbox } from './support/sandbox.js';
import { bumpVersion, readManifest, type Manifest } from './support/versions.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const launcher = resolve(import.meta.dirname, '../scripts/verdaccio-server.mjs');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The published packages, by folder. */
const packageDirs = ['mktows-types', 'marketo-rest-types', 'mktows-auth', 'sync-lead', 'mktows-mock'].map((name) => join('packages', name));
const changedPackage = '@org/mktows-types';
const changeSummary = 'release-check: a minor change to the generated types';

describe('release through changesets into Verdaccio, consumed by a downstream project', () => {
  let sandbox: ReleaseSandbox | undefined;
  let repo = '';
  let downstream = '';
  const before = new Map<string, Manifest>();
  const after = new Map<string, Manifest>();

  /**
   * The environment of the publishing and viewing commands: every registry request goes to the test
   * registry. (An `npm_config_@org:registry` variable would not do: `npm run` drops it before starting
   * the script, and changesets would then check and publish against the public registry.)
   */
  const registryEnv = (): NodeJS.ProcessEnv => childEnv({ npm_config_registry: sandbox!.registry.url });

  beforeAll(async () => {
    sandbox = await openReleaseSandbox(launcher);
    repo = join(sandbox.dir, 'repo');
    downstream = join(sandbox.dir, 'downstream');
    copyRepo(repoRoot, repo);
    for (const dir of packageDirs) {
      const manifest = readManifest(join(repo, dir));
      before.set(manifest.name, manifest);
    }
    // Only this test's changeset is pending, so the expected bumps are exact
    // whatever changesets the real repository has queued.
    for (const file of readdirSync(join(repo, '.changeset'))) {
      if (file.endsWith('.md') && file !== 'README.md') rmSync(join(repo, '.changeset', file));
    }
    writeFileSync(
      join(repo, '.changeset', 'release-check-minor.md'),
      `---\n'${changedPackage}': minor\n---\n\n${changeSummary}\n`,
    );
    // The copy's project .npmrc sends the @org scope to the test registry whatever else is configured,
    // and holds the token of the user the sandbox created for publishing.
    const host = new URL(sandbox.registry.url).host;
    appendFileSync(
      join(repo, '.npmrc'),
      `\n@org:registry=${sandbox.registry.url}\n//${host}/:_authToken=${sandbox.registry.token}\n`,
    );
  }, 120_000);

  afterAll(async () => {
    await sandbox?.close();
  });

  it('version-packages bumps @org/mktows-types by minor and its dependents by patch, with CHANGELOG entries', async () => {
    await runCommand(npm, ['run', 'version-packages'], { cwd: repo, env: childEnv() });

    const typesBefore = before.get(changedPackage)!.version;
    const typesAfter = bumpVersion(typesBefore, 'minor');
    for (const dir of packageDirs) {
      const manifest = readManifest(join(repo, dir));
      after.set(manifest.name, manifest);
      const old = before.get(manifest.name)!;
      const changelogPath = join(repo, dir, 'CHANGELOG.md');
      if (manifest.name === changedPackage) {
        expect(manifest.version).toBe(typesAfter);
        const changelog = readFileSync(changelogPath, 'utf8');
        expect(changelog).toContain(`## ${typesAfter}`);
        expect(changelog).toMatch(new RegExp(`## ${typesAfter.replaceAll('.', '\\.')}\\s+### Minor Changes`));
        expect(changelog).toContain(changeSummary);
      } else if (old.dependencies?.[changedPackage]) {
        expect(manifest.version, `${manifest.name} depends on ${changedPackage}`).toBe(
          bumpVersion(old.version, 'patch'),
        );
        expect(manifest.dependencies?.[changedPackage]).toBe(`^${typesAfter}`);
        const changelog = readFileSync(changelogPath, 'utf8');
        expect(changelog).toMatch(new RegExp(`## ${manifest.version.replaceAll('.', '\\.')}\\s+### Patch Changes`));
        expect(changelog).toContain(`Updated dependencies`);
        expect(changelog).toContain(`${changedPackage}@${typesAfter}`);
      } else {
        expect(manifest.version, `${manifest.name} does not depend on ${changedPackage}`).toBe(old.version);
      }
    }
    expect(existsSync(join(repo, '.changeset', 'release-check-minor.md')), 'the changeset is consumed').toBe(false);
    // The lockfile follows the new versions, so `npm ci` keeps working after a release commit.
    const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    for (const dir of packageDirs)
      expect(lock.packages[dir]?.version).toBe(after.get(readManifest(join(repo, dir)).name)!.version);
  }, 180_000);

  it('release builds and publishes every package to Verdaccio at its new version', async () => {
    expect(after.size, 'version-packages ran').toBe(packageDirs.length);
    await runCommand(npm, ['run', 'release'], { cwd: repo, env: registryEnv() });

    for (const manifest of after.values()) {
      const { stdout } = await runCommand(npm, ['view', `${manifest.name}@${manifest.version}`, '--json'], {
        cwd: sandbox!.dir,
        env: registryEnv(),
      });
      const published = JSON.parse(stdout) as { version: string; dependencies?: Record<string, string> };
      expect(published.version).toBe(manifest.version);
      expect(published.dependencies ?? {}).toEqual(manifest.dependencies ?? {});
    }
    const { stdout: tags } = await runCommand('git', ['tag', '--list'], { cwd: repo, env: childEnv() });
    for (const manifest of after.values()) expect(tags.split('\n')).toContain(`${manifest.name}@${manifest.version}`);
  }, 420_000);

  it('examples/downstream installs the published versions from Verdaccio', async () => {
    const versions = new Map([...after.values()].map((manifest) => [manifest.name, manifest.version]));
    prepareDownstream(join(repoRoot, 'examples', 'downstream'), downstream, versions, sandbox!.registry.url);
    await runCommand(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: downstream,
      env: childEnv(),
    });

    for (const [name, version] of versions) {
      const installed = readManifest(join(downstream, 'node_modules', ...name.split('/')));
      expect(installed.version, name).toBe(version);
    }
  }, 240_000);

  it.each(downstreamBuilds)(
    'examples/downstream compiles with tsc --strict under $setting',
    async ({ tsconfig }) => {
      const tsc = join(downstream, 'node_modules', 'typescript', 'bin', 'tsc');
      await runCommand(process.execPath, [tsc, '-p', tsconfig, '--strict'], { cwd: downstream, env: childEnv() });
    },
    120_000,
  );

  it.each(downstreamBuilds)(
    'the $setting build syncs a lead on the mock: CREATED, then UPDATED',
    async ({ entry, module }) => {
      const { stdout } = await runCommand(process.execPath, [entry], { cwd: downstream, env: childEnv() });
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
        module: string;
        leadId: number;
        statuses: string[];
      };
      expect(result.module).toBe(module);
      expect(result.statuses).toEqual(['CREATED', 'UPDATED']);
      expect(result.leadId).toBeGreaterThan(0);
    },
    60_000,
  );
});

describe('release sandbox', () => {
  it('stops Verdaccio and removes its temporary files when a step fails', async () => {
    let registryUrl = '';
    let folder = '';
    const failingStep = withReleaseSandbox(launcher, async (sandbox) => {
      registryUrl = sandbox.registry.url;
      folder = sandbox.dir;
      expect(existsSync(join(sandbox.dir, 'verdaccio', 'config.yaml'))).toBe(true);
      // A real step that fails: the registry serves the @org scope only, nothing is proxied.
      await runCommand(npm, ['view', 'left-pad', '--registry', sandbox.registry.url], {
        cwd: sandbox.dir,
        env: childEnv(),
      });
    });
    await expect(failingStep).rejects.toThrow(/npm view left-pad/);
    expect(registryUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await expect(fetch(registryUrl)).rejects.toThrow();
    expect(existsSync(folder)).toBe(false);
  }, 60_000);
});
