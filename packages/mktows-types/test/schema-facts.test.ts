// The schema facts hand-written code needs are generated values (MKTOWS_NAMESPACE, the *_VALUES lists,
// FIELD_NAMES, XSD_NUMBER_TYPES), equal to what the WSDL says, and the hand-written sources do not copy them:
// a WSDL change needs a regeneration, not a hunt for copies.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from '../src/index.js';
import {
  FIELD_NAMES,
  MKTOWS_NAMESPACE,
  XSD_NUMBER_TYPES,
  schemaMetadata,
  wsdlDocument,
  type LeadRecord,
} from '../src/index.js';
import { repoRoot } from '@org/test-support';

/** Hand-written source folders checked for copies. packages/mktows-mock/src and packages/sync-lead/src still hold
 * copies (see issue 13) and join this list once those import the generated facts instead. */
const HAND_WRITTEN_SOURCES = ['packages/mktows-types/src'];

/** Every .ts file under the folders, except generated code. */
function handWrittenFiles(): { name: string; text: string }[] {
  return HAND_WRITTEN_SOURCES.flatMap((folder) =>
    (readdirSync(path.join(repoRoot, folder), { recursive: true }) as string[])
      .filter((name) => name.endsWith('.ts') && !name.split(path.sep).includes('generated'))
      .map((name) => ({ name: `${folder}/${name}`, text: readFileSync(path.join(repoRoot, folder, name), 'utf8') })),
  );
}

/**
 * A pattern for two values of `list` written one after the other as string literals, in a list (`,`) or a union
 * (`|`): the start of a copy. (Backticks are left out: documentation names values in backticks.)
 */
function copiedList(list: readonly string[]): RegExp {
  const value = `['"](?:${list.map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})['"]`;
  return new RegExp(`${value}\\s*[,|]\\s*${value}`);
}

describe('generated schema facts', () => {
  it('MKTOWS_NAMESPACE is the target namespace of the WSDL', () => {
    expect(MKTOWS_NAMESPACE).toBe(/<wsdl:definitions[^>]*\stargetNamespace="([^"]+)"/.exec(wsdlDocument)?.[1]);
    expect(schemaMetadata.targetNamespace).toBe(MKTOWS_NAMESPACE);
    expectTypeOf<typeof MKTOWS_NAMESPACE>().toEqualTypeOf<'http://www.marketo.com/mktows/'>();
  });

  it('FIELD_NAMES lists the elements of every complex type in wire order, exactly its properties', () => {
    expect(FIELD_NAMES.LeadRecord).toEqual([
      'Id',
      'Email',
      'ForeignSysPersonId',
      'ForeignSysType',
      'leadAttributeList',
    ]);
    expectTypeOf<(typeof FIELD_NAMES.LeadRecord)[number]>().toEqualTypeOf<keyof LeadRecord>();
    for (const [name, type] of Object.entries(schemaMetadata.complexTypes)) {
      expect(FIELD_NAMES[name as keyof typeof FIELD_NAMES], name).toEqual(type.fields.map((field) => field.name));
    }
    expect(Object.keys(FIELD_NAMES)).toEqual(Object.keys(schemaMetadata.complexTypes));
  });

  it('XSD_NUMBER_TYPES holds the built-ins typed number, including every one the schema uses', () => {
    const used = Object.values(schemaMetadata.complexTypes).flatMap((type) =>
      type.fields.filter((field) => field.kind === 'builtin').map((field) => field.type),
    );
    expect(used).toContain('int');
    expect(XSD_NUMBER_TYPES).toEqual(expect.arrayContaining(['int', 'integer', 'long', 'double', 'unsignedLong']));
    expect(XSD_NUMBER_TYPES).not.toContain('string');
    expectTypeOf<LeadRecord['Id']>().toEqualTypeOf<number | null | undefined>();
  });
});

describe('hand-written sources', () => {
  const files = handWrittenFiles();
  const enumLists = Object.entries(api)
    .filter(([name, value]) => name.endsWith('_VALUES') && Array.isArray(value) && value.length > 1)
    .map(([name, value]) => ({ name, values: value as readonly string[] }));

  it('are found, and the enumerations are there to look for', () => {
    expect(files.map((file) => file.name)).toContain('packages/mktows-types/src/client-wsdl.ts');
    expect(enumLists.map((list) => list.name)).toContain('FOREIGN_SYS_TYPE_VALUES');
  });

  it('do not write the namespace URI, an enumeration, the LeadRecord fields or the number types out again', () => {
    const copies = files.flatMap(({ name, text }) => [
      ...(text.includes(MKTOWS_NAMESPACE) ? [`${name}: the namespace URI (import MKTOWS_NAMESPACE)`] : []),
      ...enumLists
        .filter((list) => copiedList(list.values).test(text))
        .map((list) => `${name}: values of ${list.name}`),
      ...(copiedList(FIELD_NAMES.LeadRecord).test(text)
        ? [`${name}: LeadRecord fields (use FIELD_NAMES.LeadRecord)`]
        : []),
      ...(copiedList(XSD_NUMBER_TYPES.filter((type) => /[A-Z]/.test(type))).test(text)
        ? [`${name}: XML Schema number types (use XSD_NUMBER_TYPES)`]
        : []),
    ]);
    expect(copies).toEqual([]);
  });

  it('would notice such a copy (the patterns match the copies they look for)', () => {
    expect(copiedList(FIELD_NAMES.LeadRecord).test(`['Email', 'ForeignSysPersonId']`)).toBe(true);
    expect(
      copiedList(XSD_NUMBER_TYPES.filter((type) => /[A-Z]/.test(type))).test(`'nonNegativeInteger',\n  'unsignedByte'`),
    ).toBe(true);
    expect(copiedList(api.FOREIGN_SYS_TYPE_VALUES).test(`Object.freeze(['CUSTOM', 'SFDC', 'NETSUITE'])`)).toBe(true);
    expect(copiedList(api.FOREIGN_SYS_TYPE_VALUES).test(`type ForeignSysType = 'CUSTOM' | 'SFDC' | 'NETSUITE';`)).toBe(
      true,
    );
    expect(copiedList(api.FOREIGN_SYS_TYPE_VALUES).test(`store.findByForeignId('SFDC', keyValue)`)).toBe(false);
    expect(copiedList(api.FOREIGN_SYS_TYPE_VALUES).test('/** One of `CUSTOM`, `SFDC` or `NETSUITE`. */')).toBe(false);
  });
});
