// The activity log through the typed client: what syncLead writes, getLeadChanges (oldest first, polling
// with the last position) and getLeadActivity (newest first, paged), filters and faults.
import type { ActivityType, StreamPosition } from '@org/mktows-types';
import { describe, expect, it } from 'vitest';

import { activityDisplayName } from '../src/instance/activity-types.js';
import { faultCode } from './support/mktows-client.js';
import { useTestServer } from './support/test-server.js';

// A clock the test moves: every activity gets a known, distinct time.
let now = Date.parse('2026-08-03T09:00:00Z');
const tick = (seconds = 1) => (now += seconds * 1000);
const mock = useTestServer({ clock: () => now }, { client: { now: () => new Date(now) } });

async function sync(email: string, attributes: Record<string, string>): Promise<number> {
  tick();
  const { result } = await mock.client.syncLead({
    leadRecord: {
      Email: email,
      leadAttributeList: {
        attribute: Object.entries(attributes).map(([attrName, attrValue]) => ({ attrName, attrValue })),
      },
    },
    returnLead: false,
  });
  return result.leadId;
}

async function changes(startPosition: StreamPosition, batchSize?: number) {
  const { result } = await mock.client.getLeadChanges({ startPosition, batchSize });
  return { ...result, records: result.leadChangeRecordList?.leadChangeRecord ?? [] };
}

describe('syncLead writes activities', () => {
  it('create then update: getLeadChanges shows New Lead then Change Data Value, oldest first', async () => {
    const start = { oldestCreatedAt: new Date(now).toISOString() };
    const leadId = await sync('george@example.com', { FirstName: 'George' });
    await sync('george@example.com', { FirstName: 'Travis', LastName: 'Kaufman' });
    await sync('george@example.com', { FirstName: 'Travis' }); // no change: no activity

    const answer = await changes(start);
    expect(answer.returnCount).toBe(3);
    expect(answer.remainingCount).toBe(0);
    expect(answer.records.map((record) => [record.activityType, record.mktgAssetName, record.mktPersonId])).toEqual([
      ['New Lead', '', String(leadId)],
      ['Change Data Value', 'First Name', String(leadId)],
      ['Change Data Value', 'Last Name', String(leadId)],
    ]);
    expect(answer.records[0]?.activityAttributes?.attribute).toEqual([
      { attrName: 'Source Type', attrValue: 'Web service API' },
      { attrName: 'Source Info', attrValue: 'Web service API' },
      { attrName: 'Created Date', attrValue: '2026-08-03' },
      { attrName: 'Lead ID', attrValue: String(leadId) },
    ]);
    expect(answer.records[1]?.activityAttributes?.attribute).toEqual([
      { attrName: 'Attribute Name', attrValue: 'First Name' },
      { attrName: 'Old Value', attrValue: 'George' },
      { attrName: 'New Value', attrValue: 'Travis' },
      { attrName: 'Reason', attrValue: 'SOAP API' },
      { attrName: 'Lead ID', attrValue: String(leadId) },
    ]);
    expect(answer.records[1]?.activityDateTime).toBe('2026-08-03T09:00:02+00:00');
    expect(answer.records.every((record) => record.campaign === undefined)).toBe(true);
    expect(answer.newStartPosition).toEqual({
      oldestCreatedAt: '2026-08-03T09:00:00+00:00',
      offset: `ID:${answer.records[2]?.id}`,
    });

    const { leadActivityList } = await mock.client.getLeadActivity({
      leadKey: { keyType: 'IDNUM', keyValue: String(leadId) },
    });
    expect(leadActivityList.activityRecordList?.activityRecord?.map((record) => record.activityType)).toEqual([
      'Change Data Value',
      'Change Data Value',
      'New Lead',
    ]);
    expect(leadActivityList.activityRecordList?.activityRecord?.[2]?.campaign).toBe('');
  });

  it('marks the lead updated for LastUpdateAtSelector', async () => {
    const leadId = await sync('window@example.com', { FirstName: 'A' });
    tick(3600);
    const since = new Date(now).toISOString();
    const inWindow = async () =>
      (
        await mock.client.getMultipleLeads({ leadSelector: { oldestUpdatedAt: since } })
      ).result.leadRecordList?.leadRecord?.map((record) => record.Id) ?? [];
    expect(await inWindow()).toEqual([]);
    await sync('window@example.com', { FirstName: 'B' });
    expect(await inWindow()).toEqual([leadId]);
  });
});

