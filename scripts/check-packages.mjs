#!/usr/bin/env node
// Checks the published shape of every public package, after `npm run build`:
//   0. the manifest carries the fields issue 5 requires (see checkManifest);
//   1. publint --strict: the manifest (exports, files, types per condition, ...) is valid;
//   2. attw --pack: TypeScript resolves correct types for every entry point under
//      node10, node16 (CJS and ESM) and bundler resolution, from the packed tarball;
//   3. import and require of each entry point load in a fresh node process without
//      printing anything and without leaving timers, sockets or servers behind
//      ("no work at import time").
// Exits 1 naming the package and check when any of them fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The packages that are published (and so checked), by folder. */
const publishedPackageDirs = ['mktows-types', 'marketo-rest-types', 'mktows-auth', 'sync-lead', 'mktows-mock'].map((name) =>
  join(repoRoot, 'packages', name),
);

/**
 * Subpath exports that are data files, not modules: attw only understands modules
 * (it reports a data file as untyped), so they are left to publint, which checks that
 * the file exists in the packed tarball.
 */
const nonModuleSubpath = /\.(wsdl|xml|json)$/;

/** The installed command-line tool, run with this node (the root devDependencies install them). */
function binOf(bin) {
  return join(repoRoot, 'node_modules', '.bin', bin);
}

function run(label, command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  return { label, ok: result.status === 0, output: result.error ? String(result.error) : output };
}

/** A module that loads the entry point and reports what it printed and left running. */
function loadProbe(specifier, kind) {
  const load =
    kind === 'import'
      ? `await import(${JSON.stringify(specifier)})`
      : `createRequire(process.cwd() + '/')(${JSON.stringify(specifier)})`;
  // stdout is captured before taking the baseline: touching it opens its pipe handle.
  return `
    import { createRequire } from 'node:module';
    const written = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk) => (written.push(String(chunk)), true);
    const baseline = new Set(process.getActiveResourcesInfo());
    const loaded = ${load};
    await new Promise((resolve) => setImmediate(resolve));
    process.stdout.write = write;
    const left = process.getActiveResourcesInfo().filter((r) => !baseline.has(r) && r !== 'Immediate');
    const exportsCount = Object.keys(loaded).length;
    console.log(JSON.stringify({ written, left, exportsCount }));
    process.exit(0); // a leftover timer must be reported, not hang the check
  `;
}

function checkLoad(name, subpath, kind) {
  const specifier = subpath === '.' ? name : `${name}/${subpath.slice(2)}`;
  const label = `${kind} ${specifier}`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', loadProbe(specifier, kind)], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) return { label, ok: false, output: result.stderr.trim() };
  const report = JSON.parse(result.stdout.trim().split('\n').at(-1));
  const problems = [];
  if (report.written.length > 0) problems.push(`printed at import time: ${JSON.stringify(report.written.join(''))}`);
  if (report.left.length > 0) problems.push(`left running after import: ${report.left.join(', ')}`);
  if (report.exportsCount === 0) problems.push('exports nothing');
  return { label, ok: problems.length === 0, output: problems.join('; ') };
}

/**
 * The shape rules of issue 5 that publint does not enforce: conditions with their own
 * types, the fields a published package must carry, and internal dependencies as
 * plain semver ranges (never peers: changesets turns a peer bump into a major).
 */
function checkManifest(manifest, dir) {
  const problems = [];
  const root = manifest.exports?.['.'];
  for (const condition of ['import', 'require']) {
    if (typeof root?.[condition]?.types !== 'string') problems.push(`exports["."].${condition} needs its own "types"`);
  }
  if (manifest.exports?.['./package.json'] !== './package.json') problems.push('exports needs "./package.json"');
  if (manifest.sideEffects !== false) problems.push('sideEffects must be false');
  if (manifest.engines?.node !== '>=20.19') problems.push('engines.node must be ">=20.19"');
  for (const field of ['license', 'repository', 'publishConfig', 'files']) {
    if (manifest[field] === undefined) problems.push(`"${field}" is missing`);
  }
  if (!existsSync(join(dir, 'README.md'))) problems.push('README.md is missing');
  for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
    if (name.startsWith('@org/') && !/^\^?\d+\.\d+\.\d+$/.test(range))
      problems.push(`dependency ${name}: "${range}" is not a plain semver range`);
  }
  for (const name of Object.keys(manifest.peerDependencies ?? {})) {
    if (name.startsWith('@org/')) problems.push(`peerDependency ${name}: internal packages must be dependencies`);
  }
  return { label: 'manifest shape', ok: problems.length === 0, output: problems.join('; ') };
}

function checkPackage(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const where = relative(repoRoot, dir);
  if (!existsSync(join(dir, 'dist'))) {
    return [{ label: 'build', ok: false, output: `${where}/dist is missing: run \`npm run build\` first` }];
  }
  const moduleSubpaths = Object.keys(manifest.exports ?? { '.': null }).filter(
    (subpath) => subpath !== './package.json' && !nonModuleSubpath.test(subpath),
  );
  const excluded = Object.keys(manifest.exports ?? {}).filter(
    (subpath) => nonModuleSubpath.test(subpath) && subpath !== './package.json',
  );
  const results = [
    checkManifest(manifest, dir),
    run('publint --strict', process.execPath, [binOf('publint'), 'run', '--strict', '--pack', 'npm', dir], repoRoot),
    run(
      'attw --pack',
      process.execPath,
      [
        binOf('attw'),
        '--pack',
        dir,
        '--no-definitely-typed',
        '--format',
        'table-flipped',
        '--no-emoji',
        ...(excluded.length > 0 ? ['--exclude-entrypoints', ...excluded] : []),
      ],
      repoRoot,
    ),
  ];
  for (const subpath of moduleSubpaths) {
    results.push(checkLoad(manifest.name, subpath, 'import'), checkLoad(manifest.name, subpath, 'require'));
  }
  return results;
}

let failed = 0;
for (const dir of publishedPackageDirs) {
  const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
  for (const result of checkPackage(dir)) {
    console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${name}: ${result.label}`);
    // publint prints suggestions even when it passes; show them, they cost nothing to read.
    if (!result.ok || (result.label.startsWith('publint') && /suggestion/i.test(result.output))) {
      console.log(result.output.replace(/^/gm, '     '));
    }
    if (!result.ok) failed += 1;
  }
}
if (failed > 0) {
  console.error(`check-packages: ${failed} check(s) failed`);
  process.exit(1);
}
console.log('check-packages: every package passed publint --strict, attw --pack and the load checks');
