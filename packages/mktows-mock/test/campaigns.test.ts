// getCampaignsForSource, requestCampaign and scheduleCampaign through the typed client on seeded campaigns.
import type { ParamsRequestCampaign } from '@org/mktows-types';
import { describe, expect, it } from 'vitest';

import type { MockState } from '../src/index.js';
import { faultCode } from './support/mktows-client.js';
import { useTestServer } from './support/test-server.js';

const STATE: MockState = {
  leads: [
    { id: 1, email: 'ann@example.com' },
    { id: 2, email: 'bob@example.com' },
  ],
  campaigns: [
    { id: 11, name: 'Triggered Welcome', description: 'welcome', programName: 'Onboarding', sources: ['MKTOWS'] },
    { id: 12, name: 'Weekly Batch', programName: 'Onboarding' },
    { id: 13, name: 'Sales Triggered', sources: ['SALES'] },
    { id: 14, name: 'Also Triggered', sources: ['MKTOWS', 'SALES'] },
  ],
};

const now = Date.parse('2026-08-03T09:00:00Z');
const mock = useTestServer({ state: STATE, clock: () => now }, { client: { now: () => new Date(now) } });

const leads = (...ids: number[]) => ({
  leadKey: ids.map((id) => ({ keyType: 'IDNUM' as const, keyValue: String(id) })),
});

describe('getCampaignsForSource', () => {
  it('lists exactly the campaigns requestable from the source, sorted by name', async () => {
    const mktows = await mock.client.getCampaignsForSource({ source: 'MKTOWS' });
    expect(mktows.result).toEqual({
      returnCount: 2,
      campaignRecordList: {
        campaignRecord: [
          { id: 14, name: 'Also Triggered', description: '' },
          { id: 11, name: 'Triggered Welcome', description: 'welcome' },
        ],
      },
    });
    const sales = await mock.client.getCampaignsForSource({ source: 'SALES' });
    expect(sales.result.campaignRecordList?.campaignRecord?.map((campaign) => campaign.id)).toEqual([14, 13]);
  });

  it('filters by part of the name, or the exact name, ignoring case', async () => {
    const ids = async (name: string, exactName?: boolean) =>
      (
        await mock.client.getCampaignsForSource({ source: 'MKTOWS', name, exactName })
      ).result.campaignRecordList?.campaignRecord?.map((campaign) => campaign.id) ?? [];
    expect(await ids('trigger')).toEqual([14, 11]);
    expect(await ids('trigger', true)).toEqual([]);
    expect(await ids('triggered welcome', true)).toEqual([11]);
    expect(await ids('Onboarding.Triggered Welcome', true)).toEqual([11]);
  });
});

