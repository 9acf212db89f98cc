// getMultipleLeads through the typed client: paging by stream position with each lead exactly once (also
// while leads are being added), the three selectors, the documented limits and faults.
import type { LeadRecord, ParamsGetMultipleLeads } from '@org/mktows-types';
import { describe, expect, it } from 'vitest';

import { faultCode } from './support/mktows-client.js';
import { useTestServer } from './support/test-server.js';
import { attributeList } from '@org/test-support';

const mock = useTestServer({}, { client: true });

const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

async function syncLeads(prefix: string, count: number): Promise<number[]> {
  const { result } = await mock.client.syncMultipleLeads({
    leadRecordList: {
      leadRecord: Array.from({ length: count }, (_, index) => ({
        Email: `${prefix}${index}@example.com`,
        leadAttributeList: { attribute: [{ attrName: 'FirstName', attrValue: `${prefix}${index}` }] },
      })),
    },
    dedupEnabled: true,
  });
  const statuses = result.syncStatusList.syncStatus ?? [];
  expect(statuses.every((status) => status.status === 'CREATED')).toBe(true);
  return statuses.map((status) => status.leadId);
}

interface Page {
  ids: number[];
  returnCount: number;
  remainingCount: number;
  newStreamPosition: string;
}

async function page(params: ParamsGetMultipleLeads): Promise<Page> {
  const { result } = await mock.client.getMultipleLeads(params);
  const records: LeadRecord[] = result.leadRecordList?.leadRecord ?? [];
  return {
    ids: records.map((record) => record.Id ?? -1),
    returnCount: result.returnCount,
    remainingCount: result.remainingCount,
    newStreamPosition: result.newStreamPosition,
  };
}

