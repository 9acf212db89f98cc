// listOperation through the typed client on a seeded list: membership changes, what getMultipleLeads'
// StaticListSelector then returns, the activities logged, strict mode and the documented faults.
import type { ListOperationType, ParamsListOperation } from '@org/mktows-types';
import { describe, expect, it } from 'vitest';

import type { MockState } from '../src/index.js';
import { faultCode } from './support/mktows-client.js';
import { useTestServer } from './support/test-server.js';

const STATE: MockState = {
  leads: [1, 2, 3].map((id) => ({ id, email: `lead${id}@example.com` })),
  lists: [
    { id: 1, name: 'Newsletter', leadIds: [1] },
    { id: 2, name: 'Attendees', programName: 'Webinar' },
  ],
};

const mock = useTestServer({ state: STATE }, { client: true });

function operation(
  listOperation: ListOperationType,
  leadIds: Array<number | string>,
  extra: Partial<ParamsListOperation> = {},
  listName = 'Newsletter',
) {
  return mock.client.listOperation({
    listOperation,
    listKey: { keyType: 'MKTOLISTNAME', keyValue: listName },
    listMemberList: { leadKey: leadIds.map((id) => ({ keyType: 'IDNUM' as const, keyValue: String(id) })) },
    ...extra,
  });
}

async function members(listName = 'Newsletter'): Promise<number[]> {
  const { result } = await mock.client.getMultipleLeads({ leadSelector: { staticListName: listName } });
  return (result.leadRecordList?.leadRecord ?? []).map((record) => record.Id ?? -1);
}

async function activityTypes(leadId: number): Promise<string[]> {
  const { leadActivityList } = await mock.client.getLeadActivity({
    leadKey: { keyType: 'IDNUM', keyValue: String(leadId) },
  });
  return (leadActivityList.activityRecordList?.activityRecord ?? []).map(
    (record) => `${record.activityType}: ${record.mktgAssetName ?? ''}`,
  );
}

describe('listOperation', () => {
  it('adds, tests and removes members; the StaticListSelector returns exactly the members', async () => {
    const added = await operation('ADDTOLIST', [2]);
    expect(added.result).toEqual({
      success: true,
      statusList: { leadStatus: [{ leadKey: { keyType: 'IDNUM', keyValue: '2' }, status: true }] },
    });
    expect(await members()).toEqual([1, 2]);

    const tested = await operation('ISMEMBEROFLIST', [1, 2, 3]);
    expect(tested.result.statusList?.leadStatus?.map((status) => status.status)).toEqual([true, true, false]);
    expect(tested.result.success).toBe(false);

    expect((await operation('REMOVEFROMLIST', [1])).result.success).toBe(true);
    expect((await operation('ISMEMBEROFLIST', [1])).result.statusList?.leadStatus?.[0]?.status).toBe(false);
    expect(await members()).toEqual([2]);
    expect(mock.server.state().lists?.[0]?.leadIds).toEqual([2]);
  });

  it('logs Add to List and Remove from List, unless skipActivityLog is true', async () => {
    await operation('ADDTOLIST', [2]);
    await operation('REMOVEFROMLIST', [2]);
    expect(await activityTypes(2)).toEqual(['Remove from List: Newsletter', 'Add to List: Newsletter']);
    await operation('ADDTOLIST', [3], { skipActivityLog: true });
    expect(await members()).toEqual([1, 3]);
    expect(await activityTypes(3)).toEqual([]);
  });

  it('adding a member again and removing a non-member change nothing and succeed', async () => {
    expect((await operation('ADDTOLIST', [1])).result.success).toBe(true);
    expect((await operation('REMOVEFROMLIST', [3])).result.success).toBe(true);
    expect(await members()).toEqual([1]);
    expect(await activityTypes(1)).toEqual([]);
  });

  it('reaches a list of a program as Program.List', async () => {
    await operation('ADDTOLIST', [3], {}, 'Webinar.Attendees');
    expect(await members('Webinar.Attendees')).toEqual([3]);
  });

  it('strict=false reports an unknown lead and does the rest; strict=true changes nothing (20103)', async () => {
    const lenient = await operation('ADDTOLIST', [2, 99]);
    expect(lenient.result.success).toBe(false);
    expect(lenient.result.statusList?.leadStatus?.map((status) => status.status)).toEqual([true, false]);
    expect(await members()).toEqual([1, 2]);

    expect(await faultCode(operation('ADDTOLIST', [3, 98], { strict: true }))).toBe(20103);
    expect(await members()).toEqual([1, 2]);
  });

  it('faults for an unknown list, a key type other than IDNUM, an unsupported list key, over 1000 leads', async () => {
    expect(await faultCode(operation('ADDTOLIST', [1], {}, 'No such list'))).toBe(20111);
    const badKeys = [
      { listKey: { keyType: 'MKTOLISTNAME', keyValue: 'Newsletter' }, leadKey: { keyType: 'EMAIL', keyValue: 'lead1@example.com' }, code: 20102 },
      { listKey: { keyType: 'SFDCLEADOWNERID', keyValue: 'Newsletter' }, leadKey: { keyType: 'IDNUM', keyValue: '1' }, code: 20110 },
    ] as const;
    for (const { listKey, leadKey, code } of badKeys) {
      const call = mock.client.listOperation({ listOperation: 'ADDTOLIST', listKey, listMemberList: { leadKey: [leadKey] } });
      expect(await faultCode(call), listKey.keyType).toBe(code);
    }
    const tooMany = Array.from({ length: 1001 }, (_, index) => index + 1);
    expect(await faultCode(operation('ADDTOLIST', tooMany))).toBe(20110);
    expect(await members()).toEqual([1]);
  });
});