describe('requestCampaign', () => {
  it('queues leads into a campaign requestable from MKTOWS, by Id or by program and name, with tokens', async () => {
    expect(
      (await mock.client.requestCampaign({ source: 'MKTOWS', campaignId: 11, leadList: leads(1, 2) })).result.success,
    ).toBe(true);
    const tokens = { attrib: [{ name: '{{my.message}}', value: 'Hi' }] };
    const byName = await mock.client.requestCampaign({
      source: 'MKTOWS',
      programName: 'Onboarding',
      campaignName: 'Triggered Welcome',
      programTokenList: tokens,
      leadList: leads(2),
    });
    expect(byName.result.success).toBe(true);
    const campaign = mock.server.state().campaigns?.find((each) => each.id === 11);
    expect(campaign?.runs).toEqual([
      expect.objectContaining({ kind: 'requested', source: 'MKTOWS', leadIds: [1, 2], tokens: [] }),
      expect.objectContaining({ kind: 'requested', leadIds: [2], tokens: [{ name: '{{my.message}}', value: 'Hi' }] }),
    ]);
    const { leadActivityList } = await mock.client.getLeadActivity({ leadKey: { keyType: 'IDNUM', keyValue: '2' } });
    expect(
      leadActivityList.activityRecordList?.activityRecord?.map((record) => [record.activityType, record.campaign]),
    ).toEqual([
      ['Request Campaign', 'Triggered Welcome'],
      ['Request Campaign', 'Triggered Welcome'],
    ]);
  });

  it('fails with 20113 for a campaign without MKTOWS among its sources, or no such campaign', async () => {
    expect(await faultCode(mock.client.requestCampaign({ source: 'MKTOWS', campaignId: 12, leadList: leads(1) }))).toBe(
      20113,
    );
    expect(await faultCode(mock.client.requestCampaign({ source: 'MKTOWS', campaignId: 13, leadList: leads(1) }))).toBe(
      20113,
    );
    expect((await mock.client.requestCampaign({ source: 'SALES', campaignId: 13, leadList: leads(1) })).result.success).toBe(
      true,
    );
    expect(await faultCode(mock.client.requestCampaign({ source: 'MKTOWS', campaignId: 99, leadList: leads(1) }))).toBe(
      20113,
    );
  });

  it('faults 20110 for parameter combinations Marketo does not allow', async () => {
    const bad: ParamsRequestCampaign[] = [
      { source: 'MKTOWS', campaignId: 11, campaignName: 'Triggered Welcome', leadList: leads(1) },
      {
        source: 'MKTOWS',
        campaignId: 11,
        programTokenList: { attrib: [{ name: '{{my.x}}', value: 'y' }] },
        leadList: leads(1),
      },
      { source: 'MKTOWS', campaignName: 'Triggered Welcome', leadList: leads(1) },
      { source: 'MKTOWS', leadList: leads(1) },
    ];
    for (const params of bad) expect(await faultCode(mock.client.requestCampaign(params))).toBe(20110);
  });

  it('takes at most 100 lead keys and ignores the rest; an unknown lead is 20103 and nothing is queued', async () => {
    const keys = [1, ...Array.from({ length: 99 }, () => 2), 999];
    expect(
      (await mock.client.requestCampaign({ source: 'MKTOWS', campaignId: 11, leadList: leads(...keys) })).result.success,
    ).toBe(true);
    expect(await faultCode(mock.client.requestCampaign({ source: 'MKTOWS', campaignId: 11, leadList: leads(1, 999) }))).toBe(
      20103,
    );
    expect(mock.server.state().campaigns?.find((each) => each.id === 11)?.runs).toEqual([
      expect.objectContaining({ leadIds: [1, 2] }),
    ]);
  });
});

describe('scheduleCampaign', () => {
  it('accepts a future time (or none: now) and records the run with its tokens', async () => {
    const runAt = '2026-08-10T12:00:00+02:00';
    const tokens = { attrib: [{ name: '{{my.subject}}', value: 'Weekly' }] };
    const scheduled = await mock.client.scheduleCampaign({
      programName: 'Onboarding',
      campaignName: 'Weekly Batch',
      campaignRunAt: runAt,
      programTokenList: tokens,
    });
    expect(scheduled.result.success).toBe(true);
    expect(
      (await mock.client.scheduleCampaign({ programName: 'Onboarding', campaignName: 'Weekly Batch' })).result.success,
    ).toBe(true);
    expect(mock.server.state().campaigns?.find((each) => each.id === 12)?.runs).toEqual([
      expect.objectContaining({
        kind: 'scheduled',
        runAt: '2026-08-10T10:00:00.000Z',
        tokens: [{ name: '{{my.subject}}', value: 'Weekly' }],
      }),
      expect.objectContaining({ kind: 'scheduled', runAt: '2026-08-03T09:00:00.000Z', tokens: [] }),
    ]);
  });

  it('faults: 20113 for an unknown campaign, 20110 for a time in the past or a bad token name', async () => {
    expect(await faultCode(mock.client.scheduleCampaign({ programName: 'Onboarding', campaignName: 'Nope' }))).toBe(20113);
    expect(await faultCode(mock.client.scheduleCampaign({ programName: 'Other', campaignName: 'Weekly Batch' }))).toBe(
      20113,
    );
    expect(
      await faultCode(
        mock.client.scheduleCampaign({
          programName: 'Onboarding',
          campaignName: 'Weekly Batch',
          campaignRunAt: '2026-08-01T00:00:00Z',
        }),
      ),
    ).toBe(20110);
    expect(
      await faultCode(
        mock.client.scheduleCampaign({
          programName: 'Onboarding',
          campaignName: 'Weekly Batch',
          programTokenList: { attrib: [{ name: 'subject', value: 'x' }] },
        }),
      ),
    ).toBe(20110);
  });
});