describe('getMultipleLeads paging', () => {
  it('pages through 250 synced leads by LastUpdateAtSelector, 100 at a time, each exactly once', async () => {
    const created = await syncLeads('paged', 250);
    const selector = { leadSelector: { oldestUpdatedAt: anHourAgo() }, batchSize: 100 };
    const pages: Page[] = [];
    let streamPosition: string | undefined;
    do {
      const next = await page({ ...selector, streamPosition });
      pages.push(next);
      streamPosition = next.newStreamPosition;
    } while (pages.at(-1)!.remainingCount > 0);

    expect(pages.map((each) => [each.returnCount, each.remainingCount])).toEqual([
      [100, 150],
      [100, 50],
      [50, 0],
    ]);
    expect(pages.slice(0, 2).every((each) => each.newStreamPosition !== '')).toBe(true);
    expect(pages[2]!.newStreamPosition).toBe('');
    const seen = pages.flatMap((each) => each.ids);
    expect(seen).toEqual(created);
    expect(new Set(seen).size).toBe(250);
  });

  it('visits leads created while it pages, and none twice', async () => {
    const first = await syncLeads('before', 150);
    const selector = { leadSelector: { oldestUpdatedAt: anHourAgo() }, batchSize: 100 };
    const one = await page(selector);
    const added = await syncLeads('during', 30);
    // An update of a lead already returned does not bring it back.
    await mock.client.syncLead({
      leadRecord: {
        Email: 'before0@example.com',
        leadAttributeList: { attribute: [{ attrName: 'City', attrValue: 'Oslo' }] },
      },
      returnLead: false,
    });
    const two = await page({ ...selector, streamPosition: one.newStreamPosition });
    expect([one.remainingCount, two.remainingCount, two.newStreamPosition]).toEqual([50, 0, '']);
    expect([...one.ids, ...two.ids]).toEqual([...first, ...added]);
  });

  it('returns the members of a static list (by Id or name), and nothing else', async () => {
    const ids = await syncLeads('member', 5);
    mock.server.reset({
      leads: mock.server.state().leads,
      lists: [{ id: 7, name: 'VIPs', leadIds: [ids[3]!, ids[1]!] }],
    });
    expect((await page({ leadSelector: { staticListId: 7 } })).ids).toEqual([ids[3], ids[1]]);
    expect((await page({ leadSelector: { staticListName: 'VIPs' } })).ids).toEqual([ids[3], ids[1]]);
    expect(await faultCode(mock.client.getMultipleLeads({ leadSelector: { staticListName: 'Nope' } }))).toBe(20111);
    expect(await faultCode(mock.client.getMultipleLeads({ leadSelector: { staticListId: 99 } }))).toBe(20111);
  });

  it('reads at most 100 keys of a LeadKeySelector and drops the rest silently', async () => {
    const ids = await syncLeads('key', 120);
    const answer = await page({
      leadSelector: { keyType: 'IDNUM', keyValues: { stringItem: ids.map(String) } },
      batchSize: 1000,
    });
    expect(answer.ids).toEqual(ids.slice(0, 100));
    expect(answer.remainingCount).toBe(0);
  });

  it('returns at most 1000 leads a page, 100 when batchSize is absent', async () => {
    mock.server.reset({ leads: Array.from({ length: 1100 }, (_, index) => ({ email: `bulk${index}@example.com` })) });
    const capped = await page({ leadSelector: { oldestUpdatedAt: anHourAgo() }, batchSize: 5000 });
    expect([capped.returnCount, capped.remainingCount]).toEqual([1000, 100]);
    const byDefault = await page({ leadSelector: { oldestUpdatedAt: anHourAgo() } });
    expect([byDefault.returnCount, byDefault.remainingCount]).toEqual([100, 1000]);
  });

  it('returns only the attributes named in includeAttributes', async () => {
    await mock.client.syncLead({
      leadRecord: {
        Email: 'some@example.com',
        leadAttributeList: attributeList({ FirstName: 'A', City: 'B' }),
      },
      returnLead: false,
    });
    const { result } = await mock.client.getMultipleLeads({
      leadSelector: { keyType: 'EMAIL', keyValues: { stringItem: ['some@example.com'] } },
      includeAttributes: { stringItem: ['City'] },
    });
    expect(result.leadRecordList?.leadRecord).toEqual([
      {
        Id: 1,
        Email: 'some@example.com',
        leadAttributeList: { attribute: [{ attrName: 'City', attrType: 'string', attrValue: 'B' }] },
      },
    ]);
  });
});

describe('getMultipleLeads faults', () => {
  it('20022 for a LastUpdateAtSelector window over 30 days', async () => {
    const oldestUpdatedAt = '2026-01-01T00:00:00Z';
    expect(
      await faultCode(
        mock.client.getMultipleLeads({ leadSelector: { oldestUpdatedAt, latestUpdatedAt: '2026-02-15T00:00:00Z' } }),
      ),
    ).toBe(20022);
    expect(
      (await page({ leadSelector: { oldestUpdatedAt, latestUpdatedAt: '2026-01-30T00:00:00Z' } })).returnCount,
    ).toBe(0);
  });

  it('20122 for a stream position of another query or one it did not issue', async () => {
    await syncLeads('pos', 3);
    const first = await page({ leadSelector: { oldestUpdatedAt: anHourAgo() }, batchSize: 1 });
    const other = { leadSelector: { keyType: 'EMAIL' as const, keyValues: { stringItem: ['pos0@example.com'] } } };
    expect(await faultCode(mock.client.getMultipleLeads({ ...other, streamPosition: first.newStreamPosition }))).toBe(20122);
    expect(await faultCode(mock.client.getMultipleLeads({ ...other, streamPosition: 'id:1:os:1' }))).toBe(20122);
  });

  it('20109 without a selector, 20110 for a batchSize below 1', async () => {
    expect(await faultCode(mock.client.getMultipleLeads({}))).toBe(20109);
    expect(
      await faultCode(mock.client.getMultipleLeads({ leadSelector: { oldestUpdatedAt: anHourAgo() }, batchSize: 0 })),
    ).toBe(20110);
  });
});
