// Pins the generated types to the schema (checked by the package typecheck;
// the runtime assertions check the `as const` lists and export names).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  FOREIGN_SYS_TYPE_VALUES,
  LEAD_KEY_REF_VALUES,
  LEAD_SYNC_STATUS_VALUES,
  OPERATION_NAMES,
  operations,
  schemaMetadata,
  type ArrayOfAttribute,
  type Attribute,
  type AuthenticationHeader,
  type AuthenticationHeaderInfo,
  type ForeignSysType,
  type LastUpdateAtSelector,
  type LeadKey,
  type LeadKeyRef,
  type LeadKeySelector,
  type LeadRecord,
  type LeadSelector,
  type MktowsClient,
  type MktowsContextHeader,
  type MktowsContextHeaderInfo,
  type OperationHeaders,
  type ParamsGetLead,
  type ParamsGetMultipleLeads,
  type ParamsListMObjects,
  type ParamsSyncLead,
  type ParamsSyncMultipleLeads,
  type ResultSyncLead,
  type StaticListSelector,
  type SuccessGetLead,
  type SuccessSyncLead,
  type SuccessSyncMultipleLeads,
  type SyncStatus,
  type W3CDateTime,
} from '../src/index.js';
import { repoRoot } from '@org/test-support';

/** true when property K of T must be given. */
type IsRequired<T, K extends keyof T> = Record<string, never> extends Pick<T, K> ? false : true;

describe('generated types', () => {
  it('make minOccurs=1 elements required and minOccurs=0 nillable ones optional and nullable', () => {
    expectTypeOf<IsRequired<ParamsSyncLead, 'leadRecord'>>().toEqualTypeOf<true>();
    expectTypeOf<IsRequired<ParamsSyncLead, 'returnLead'>>().toEqualTypeOf<true>();
    expectTypeOf<IsRequired<ParamsSyncLead, 'marketoCookie'>>().toEqualTypeOf<false>();
    expectTypeOf<ParamsSyncLead['leadRecord']>().toEqualTypeOf<LeadRecord>();
    expectTypeOf<ParamsSyncLead['returnLead']>().toEqualTypeOf<boolean>();
    expectTypeOf<ParamsSyncLead['marketoCookie']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<IsRequired<SyncStatus, 'leadId'>>().toEqualTypeOf<true>();
    expectTypeOf<SyncStatus['error']>().toEqualTypeOf<string | null | undefined>();
  });

  it('type enumerations as string-literal unions', () => {
    expectTypeOf<LeadRecord['ForeignSysType']>().toEqualTypeOf<(typeof FOREIGN_SYS_TYPE_VALUES)[number] | null | undefined>();
    expectTypeOf<SyncStatus['status']>().toEqualTypeOf<'CREATED' | 'UPDATED' | 'FAILED'>();
    expectTypeOf<LeadKey['keyType']>().toEqualTypeOf<LeadKeyRef>();
    expectTypeOf<(typeof FOREIGN_SYS_TYPE_VALUES)[number]>().toEqualTypeOf<ForeignSysType>();
  });

  it('map xs types precisely: int -> number, boolean, dateTime -> W3C string, unbounded -> array', () => {
    expectTypeOf<LeadRecord['Id']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<W3CDateTime>().toEqualTypeOf<string>();
    expectTypeOf<ParamsGetMultipleLeads['lastUpdatedAt']>().toEqualTypeOf<W3CDateTime | undefined>();
    expectTypeOf<ArrayOfAttribute['attribute']>().toEqualTypeOf<Attribute[] | undefined>();
    expectTypeOf<ParamsSyncMultipleLeads['leadRecordList']['leadRecord']>().toEqualTypeOf<LeadRecord[] | undefined>();
  });

  it('type the abstract LeadSelector as the union of its subtypes', () => {
    expectTypeOf<LeadSelector>().toEqualTypeOf<LastUpdateAtSelector | LeadKeySelector | StaticListSelector>();
    expectTypeOf<ParamsGetMultipleLeads['leadSelector']>().toEqualTypeOf<LeadSelector | undefined>();
  });

  it('name headers from the schema, with element-name aliases, and say which operation takes which', () => {
    expectTypeOf<AuthenticationHeader>().toEqualTypeOf<AuthenticationHeaderInfo>();
    expectTypeOf<MktowsContextHeader>().toEqualTypeOf<MktowsContextHeaderInfo>();
    expectTypeOf<OperationHeaders['syncLead']>().toEqualTypeOf<'AuthenticationHeader' | 'MktowsContextHeader'>();
    expectTypeOf<OperationHeaders['getLead']>().toEqualTypeOf<'AuthenticationHeader'>();
    expect(operations.syncLead.headers.map((header) => header.element)).toEqual(['AuthenticationHeader', 'MktowsContextHeader']);
    expect(operations.getLead.headers.map((header) => header.element)).toEqual(['AuthenticationHeader']);
  });

  it('give MktowsClient one async method per operation from Params* to Success*', () => {
    expectTypeOf<MktowsClient['syncLead']>().parameter(0).toEqualTypeOf<ParamsSyncLead>();
    expectTypeOf<MktowsClient['syncLead']>().returns.toEqualTypeOf<Promise<SuccessSyncLead>>();
    expectTypeOf<MktowsClient['syncMultipleLeads']>().returns.toEqualTypeOf<Promise<SuccessSyncMultipleLeads>>();
    expectTypeOf<MktowsClient['getLead']>().parameter(0).toEqualTypeOf<ParamsGetLead>();
    expectTypeOf<MktowsClient['getLead']>().returns.toEqualTypeOf<Promise<SuccessGetLead>>();
    expectTypeOf<SuccessSyncLead['result']>().toEqualTypeOf<ResultSyncLead>();
    expectTypeOf<ParamsListMObjects>().toEqualTypeOf<Record<string, never>>();
    expect(OPERATION_NAMES).toHaveLength(23);
  });

  it('keep the runtime value lists equal to the schema enumerations', () => {
    expect(FOREIGN_SYS_TYPE_VALUES).toEqual(schemaMetadata.simpleTypes.ForeignSysType?.values);
    expect(LEAD_SYNC_STATUS_VALUES).toEqual(['CREATED', 'UPDATED', 'FAILED']);
    expect(LEAD_KEY_REF_VALUES).toEqual(schemaMetadata.simpleTypes.LeadKeyRef?.values);
  });

  it('never emit positional or prefixed names (Result14, StatusList1, Tns*)', () => {
    const source = readFileSync(path.join(repoRoot, 'packages/mktows-types/src/generated/types.ts'), 'utf8');
    const names = [...source.matchAll(/^export (?:type|interface|const) (\w+)/gm)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThan(140);
    expect(names.filter((name) => /^Tns|[A-Za-z]\d+$/.test(name))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['ParamsSyncLead', 'SuccessSyncLead', 'ResultSyncLead', 'LeadRecord', 'ArrayOfAttribute']));
  });
});
