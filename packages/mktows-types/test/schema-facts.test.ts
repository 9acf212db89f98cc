// The schema facts hand-written code needs are generated values (MKTOWS_NAMESPACE, the *_VALUES lists,
// FIELD_NAMES, XSD_NUMBER_TYPES), equal to what the WSDL says. That the hand-written sources do not copy them
// is no-schema-copies.test.ts.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  FIELD_NAMES,
  MKTOWS_NAMESPACE,
  XSD_NUMBER_TYPES,
  schemaMetadata,
  wsdlDocument,
  type LeadRecord,
} from '../src/index.js';

describe('generated schema facts', () => {
  it('MKTOWS_NAMESPACE is the target namespace of the WSDL', () => {
    expect(MKTOWS_NAMESPACE).toBe(/<wsdl:definitions[^>]*\stargetNamespace="([^"]+)"/.exec(wsdlDocument)?.[1]);
    expect(schemaMetadata.targetNamespace).toBe(MKTOWS_NAMESPACE);
    expectTypeOf<typeof MKTOWS_NAMESPACE>().not.toEqualTypeOf<string>();
  });

  it('FIELD_NAMES lists the elements of every complex type in wire order, exactly its properties', () => {
    const leadRecordType = /<xsd:complexType name="LeadRecord">([\s\S]*?)<\/xsd:complexType>/.exec(wsdlDocument)?.[1] ?? '';
    expect(FIELD_NAMES.LeadRecord).toEqual([...leadRecordType.matchAll(/<xsd:element name="(\w+)"/g)].map((m) => m[1]));
    expect(FIELD_NAMES.LeadRecord).toHaveLength(5);
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
