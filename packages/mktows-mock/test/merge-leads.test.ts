// mergeLeads through the typed client: the losers are gone, the winner keeps its Id and gains what it
// lacked (fields, list memberships, history, roles), a Merge Leads activity is logged; documented faults.
import type { MktowsSoapClient, ParamsMergeLeads } from '@org/mktows-types';
import { describe, expect, it } from 'vitest';

import type { MockState } from '../src/index.js';
import { faultCode } from './support/mktows-client.js';
import { useTestServer } from './support/test-server.js';

const STATE: MockState = {
  leads: [
    { id: 1, email: 'winner@example.com', attributes: { FirstName: 'Wendy' } },
    { id: 2, email: 'loser@example.com', cookie: 'id:123-ABC', attributes: { FirstName: 'Lou', LastName: 'Ser' } },
    { id: 3, email: 'third@example.com', foreignSysPersonId: 'crm-3', foreignSysType: 'SFDC' },
    { id: 4, email: 'twin@example.com' },
    { id: 5, email: 'twin@example.com' },
  ],
  lists: [{ id: 1, name: 'Newsletter', leadIds: [2] }],
  opportunities: [{ id: 1, attributes: { Name: 'Deal' } }],
  opportunityPersonRoles: [{ id: 1, opportunityId: 1, personId: 3, role: 'Buyer' }],
  customObjectTypes: [{ name: 'RoadShow', keys: ['MKTOID', 'rid'], fields: ['city'] }],
  customObjects: [{ type: 'RoadShow', keys: { MKTOID: '2', rid: 'r1' }, attributes: { city: 'Lyon' } }],
  activities: [{ id: 1, leadId: 2, activityType: 'Visit Webpage', activityDateTime: '2026-08-01T10:00:00Z' }],
};

const mock = useTestServer({ state: STATE }, { client: true });

function merge(
  winner: [string, string],
  ...losers: Array<Array<[string, string]>>
): ReturnType<MktowsSoapClient['mergeLeads']> {
  const keyList = (keys: Array<[string, string]>) => ({
    attribute: keys.map(([attrName, attrValue]) => ({ attrName, attrValue })),
  });
  const params: ParamsMergeLeads = {
    winningLeadKeyList: keyList([winner]),
    losingLeadKeyLists: { keyList: losers.map(keyList) },
  };
  return mock.client.mergeLeads(params);
}

describe('mergeLeads', () => {
  it('removes the losers, keeps the winner’s Id, and logs a Merge Leads activity', async () => {
    const { result } = await merge(['IDNUM', '1'], [['IDNUM', '2']], [['EMAIL', 'third@example.com']]);
    expect(result.mergeStatus).toEqual({
      winningLeadId: 1,
      losingLeadIdList: { integerItem: [2, 3] },
      status: 'MERGED',
    });

    for (const loser of ['2', '3']) {
      expect(await faultCode(mock.client.getLead({ leadKey: { keyType: 'IDNUM', keyValue: loser } }))).toBe(20103);
    }
    const winner = await mock.client.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '1' } });
    expect(winner.result.leadRecordList?.leadRecord).toEqual([
      expect.objectContaining({
        Id: 1,
        Email: 'winner@example.com',
        ForeignSysPersonId: 'crm-3',
        leadAttributeList: {
          attribute: [
            { attrName: 'FirstName', attrType: 'string', attrValue: 'Wendy' },
            { attrName: 'LastName', attrType: 'string', attrValue: 'Ser' },
          ],
        },
      }),
    ]);
    const { leadActivityList } = await mock.client.getLeadActivity({ leadKey: { keyType: 'IDNUM', keyValue: '1' } });
    const activities = leadActivityList.activityRecordList?.activityRecord ?? [];
    expect(activities.map((activity) => activity.activityType)).toEqual(['Merge Leads', 'Visit Webpage']);
    expect(activities[0]?.activityAttributes?.attribute).toContainEqual({
      attrName: 'Merged Lead IDs',
      attrValue: '2,3',
    });
  });

  it('moves the losers’ list memberships, cookie, opportunity roles and custom objects to the winner', async () => {
    await merge(
      ['IDNUM', '1'],
      [
        ['IDNUM', '2'],
        ['IDNUM', '3'],
      ],
    );
    const state = mock.server.state();
    expect(state.lists?.[0]?.leadIds).toEqual([1]);
    expect(state.leads?.find((lead) => lead.id === 1)?.cookie).toBe('id:123-ABC');
    expect(state.opportunityPersonRoles?.[0]?.personId).toBe(1);
    expect(state.customObjects?.[0]?.keys).toEqual({ MKTOID: '1', rid: 'r1' });
    expect(state.leads?.map((lead) => lead.id)).toEqual([1, 4, 5]);
  });

  it('faults: 20103 for an unknown lead, 20110 for the winner among the losers or a key naming two leads, 20102 for COOKIE', async () => {
    expect(await faultCode(merge(['IDNUM', '1'], [['IDNUM', '99']]))).toBe(20103);
    expect(await faultCode(merge(['IDNUM', '1'], [['IDNUM', '1']]))).toBe(20110);
    expect(await faultCode(merge(['IDNUM', '1'], [['EMAIL', 'twin@example.com']]))).toBe(20110);
    expect(await faultCode(merge(['COOKIE', 'id:123-ABC'], [['IDNUM', '3']]))).toBe(20102);
    expect(await faultCode(merge(['IDNUM', '1']))).toBe(20109);
    expect(mock.server.state().leads).toHaveLength(5);
  });
});
