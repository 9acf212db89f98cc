// The package's exports agree with openapi/marketo-rest.yaml at run time (enumeration lists, operation
// table) and at compile time (the shapes the REST transport of @org/sync-lead relies on).
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  GRANT_TYPE_VALUES,
  REST_OPERATIONS,
  SYNC_ACTION_VALUES,
  TOKEN_TYPE_VALUES,
  type operations,
  type ResponseOfIdentity,
  type ResponseOfLead,
  type SyncAction,
  type SyncLeadRequest,
} from '../src/index.js';
import { readProjectSpec } from './support/specs.js';

type Json = Record<string, Record<string, Record<string, unknown>>>;
const spec = readProjectSpec() as unknown as { paths: Json; components: { schemas: Json } };

describe('@org/marketo-rest-types', () => {
  it('lists every enumeration of the YAML at run time, in its order', () => {
    expect(SYNC_ACTION_VALUES).toEqual(spec.components.schemas.SyncAction!.enum);
    expect(GRANT_TYPE_VALUES).toEqual(['client_credentials']);
    expect(TOKEN_TYPE_VALUES).toEqual(['bearer']);
  });

  it('tables every operation of the YAML with its method and path', () => {
    const fromSpec = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => [operation.operationId, { method, path }] as const),
    );
    expect(REST_OPERATIONS).toEqual(Object.fromEntries(fromSpec));
  });

  it('types the wire shapes the REST transport uses', () => {
    expectTypeOf<SyncLeadRequest['action']>().toEqualTypeOf<SyncAction | undefined>();
    expectTypeOf<SyncLeadRequest['input'][number]['id']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<SyncLeadRequest['input'][number]['firstName']>().toEqualTypeOf<unknown>();
    expectTypeOf<NonNullable<ResponseOfLead['result']>[number]['reasons']>().toEqualTypeOf<
      { code: string; message: string }[] | undefined
    >();
    expectTypeOf<ResponseOfIdentity['expires_in']>().toEqualTypeOf<number>();
    expectTypeOf<operations['identityUsingGET']['parameters']['query']['grant_type']>().toEqualTypeOf<'client_credentials'>();
    expectTypeOf<
      operations['syncLeadUsingPOST']['responses'][200]['content']['application/json']
    >().toEqualTypeOf<ResponseOfLead>();
  });
});
