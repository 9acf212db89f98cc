// The catalogue of WSDL changes: each one made through the DOM on wsdl/mktows.wsdl, diffed against the
// untouched file, and asserted as exactly the change list (kind, path, bump) and overall bump the policy
// in src/diff/policy.ts (and the README) promises.
import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS, diffWsdl } from '../src/diff/index.js';
import { editProjectWsdl, projectWsdlText } from './diff-wsdl-edits.js';
import { catalogue, diffAfter } from './support/diff-catalogue.js';
import { moreKinds } from './support/diff-more-kinds.js';

describe('mktows-codegen diff: catalogue of WSDL changes', () => {
  it('covers at least 12 kinds of change', () => {
    const kinds = new Set(catalogue.flatMap((entry) => entry.expected.changes.map(([kind]) => kind)));
    expect(kinds.size).toBeGreaterThanOrEqual(12);
  });

  it.each(catalogue)('$name', ({ edit, base, expected }) => {
    const diff = diffAfter(edit, base);
    expect(diff.changes.map((change) => [change.kind, change.path, change.bump])).toEqual(expected.changes);
    expect(diff.bump).toBe(expected.bump);
    for (const change of diff.changes) expect(change.detail).toMatch(/\S/);
  });

  it.each(moreKinds)('other kinds: $name', ({ edit, base, expected }) => {
    const diff = diffAfter(edit, base);
    expect(diff.changes.map((change) => [change.kind, change.path, change.bump])).toEqual(expected.changes);
    expect(diff.bump).toBe(expected.bump);
  });

  it('exercises every kind of the policy', () => {
    const exercised = new Set(
      [...catalogue, ...moreKinds].flatMap((entry) => entry.expected.changes.map(([kind]) => kind)),
    );
    expect(CHANGE_KINDS.filter((kind) => !exercised.has(kind))).toEqual([]);
  });

  it('names the old and new values and the direction of use in the details', () => {
    const diff = diffAfter((wsdl) => wsdl.property('ParamsSyncLead', 'marketoCookie').setAttribute('minOccurs', '1'));
    expect(diff.changes.map((change) => change.detail)).toEqual(['minOccurs 0 -> 1 (in requests)']);
    const enumDiff = diffAfter((wsdl) =>
      wsdl.duplicate(wsdl.enumValue('ForeignSysType', 'NETSUITE')).setAttribute('value', 'HUBSPOT'),
    );
    expect(enumDiff.changes.map((change) => change.detail)).toEqual([
      'value "HUBSPOT" added (in requests and responses)',
    ]);
    const retyped = diffAfter((wsdl) => wsdl.property('ResultSyncLead', 'leadId').setAttribute('type', 'xsd:string'));
    expect(retyped.changes.map((change) => change.detail)).toEqual(['type xs:int -> xs:string (in responses)']);
  });

  it('counts a type no operation uses as both request and response', () => {
    const diff = diffAfter((wsdl) =>
      wsdl.duplicate(wsdl.enumValue('MObjectTypeEnum', 'Opportunity')).setAttribute('value', 'Lead'),
    );
    expect(diff.changes).toEqual([
      {
        kind: 'enum-value-added',
        path: 'types.MObjectTypeEnum["Lead"]',
        detail: 'value "Lead" added (used by no operation, so counted as request and response)',
        bump: 'major',
      },
    ]);
  });

  it('is symmetric where the policy is: adding an operation is minor, removing it back is major', () => {
    const added = editProjectWsdl((wsdl) => {
      wsdl.duplicate(wsdl.operation('getLead', 'portType')).setAttribute('name', 'getLeadAgain');
      wsdl.duplicate(wsdl.operation('getLead', 'binding')).setAttribute('name', 'getLeadAgain');
    });
    expect(diffWsdl({ text: projectWsdlText, source: 'a' }, { text: added, source: 'b' }).bump).toBe('minor');
    expect(diffWsdl({ text: added, source: 'b' }, { text: projectWsdlText, source: 'a' }).bump).toBe('major');
  });
});
