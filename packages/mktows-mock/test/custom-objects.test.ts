// syncCustomObjects / getCustomObjects / deleteCustomObjects through the typed client on a seeded type.
import type { CustomObj, SyncOperationEnum } from '@org/mktows-types';
import { describe, expect, it } from 'vitest';

import type { MockState } from '../src/index.js';
import { faultCode } from './support/mktows-client.js';
import { useTestServer } from './support/test-server.js';

const STATE: MockState = {
  leads: [
    { id: 1, email: 'ann@example.com' },
    { id: 2, email: 'bob@example.com' },
  ],
  customObjectTypes: [{ name: 'RoadShow', keys: ['MKTOID', 'rid'], fields: ['city', 'zip', 'state'] }],
};

const mock = useTestServer({ state: STATE }, { client: true });

const attributes = (values: Record<string, string>) => ({
  attribute: Object.entries(values).map(([attrName, attrValue]) => ({ attrName, attrValue })),
});

function record(keys: Record<string, string>, fields: Record<string, string> = {}): CustomObj {
  return { customObjKeyList: attributes(keys), customObjAttributeList: attributes(fields) };
}

async function sync(records: CustomObj[], operation?: SyncOperationEnum) {
  const { result } = await mock.client.syncCustomObjects({
    objTypeName: 'roadshow',
    customObjList: { customObj: records },
    operation,
  });
  return result.syncCustomObjStatusList.syncCustomObjStatus ?? [];
}

async function read(params: { lead?: string; batchSize?: number; streamPosition?: string; include?: string[] } = {}) {
  const { result } = await mock.client.getCustomObjects({
    objTypeName: 'RoadShow',
    customObjKeyList: params.lead === undefined ? undefined : attributes({ MKTOID: params.lead }),
    includeAttributes: { stringItem: params.include ?? [] },
    batchSize: params.batchSize,
    streamPosition: params.streamPosition,
  });
  return result;
}

describe('custom objects', () => {
  it('round trip: sync creates and updates, get reads back, delete removes', async () => {
    const created = await sync([
      record({ MKTOID: '1', rid: 'rid0' }, { city: 'Lyon', zip: '69001' }),
      record({ MKTOID: '1', rid: 'rid1' }, { city: 'Paris' }),
      record({ MKTOID: '2', rid: 'rid0' }, { city: 'Oslo' }),
    ]);
    expect(created.map((status) => [status.objTypeName, status.status])).toEqual([
      ['RoadShow', 'CREATED'],
      ['RoadShow', 'CREATED'],
      ['RoadShow', 'CREATED'],
    ]);
    expect(created[0]?.customObjKeyList).toEqual(attributes({ MKTOID: '1', rid: 'rid0' }));
    expect((await sync([record({ MKTOID: '1', rid: 'rid0' }, { state: 'ARA', zip: '' })]))[0]?.status).toBe('UPDATED');

    const ann = await read({ lead: '1' });
    expect(ann).toMatchObject({ objTypeName: 'RoadShow', returnCount: 2, remainingCount: 0 });
    expect(ann.customObjList?.customObj).toEqual([
      record({ MKTOID: '1', rid: 'rid0' }, { city: 'Lyon', state: 'ARA' }),
      record({ MKTOID: '1', rid: 'rid1' }, { city: 'Paris' }),
    ]);
    expect(
      (await read({ include: ['city'] })).customObjList?.customObj?.map((each) => each.customObjAttributeList),
    ).toEqual([attributes({ city: 'Lyon' }), attributes({ city: 'Paris' }), attributes({ city: 'Oslo' })]);

    const { result } = await mock.client.deleteCustomObjects({
      objTypeName: 'RoadShow',
      customObjKeyLists: {
        keyList: [attributes({ MKTOID: '1', rid: 'rid1' }), attributes({ MKTOID: '1', rid: 'nope' })],
      },
    });
    expect(result.deleteCustomObjStatusList.syncCustomObjStatus?.map((status) => status.status)).toEqual([
      'DELETED',
      'FAILED',
    ]);
    expect((await read()).customObjList?.customObj?.map((each) => each.customObjKeyList)).toEqual([
      attributes({ MKTOID: '1', rid: 'rid0' }),
      attributes({ MKTOID: '2', rid: 'rid0' }),
    ]);
    expect(mock.server.state().customObjects).toHaveLength(2);
  });

  it('pages by stream position, each record once, also while records are added', async () => {
    await sync(Array.from({ length: 5 }, (_, index) => record({ MKTOID: '1', rid: `r${index}` })));
    const one = await read({ batchSize: 3 });
    await sync([record({ MKTOID: '2', rid: 'late' })]);
    const two = await read({ batchSize: 3, streamPosition: one.newStreamPosition });
    expect([one.returnCount, one.remainingCount, two.returnCount, two.remainingCount]).toEqual([3, 2, 3, 0]);
    expect(two.newStreamPosition).not.toBe('');
    const rids = [...(one.customObjList?.customObj ?? []), ...(two.customObjList?.customObj ?? [])].map(
      (each) => each.customObjKeyList?.attribute?.[1]?.attrValue,
    );
    expect(rids).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'late']);
    expect((await read({ streamPosition: two.newStreamPosition })).returnCount).toBe(0);
  });

  it('INSERT and UPDATE fail the records they cannot apply to; bad keys and fields fail their record only', async () => {
    await sync([record({ MKTOID: '1', rid: 'a' })]);
    const statuses = await sync(
      [
        record({ MKTOID: '1', rid: 'a' }),
        record({ MKTOID: '1', rid: 'b' }),
        record({ MKTOID: '1' }),
        record({ MKTOID: '9', rid: 'c' }),
        record({ MKTOID: '1', rid: 'd' }, { colour: 'red' }),
      ],
      'INSERT',
    );
    expect(statuses.map((status) => status.status)).toEqual(['FAILED', 'CREATED', 'FAILED', 'FAILED', 'FAILED']);
    expect(statuses.map((status) => status.error ?? '')).toEqual([
      expect.stringContaining('exists'),
      '',
      expect.stringContaining('rid'),
      expect.stringContaining('MKTOID 9'),
      expect.stringContaining('colour'),
    ]);
    expect((await sync([record({ MKTOID: '2', rid: 'z' })], 'UPDATE'))[0]?.status).toBe('FAILED');
  });

  it('faults: 20110 for an unknown type, over 100 records, or a criterion that is no key', async () => {
    expect(await faultCode(mock.client.getCustomObjects({ objTypeName: 'Nope', includeAttributes: {} }))).toBe(20110);
    const many = Array.from({ length: 101 }, (_, index) => record({ MKTOID: '1', rid: String(index) }));
    expect(
      await faultCode(mock.client.syncCustomObjects({ objTypeName: 'RoadShow', customObjList: { customObj: many } })),
    ).toBe(20110);
    expect(
      await faultCode(
        mock.client.getCustomObjects({
          objTypeName: 'RoadShow',
          customObjKeyList: attributes({ city: 'x' }),
          includeAttributes: {},
        }),
      ),
    ).toBe(20110);
  });
});
