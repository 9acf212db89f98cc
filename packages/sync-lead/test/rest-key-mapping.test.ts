// How syncLead inputs become REST Sync Leads requests: SOAP's key precedence (Id, foreign id, cookie,
// Email) as lookupField and action, attributes as JSON fields, batches split by key kind and at 300
// records, and every case REST cannot express refused before any request, naming the field.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/errors.js';
import {
  restFieldNamesFromDescribe,
  restKeyOf,
  toRestLead,
  toRestSyncPlan,
  type RestMappingOptions,
} from '../src/rest/rest-sync-request.js';
import { validateSyncLeadInput, type SyncLeadInput } from '../src/sync-lead-input.js';

const valid = (input: SyncLeadInput) => validateSyncLeadInput(input);
const keyOf = (input: SyncLeadInput, options?: RestMappingOptions) => restKeyOf(valid(input), options);

describe('key precedence', () => {
  it.each<[string, SyncLeadInput, { lookupField: string; action: string }]>([
    ['id alone', { id: 42 }, { lookupField: 'id', action: 'updateOnly' }],
    ['id over email and foreign id', { id: 42, email: 'a@example.com', foreignSysPersonId: 'X1', foreignSysType: 'SFDC' }, { lookupField: 'id', action: 'updateOnly' }],
    ['SFDC foreign id over email', { email: 'a@example.com', foreignSysPersonId: '00Q1', foreignSysType: 'SFDC' }, { lookupField: 'sfdcLeadId', action: 'createOrUpdate' }],
    ['email alone', { email: 'a@example.com' }, { lookupField: 'email', action: 'createOrUpdate' }],
  ])('%s', (_what, input, key) => {
    expect(keyOf(input)).toMatchObject(key);
  });

  it('a foreign system type uses the REST field configured for it', () => {
    const options = { foreignIdFields: { CUSTOM: 'externalPersonId', NETSUITE: 'netsuiteId' } };
    expect(keyOf({ foreignSysPersonId: 'P-1', foreignSysType: 'CUSTOM' }, options)).toMatchObject({ lookupField: 'externalPersonId' });
    expect(keyOf({ foreignSysPersonId: 'N-1', foreignSysType: 'NETSUITE' }, options)).toMatchObject({ lookupField: 'netsuiteId' });
  });

  it.each<[string, SyncLeadInput, string, RegExp]>([
    ['a Munchkin cookie', { email: 'a@example.com', marketoCookie: 'id:123-ABC-456&token:_mch-x' }, 'marketoCookie', /has no REST equivalent/],
    ['a CUSTOM foreign id without a configured field', { foreignSysPersonId: 'P-1', foreignSysType: 'CUSTOM' }, 'foreignSysType', /CUSTOM has no REST field configured/],
    ['a NETSUITE foreign id next to an id', { id: 3, foreignSysPersonId: 'N-1', foreignSysType: 'NETSUITE' }, 'foreignSysType', /NETSUITE has no REST field/],
  ])('%s is refused before any request, naming the field', (_what, input, field, rule) => {
    const error = (() => {
      try {
        keyOf(input);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toMatch(rule);
  });
});

describe('records', () => {
  it('sends keys after attributes, so an attribute cannot replace the key the record is matched by', () => {
    const input = valid({ email: 'key@example.com', attributes: { email: 'other@example.com', FirstName: 'Ann' } });
    expect(toRestLead(input, restKeyOf(input))).toEqual({ FirstName: 'Ann', email: 'key@example.com' });
  });

  it('renames attributes by their REST names from Describe Leads, and keeps `__proto__` as a field', () => {
    const names = restFieldNamesFromDescribe([
      { id: 1, displayName: 'First Name', dataType: 'string', rest: { name: 'firstName' }, soap: { name: 'FirstName' } },
      { id: 2, displayName: 'Score', dataType: 'integer', rest: { name: 'leadScore' }, soap: { name: 'LeadScore' } },
      { id: 3, displayName: 'REST only', dataType: 'string', rest: { name: 'restOnly' } },
    ]);
    expect([...names]).toEqual([
      ['FirstName', 'firstName'],
      ['LeadScore', 'leadScore'],
    ]);
    const input = valid({ email: 'a@example.com', attributes: { FirstName: 'Ann', LeadScore: 3, Custom: 'x', ['__proto__']: 'p' } });
    const record = toRestLead(input, restKeyOf(input), { fieldName: (name) => names.get(name) ?? name });
    expect(Object.keys(record)).toEqual(['firstName', 'leadScore', 'Custom', '__proto__', 'email']);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(record))).toMatchObject({ __proto__: 'p' });
  });
});

describe('batches', () => {
  it('one request per run of the same key kind, in input order, each remembering which inputs it carries', () => {
    const inputs = [
      { email: 'a@example.com' },
      { email: 'b@example.com' },
      { id: 9 },
      { id: 10, attributes: { Title: null } },
      { foreignSysPersonId: '00Q1', foreignSysType: 'SFDC' as const },
      { email: 'c@example.com' },
    ].map(valid);
    const { groups } = toRestSyncPlan(inputs);
    expect(groups.map((group) => [group.request.action, group.request.lookupField, group.inputIndexes])).toEqual([
      ['createOrUpdate', 'email', [0, 1]],
      ['updateOnly', 'id', [2, 3]],
      ['createOrUpdate', 'sfdcLeadId', [4]],
      ['createOrUpdate', 'email', [5]],
    ]);
    expect(groups[1]!.request.input).toEqual([{ id: 9 }, { Title: null, id: 10 }]);
  });

  it("as syncMultipleLeads: dedup false creates email-keyed leads, an Id-keyed record carries no email, partitionName on each", () => {
    const inputs = [{ email: 'a@example.com' }, { id: 9, email: 'new@example.com' }].map(valid);
    const { groups } = toRestSyncPlan(inputs, { dedup: false, keepEmailOfIdMatch: true, partitionName: 'EMEA Leads' });
    expect(groups.map((group) => group.request)).toEqual([
      { action: 'createDuplicate', lookupField: 'email', partitionName: 'EMEA Leads', input: [{ email: 'a@example.com' }] },
      { action: 'updateOnly', lookupField: 'id', partitionName: 'EMEA Leads', input: [{ id: 9 }] },
    ]);
  });

  it('splits a kind at 300 records (301 leads: 300 + 1)', () => {
    const inputs = Array.from({ length: 301 }, (_, index) => valid({ email: `lead${index}@example.com` }));
    const { groups } = toRestSyncPlan(inputs);
    expect(groups.map((group) => group.request.input.length)).toEqual([300, 1]);
    expect(groups[1]!.inputIndexes).toEqual([300]);
  });

  it('leaves out the inputs REST cannot express, each with its ValidationError, and sends the others', () => {
    const plan = toRestSyncPlan([
      valid({ email: 'a@example.com' }),
      valid({ email: 'b@example.com', marketoCookie: 'c' }),
      valid({ email: 'c@example.com' }),
    ]);
    expect(plan.groups.map((group) => group.inputIndexes)).toEqual([[0, 2]]);
    expect(plan.refused).toEqual([{ index: 1, error: expect.any(ValidationError) }]);
    expect(plan.refused[0]!.error).toMatchObject({ field: 'marketoCookie' });
  });
});
