// Flat config for every hand-written source file of the repository: TypeScript, .js, .mjs and .cjs alike.
// - Generated code is excluded: the generator's output is checked by `mktows-codegen check`.
// - TypeScript files a tsconfig covers (packages/*/{src,test}, tools/*/{src,test}) get typescript-eslint's
//   type-checked rules; the .js/.mjs/.cjs files (bins, scripts, bench, tools/*/scripts, test support .mjs,
//   this file) and the .ts files no tsconfig covers (vitest.config.ts) get the same rules without type
//   information (tseslint's disableTypeChecked), with Node's globals.
// - examples/downstream/ is linted too: it is a consumer project with its own package.json and is installed and
//   compiled only inside the release test (tools/release-check), so this is the only lint it gets. Its files are
//   type-checked through its own tsconfigs (the @org/* imports resolve to the workspaces' built declarations), and
//   its imports are checked against its own package.json, not the root's.
// - `import-x/no-extraneous-dependencies`: an import (static, dynamic, require, type-only) of a package that the
//   nearest package.json does not declare fails. Shipped code (packages/*/src, tools/*/src, bins) may use
//   dependencies and peerDependencies only; tests, bench, scripts, tools' scripts and the test-support workspaces
//   may also use devDependencies. Each workspace declares what it imports; the one exception is `vitest`, the
//   shared test runner, declared once at the root (with the root's vitest.config.ts).
// - `max-lines` (300, blank lines and comments counted) on every hand-written file, tests included.
// scripts/check-lint.mjs (run by `npm run lint`) checks that this config reaches every source file and that the
// dependency and size rules fail where they should.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const repoRoot = import.meta.dirname;

/** Shipped code: what a published package (or the private generator's bin) runs. */
const shippedFiles = ['packages/*/src/**', 'tools/*/src/**', 'packages/*/bin/**', 'tools/*/bin/**'];
/** Private workspaces whose src/ is test code: shared test support and the repository-level tests. */
const testWorkspaces = ['tools/test-support/**', 'tools/repo-tests/**'];

/** Every file that is neither TypeScript under a tsconfig nor in examples/. */
const untypedFiles = ['**/*.js', '**/*.mjs', '**/*.cjs', 'vitest.config.ts'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/src/generated/**', '.nx/**', 'coverage/**', 'docs/**'],
  },
  {
    plugins: { 'import-x': importX },
    languageOptions: {
      globals: { ...globals.node },
    },
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: repoRoot,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-extraneous-dependencies': [
        'error',
        { devDependencies: true, includeInternal: true, includeTypes: true, whitelist: ['vitest'] },
      ],
    },
  },
  {
    files: shippedFiles,
    ignores: testWorkspaces,
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        { devDependencies: false, includeInternal: true, includeTypes: true },
      ],
    },
  },
  {
    // Every hand-written file: src (tools/test-support's too), tests, bins, scripts, bench, examples.
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ['**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: untypedFiles,
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['examples/downstream/**'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ['examples/downstream/tsconfig.nodenext.json', 'examples/downstream/tsconfig.cjs.json'],
        tsconfigRootDir: repoRoot,
      },
    },
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        { devDependencies: true, includeInternal: true, includeTypes: true },
      ],
    },
  },
);
