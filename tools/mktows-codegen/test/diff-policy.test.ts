// The semver policy: written once (src/diff/policy.ts), shown in the README exactly as the code applies
// it, and combined per direction of use the way the README says.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bumpFor, CHANGE_KINDS, maxBump, POLICY, renderPolicyTable, type ChangeKind } from '../src/diff/index.js';
import { repoRoot } from './diff-wsdl-edits.js';

describe('diff policy', () => {
  it('is the table in the generator README, rule for rule', () => {
    const readme = readFileSync(path.join(repoRoot, 'tools/mktows-codegen/README.md'), 'utf8');
    const table = /<!-- policy-table:start -->\n([\s\S]*?)\n<!-- policy-table:end -->/.exec(readme)?.[1];
    expect(table, 'README section between the policy-table markers').toBe(renderPolicyTable());
  });

  it('has a reason for every rule, and covers what issue 7 lists', () => {
    for (const kind of CHANGE_KINDS) expect(POLICY[kind].reason.length, kind).toBeGreaterThan(10);
    const major: ChangeKind[] = [
      'operation-removed',
      'type-removed',
      'property-removed',
      'enum-value-removed',
      'property-type-changed',
    ];
    for (const kind of major) expect(bumpFor(kind, ['request', 'response']), kind).toBe('major');
    expect(bumpFor('property-made-required', ['request'])).toBe('major');
    expect(bumpFor('property-made-optional', ['response'])).toBe('major');
    expect(bumpFor('property-made-repeated', ['response'])).toBe('major');
    expect(bumpFor('property-made-single', ['response'])).toBe('major');
    expect(bumpFor('operation-added', [])).toBe('minor');
    expect(bumpFor('property-added-optional', ['request'])).toBe('minor');
    expect(bumpFor('property-added-required', ['response'])).toBe('minor');
    expect(bumpFor('enum-value-added', ['request'])).toBe('minor');
    expect(bumpFor('documentation-changed', [])).toBe('patch');
    expect(bumpFor('endpoint-address-changed', [])).toBe('none');
  });

  it('takes the strongest rule over the directions in use, and both when none uses the component', () => {
    expect(bumpFor('enum-value-added', ['request'])).toBe('minor');
    expect(bumpFor('enum-value-added', ['response'])).toBe('major');
    expect(bumpFor('enum-value-added', ['request', 'response'])).toBe('major');
    expect(bumpFor('enum-value-added', [])).toBe('major');
    expect(maxBump([])).toBe('none');
    expect(maxBump(['patch', 'none', 'minor', 'patch'])).toBe('minor');
  });
});