describe('getLeadChanges paging', () => {
  it('pages by offset, and a poll with the last position returns only what came since', async () => {
    for (let index = 0; index < 5; index += 1) await sync(`p${index}@example.com`, {});
    const one = await changes({ oldestCreatedAt: '2026-08-01T00:00:00Z' }, 2);
    const two = await changes(one.newStartPosition, 2);
    const three = await changes(two.newStartPosition, 2);
    expect([one.remainingCount, two.remainingCount, three.remainingCount]).toEqual([3, 1, 0]);
    const ids = [...one.records, ...two.records, ...three.records].map((record) => record.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);

    expect((await changes(three.newStartPosition)).records).toEqual([]);
    await sync('p0@example.com', { City: 'Paris' });
    const polled = await changes(three.newStartPosition);
    expect(polled.records.map((record) => [record.id, record.activityType])).toEqual([[6, 'Change Data Value']]);
  });

  it('filters by activity type, and by a lead selector', async () => {
    const first = await sync('f1@example.com', {});
    await sync('f2@example.com', {});
    await sync('f1@example.com', { FirstName: 'Changed' });
    const start = { oldestCreatedAt: '2026-08-01T00:00:00Z' };
    const only = async (filter: object, selector?: object) =>
      (
        await mock.client.getLeadChanges({ startPosition: start, activityFilter: filter, leadSelector: selector })
      ).result.leadChangeRecordList?.leadChangeRecord?.map(
        (record) => `${record.mktPersonId} ${record.activityType}`,
      ) ?? [];
    expect(await only({ includeTypes: { activityType: ['ChangeDataValue'] } })).toEqual([`${first} Change Data Value`]);
    expect(await only({ excludeTypes: { activityType: ['ChangeDataValue'] } })).toEqual(['1 New Lead', '2 New Lead']);
    expect(await only({}, { keyType: 'EMAIL', keyValues: { stringItem: ['f2@example.com'] } })).toEqual(['2 New Lead']);
  });

  it('faults: 20110 for over 100 keys or include with exclude, 20107 for an unknown type, 20122 for a bad offset', async () => {
    const start = { oldestCreatedAt: '2026-08-01T00:00:00Z' };
    const keys = Array.from({ length: 101 }, (_, index) => `k${index}@example.com`);
    expect(
      await faultCode(
        mock.client.getLeadChanges({
          startPosition: start,
          leadSelector: { keyType: 'EMAIL', keyValues: { stringItem: keys } },
        }),
      ),
    ).toBe(20110);
    const both = {
      includeTypes: { activityType: ['NewLead' as const] },
      excludeTypes: { activityType: ['Wait' as const] },
    };
    expect(await faultCode(mock.client.getLeadChanges({ startPosition: start, activityFilter: both }))).toBe(20110);
    const unknown = { includeTypes: { activityType: ['NoSuchType' as ActivityType] } };
    expect(await faultCode(mock.client.getLeadChanges({ startPosition: start, activityFilter: unknown }))).toBe(20107);
    expect(await faultCode(mock.client.getLeadChanges({ startPosition: { offset: 'page-2' } }))).toBe(20122);
    expect(await faultCode(mock.client.getLeadChanges({ startPosition: { offset: 'ID:500' } }))).toBe(20122);
  });
});

describe('getLeadActivity', () => {
  it('pages one lead’s activities newest first, each once, at most 100 a page', async () => {
    const leadId = await sync('many@example.com', {});
    for (let index = 0; index < 4; index += 1) await sync('many@example.com', { LeadScore: String(index + 1) });
    await sync('other@example.com', {});
    const seen: number[] = [];
    let startPosition: StreamPosition | undefined;
    let remaining = 1;
    while (remaining > 0) {
      const { leadActivityList } = await mock.client.getLeadActivity({
        leadKey: { keyType: 'IDNUM', keyValue: String(leadId) },
        batchSize: 2,
        startPosition,
      });
      seen.push(...(leadActivityList.activityRecordList?.activityRecord ?? []).map((record) => record.id));
      remaining = leadActivityList.remainingCount;
      startPosition = leadActivityList.newStartPosition;
    }
    expect(seen).toEqual([5, 4, 3, 2, 1]);
  });

  it('faults: 20103 for no such lead, 20122 for an offset of another lead', async () => {
    await sync('one@example.com', {});
    await sync('two@example.com', {});
    expect(await faultCode(mock.client.getLeadActivity({ leadKey: { keyType: 'IDNUM', keyValue: '9' } }))).toBe(20103);
    expect(
      await faultCode(
        mock.client.getLeadActivity({ leadKey: { keyType: 'IDNUM', keyValue: '1' }, startPosition: { offset: 'ID:2' } }),
      ),
    ).toBe(20122);
  });
});

describe('activity display names', () => {
  it.each([
    ['VisitWebpage', 'Visit Webpage'],
    ['AddToList', 'Add to List'],
    ['SFDCActivity', 'SFDC Activity'],
    ['ChangeStatusInSFDCCampaign', 'Change Status in SFDC Campaign'],
    ['PushLeadToSales', 'Sync Lead to SFDC'],
    ['EnrichWithDatacom', 'Enrich with Data.com'],
  ] as const)('%s is reported as "%s"', (token, displayName) => {
    expect(activityDisplayName(token)).toBe(displayName);
  });
});
