// importToList and getImportToListStatus through the typed client: the job is PROCESSING, then COMPLETE
// (by the server's clock), and the list holds the imported leads.
import type { ParamsImportToList } from '@org/mktows-types';
import { describe, expect, it } from 'vitest';

import type { MockState } from '../src/index.js';
import { faultCode } from './support/mktows-client.js';
import { useTestServer } from './support/test-server.js';

const STATE: MockState = {
  leads: [{ id: 1, email: 'existing@example.com', attributes: { FirstName: 'Old' } }],
  lists: [{ id: 5, name: 'Attendees', programName: 'Webinar', leadIds: [1] }],
  campaigns: [{ id: 9, name: 'Follow Up', programName: 'Webinar' }],
};

let now = Date.parse('2026-08-03T09:00:00Z');
const mock = useTestServer({ state: STATE, clock: () => now, importProcessingMs: 60_000 }, { client: { now: () => new Date(now) } });

function importRows(rows: string[], extra: Partial<ParamsImportToList> = {}) {
  return mock.client.importToList({
    programName: 'Webinar',
    listName: 'Attendees',
    importFileHeader: 'Email Address,First Name,Company Name',
    importFileRows: { stringItem: rows },
    importListMode: 'UPSERTLEADS',
    clearList: false,
    campaignName: null,
    ...extra,
  });
}

const status = async () =>
  (await mock.client.getImportToListStatus({ programName: 'Webinar', listName: 'Attendees' })).result;

const members = async () =>
  (await mock.client.getMultipleLeads({ leadSelector: { staticListId: 5 } })).result.leadRecordList?.leadRecord?.map(
    (record) => record.Email,
  ) ?? [];

describe('importToList', () => {
  it('answers PROCESSING, reaches COMPLETE, and the list then holds the imported leads', async () => {
    const started = await importRows([
      'new@example.com,Nina,"Acme, Inc."',
      'existing@example.com,Ed,',
      ',Nobody,Nowhere',
    ]);
    expect(started.result.importStatus).toBe('PROCESSING');
    expect(await status()).toMatchObject({ status: 'PROCESSING', estimatedRows: 3, rowsImported: 0 });
    expect(await members()).toEqual(['existing@example.com']);

    now += 60_000;
    const done = await status();
    expect(done).toMatchObject({
      status: 'COMPLETE',
      estimatedRows: 3,
      rowsImported: 2,
      rowsFailed: 1,
      rowsIgnored: 0,
    });
    expect(done.startedTime).toBe('2026-08-03T09:00:00+00:00');
    expect(done.endedTime).toBe('2026-08-03T09:01:00+00:00');
    expect(done.importSummary).toContain('row 3: no Email Address');
    expect(await members()).toEqual(['existing@example.com', 'new@example.com']);
    const created = await mock.client.getLead({ leadKey: { keyType: 'EMAIL', keyValue: 'new@example.com' } });
    expect(created.result.leadRecordList?.leadRecord?.[0]?.leadAttributeList?.attribute).toEqual([
      { attrName: 'Company', attrType: 'string', attrValue: 'Acme, Inc.' },
      { attrName: 'FirstName', attrType: 'string', attrValue: 'Nina' },
    ]);
    const existing = await mock.client.getLead({ leadKey: { keyType: 'IDNUM', keyValue: '1' } });
    expect(existing.result.leadRecordList?.leadRecord?.[0]?.leadAttributeList?.attribute?.[0]?.attrValue).toBe('Ed');
  });

  it('LISTONLY adds existing leads only; clearList empties the list first', async () => {
    await importRows(['someone@example.com,S,', 'existing@example.com,,'], {
      importListMode: 'LISTONLY',
      clearList: true,
    });
    now += 60_000;
    expect(await status()).toMatchObject({ status: 'COMPLETE', rowsImported: 1, rowsIgnored: 1 });
    expect(await members()).toEqual(['existing@example.com']);
    expect(mock.server.leads()).toHaveLength(1);
  });

  it('keeps per-lead tokens for the named campaign’s next run', async () => {
    await mock.client.importToList({
      programName: 'Webinar',
      listName: 'Attendees',
      importFileHeader: 'Email Address,{{my.seat}}',
      importFileRows: { stringItem: ['existing@example.com,12A'] },
      importListMode: 'LISTONLY',
      clearList: false,
      campaignName: 'Follow Up',
    });
    now += 60_000;
    await mock.client.scheduleCampaign({ programName: 'Webinar', campaignName: 'Follow Up' });
    expect(mock.server.state().campaigns?.[0]?.runs?.[0]?.leadTokens).toEqual([
      { leadId: 1, tokens: [{ name: '{{my.seat}}', value: '12A' }] },
    ]);
  });

  it('a pending job survives a save and a restart, and completes there', async () => {
    await importRows(['later@example.com,L,']);
    const saved = mock.server.state();
    expect(saved.importJobs?.[0]).toMatchObject({
      status: 'PROCESSING',
      pending: { importFileRows: ['later@example.com,L,'] },
    });
    mock.server.reset(saved);
    now += 60_000;
    expect(await status()).toMatchObject({ status: 'COMPLETE', rowsImported: 1 });
  });

  it('faults: 20111 for an unknown list, 20113 for an unknown campaign, 20110 for an unknown column, 20110 when no import ran', async () => {
    expect(await faultCode(importRows(['a@example.com,A,'], { listName: 'Nope' }))).toBe(20111);
    expect(await faultCode(importRows(['a@example.com,A,'], { campaignName: 'Nope' }))).toBe(20113);
    expect(await faultCode(importRows(['a@example.com'], { importFileHeader: 'Email Address,Shoe Size' }))).toBe(20110);
    expect(await faultCode(importRows(['A'], { importFileHeader: 'First Name' }))).toBe(20110);
    expect(await faultCode(mock.client.getImportToListStatus({ programName: 'Webinar', listName: 'Attendees' }))).toBe(
      20110,
    );
    expect(await faultCode(mock.client.getImportToListStatus({ programName: 'Webinar', listName: 'Nope' }))).toBe(20111);
  });
});
