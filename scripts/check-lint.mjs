#!/usr/bin/env node
// Checks eslint.config.js itself, after `eslint .` (part of `npm run lint`):
//   1. every source file git knows of (.ts/.mts/.cts/.js/.mjs/.cjs, new untracked ones included) is linted, except
//      generated code (packages/*/src/generated/**), which must stay ignored;
//   2. each gets import-x/no-extraneous-dependencies as an error, with devDependencies refused in shipped code
//      (packages/*/src, tools/*/src except the test workspaces, bins);
//   3. each file (tests included) gets max-lines 300 counting every line;
//   4. the rules fail on planted code: an undeclared package, a devDependency in a bin, a 301-line script.
// So "eslint covers every file" and "no hand-written file over 300 lines" cannot silently stop being checked.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const GENERATED = /^packages\/[^/]+\/src\/generated\//;
const SHIPPED = /^(packages\/[^/]+\/(src|bin)|tools\/(?!test-support\/|repo-tests\/)[^/]+\/(src|bin))\//;

const eslint = new ESLint({ cwd: repoRoot });
const problems = [];

/** @param {unknown} setting @returns {[number, Record<string, unknown>]} */
function ruleSetting(setting) {
  const [level, options = {}] = Array.isArray(setting) ? setting : [setting];
  const severity = { off: 0, warn: 1, error: 2 }[level] ?? level;
  return [severity, options];
}

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
  .split('\n')
  .filter((file) => SOURCE.test(file));
for (const file of files) {
  const ignored = await eslint.isPathIgnored(path.join(repoRoot, file));
  if (GENERATED.test(file)) {
    if (!ignored) problems.push(`${file}: generated code is linted`);
    continue;
  }
  if (ignored) {
    problems.push(`${file}: not linted`);
    continue;
  }
  const { rules = {} } = await eslint.calculateConfigForFile(path.join(repoRoot, file));
  const [depsLevel, deps] = ruleSetting(rules['import-x/no-extraneous-dependencies']);
  if (depsLevel !== 2) problems.push(`${file}: import-x/no-extraneous-dependencies is not an error`);
  else if (SHIPPED.test(file) && deps.devDependencies !== false) problems.push(`${file}: shipped code may import devDependencies`);
  const [linesLevel, lines] = ruleSetting(rules['max-lines']);
  const limited = linesLevel === 2 && lines.max === 300 && lines.skipBlankLines === false && lines.skipComments === false;
  if (!limited) problems.push(`${file}: max-lines 300 (every line counted) is not set`);
}

/** Lints `code` as if it were at `file`; returns the messages of `ruleId`. */
async function planted(file, code, ruleId) {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === ruleId).map((message) => message.message);
}
const dependencyRule = 'import-x/no-extraneous-dependencies';
const expectations = [
  // yaml is installed (the generator's dependency) but @org/sync-lead does not declare it.
  ['packages/sync-lead/bench/planted.mjs', "import yaml from 'yaml';\nexport { yaml };\n", dependencyRule, /'yaml' should be listed/],
  // soap is a devDependency of @org/sync-lead: allowed in bench/, refused in a bin.
  ['packages/sync-lead/bin/planted.mjs', "import soap from 'soap';\nexport { soap };\n", dependencyRule, /'soap' should be listed .* not devDependencies/],
  ['scripts/planted.mjs', Array.from({ length: 301 }, (_, index) => `// line ${index + 1}`).join('\n'), 'max-lines', /301/],
  ['packages/sync-lead/test/support/planted.mjs', Array.from({ length: 301 }, (_, index) => `// line ${index + 1}`).join('\n'), 'max-lines', /301/],
];
for (const [file, code, ruleId, expected] of expectations) {
  const messages = await planted(file, code, ruleId);
  if (!messages.some((message) => expected.test(message))) problems.push(`${file} (planted): ${ruleId} did not fail (${messages.join('; ') || 'no message'})`);
}
if ((await planted('packages/sync-lead/bench/planted.mjs', "import soap from 'soap';\nexport { soap };\n", dependencyRule)).length > 0) {
  problems.push('packages/sync-lead/bench/planted.mjs (planted): a devDependency is refused in bench/');
}

if (problems.length > 0) {
  console.error(`check-lint: ${problems.length} problem(s) with eslint.config.js:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-lint: ${files.length} source files: generated code ignored, every other file linted with the dependency and size rules, which fail on planted code`);
