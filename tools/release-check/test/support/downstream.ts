// Prepares examples/downstream as a separate project that installs the published
// packages from the test registry by exact version.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** How each module setting of the downstream project is compiled and run. */
export const downstreamBuilds = [
  { setting: 'NodeNext ESM', tsconfig: 'tsconfig.nodenext.json', entry: 'dist/nodenext/main.js', module: 'esm' },
  { setting: 'NodeNext CJS (.cts)', tsconfig: 'tsconfig.cjs.json', entry: 'dist/cjs/main.cjs', module: 'cjs' },
  { setting: 'bundler', tsconfig: 'tsconfig.bundler.json', entry: 'dist/bundler/main.js', module: 'esm' },
] as const;

/**
 * Copies the example (without any local node_modules or dist) to `target`, pins its
 * `@org/*` dependencies to `versions`, and points the `@org` scope, only that scope,
 * at `registryUrl` with a project .npmrc. Other dependencies come from the machine's
 * normal registry configuration.
 */
export function prepareDownstream(
  exampleDir: string,
  target: string,
  versions: ReadonlyMap<string, string>,
  registryUrl: string,
): void {
  cpSync(exampleDir, target, {
    recursive: true,
    filter: (path) =>
      !relative(exampleDir, path)
        .split(sep)
        .some((part) => part === 'node_modules' || part === 'dist'),
  });
  const manifestPath = join(target, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { dependencies: Record<string, string> };
  for (const name of Object.keys(manifest.dependencies)) {
    const version = versions.get(name);
    if (name.startsWith('@org/')) {
      if (!version) throw new Error(`examples/downstream depends on ${name}, which the release did not publish`);
      manifest.dependencies[name] = version;
    }
  }
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(target, '.npmrc'), `@org:registry=${registryUrl}\n`);
}
