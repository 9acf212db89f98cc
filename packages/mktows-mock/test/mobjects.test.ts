// The MObject operations through the typed client: listMObjects, describeMObject, and syncMObjects /
// getMObjects / deleteMObjects for Opportunity, OpportunityPersonRole and Program.
import type { MObject, ParamsGetMObjects, SyncOperationEnum } from '@org/mktows-types';
import { describe, expect, it } from 'vitest';

import type { MockState } from '../src/index.js';
import { faultCode } from './support/mktows-client.js';
import { useTestServer } from './support/test-server.js';

const STATE: MockState = {
  leads: [
    { id: 1, email: 'ann@example.com' },
    { id: 2, email: 'bob@example.com' },
  ],
  channels: [{ name: 'Webinar', statuses: [{ name: 'Attended', step: 30, success: true }] }],
  tags: [{ type: 'Region', values: ['EMEA', 'Americas'] }],
  programs: [
    {
      id: 1001,
      name: 'Spring Webinar',
      tags: [{ type: 'Channel', value: 'Webinar' }],
      tokens: [{ name: '{{my.title}}', value: 'Spring' }],
    },
    { id: 1002, name: 'Old Program', archived: true },
  ],
};

const mock = useTestServer({ state: STATE }, { client: true });

const attribs = (values: Record<string, string>) => ({
  attrib: Object.entries(values).map(([name, value]) => ({ name, value })),
});

async function sync(operation: SyncOperationEnum, ...objects: MObject[]) {
  const { result } = await mock.client.syncMObjects({ operation, mObjectList: { mObject: objects } });
  return result.mObjStatusList.mObjStatus ?? [];
}

async function get(params: ParamsGetMObjects) {
  const { result } = await mock.client.getMObjects(params);
  return { ...result, objects: result.mObjectList?.mObject ?? [] };
}

const valueOf = (object: MObject | undefined, name: string) =>
  object?.attribList?.attrib?.find((attrib) => attrib.name === name)?.value;

describe('listMObjects and describeMObject', () => {
  it('lists the describable objects and describes each', async () => {
    const { result } = await mock.client.listMObjects({});
    expect(result.objects).toEqual(['ActivityRecord', 'LeadRecord', 'Opportunity', 'OpportunityPersonRole']);
    const activity = await mock.client.describeMObject({ objectName: 'ActivityRecord' });
    expect(activity.result.metadata).toMatchObject({ name: 'ActivityRecord', isCustom: false, isVirtual: true });
    expect(activity.result.metadata.fieldList.field?.[0]).toEqual({
      name: 'id',
      description: null,
      displayName: null,
      sourceObject: 'Event',
      dataType: 'integer',
      size: 10,
      isReadonly: true,
      isUpdateBlocked: true,
      isName: false,
      isPrimaryKey: true,
      isCustom: false,
      isDynamic: false,
      dynamicFieldRef: null,
      updatedAt: '2010-01-01T00:00:00+00:00',
    });
    const lead = await mock.client.describeMObject({ objectName: 'LeadRecord' });
    expect(lead.result.metadata.fieldList.field?.map((field) => field.name)).toEqual(
      expect.arrayContaining(['Id', 'Email', 'FirstName']),
    );
    const opportunity = await mock.client.describeMObject({ objectName: 'Opportunity' });
    expect(opportunity.result.metadata.fieldList.field?.map((field) => field.name)).toContain('Stage');
    expect(await faultCode(mock.client.describeMObject({ objectName: 'Program' }))).toBe(20110);
  });
});

describe('opportunities and roles', () => {
  it('sync creates, updates and skips; get finds by id, external key, criteria and association; delete removes', async () => {
    const deal = {
      type: 'Opportunity',
      externalKey: { name: 'CRM', value: 'opp-1' },
      attribList: attribs({ Name: 'Deal', Amount: '100' }),
    };
    const created = await sync('UPSERT', deal);
    expect(created).toEqual([{ id: 1, externalKey: { name: 'CRM', value: 'opp-1' }, status: 'CREATED' }]);
    // A role naming the opportunity by external key, in the same call as its update.
    const role = {
      type: 'OpportunityPersonRole',
      attribList: attribs({ PersonId: '2', Role: 'Buyer' }),
      associationList: { mObjAssociation: [{ mObjType: 'Opportunity', externalKey: { name: 'CRM', value: 'opp-1' } }] },
    };
    const second = await sync('UPSERT', { ...deal, attribList: attribs({ Stage: 'Won' }) }, role, {
      ...deal,
      attribList: attribs({ Stage: 'Won' }),
    });
    expect(second.map((status) => [status.id, status.status])).toEqual([
      [1, 'UPDATED'],
      [1, 'CREATED'],
      [1, 'UNCHANGED'],
    ]);
    expect((await sync('INSERT', deal))[0]?.status).toBe('SKIPPED');
    expect((await sync('UPDATE', { type: 'Opportunity', id: 42, attribList: attribs({ Name: 'x' }) }))[0]).toEqual({
      id: 42,
      status: 'SKIPPED',
    });

    const byKey = await get({ type: 'Opportunity', externalKey: { name: 'CRM', value: 'opp-1' } });
    expect(byKey).toMatchObject({ returnCount: 1, hasMore: false });
    expect([valueOf(byKey.objects[0], 'Name'), valueOf(byKey.objects[0], 'Stage')]).toEqual(['Deal', 'Won']);
    const criteria = { mObjCriteria: [{ attrName: 'Amount', comparison: 'GE' as const, attrValue: '50' }] };
    expect((await get({ type: 'Opportunity', mObjCriteriaList: criteria })).returnCount).toBe(1);
    const roles = await get({
      type: 'OpportunityPersonRole',
      mObjAssociationList: { mObjAssociation: [{ mObjType: 'Lead', id: 2 }] },
    });
    expect(roles.objects.map((object) => [valueOf(object, 'OpportunityId'), valueOf(object, 'Role')])).toEqual([
      ['1', 'Buyer'],
    ]);

    const { result } = await mock.client.deleteMObjects({
      mObjectList: {
        mObject: [
          { type: 'Opportunity', id: 1 },
          { type: 'Opportunity', id: 1 },
        ],
      },
    });
    expect(result.mObjStatusList.mObjStatus?.map((status) => status.status)).toEqual(['DELETED', 'UNCHANGED']);
    expect((await get({ type: 'OpportunityPersonRole' })).returnCount).toBe(0);
  });

  it('fails the objects it cannot sync, one by one', async () => {
    const statuses = await sync(
      'UPSERT',
      { type: 'Opportunity', attribList: attribs({ Amount: '5' }) },
      { type: 'Opportunity', attribList: attribs({ Name: 'ok', Colour: 'red' }) },
      { type: 'OpportunityPersonRole', attribList: attribs({ OpportunityId: '7', PersonId: '1' }) },
      { type: 'Lead', attribList: attribs({ Name: 'x' }) },
      { type: 'Opportunity', attribList: attribs({ Name: 'fine' }) },
    );
    expect(statuses.map((status) => status.status)).toEqual(['FAILED', 'FAILED', 'FAILED', 'FAILED', 'CREATED']);
    expect(statuses[0]?.error).toContain('Name');
  });

  it('pages by 100 with hasMore, and a position that is never empty', async () => {
    for (let start = 0; start < 150; start += 100) {
      const batch = Array.from({ length: Math.min(100, 150 - start) }, (_, index) => ({
        type: 'Opportunity',
        attribList: attribs({ Name: `Deal ${start + index}` }),
      }));
      await sync('INSERT', ...batch);
    }
    const one = await get({ type: 'Opportunity' });
    const two = await get({ type: 'Opportunity', streamPosition: one.newStreamPosition });
    expect([one.returnCount, one.hasMore, two.returnCount, two.hasMore]).toEqual([100, true, 50, false]);
    expect(two.newStreamPosition).not.toBe('');
    expect(new Set([...one.objects, ...two.objects].map((object) => object.id)).size).toBe(150);
    expect(
      await faultCode(
        mock.client.syncMObjects({
          operation: 'INSERT',
          mObjectList: { mObject: Array.from({ length: 101 }, () => ({ type: 'Opportunity' })) },
        }),
      ),
    ).toBe(20110);
  });
});

describe('programs', () => {
  it('are read with tags (and tokens and costs with includeDetails) and updated with costs and tags', async () => {
    const plain = await get({ type: 'Program' });
    expect(plain.objects.map((object) => object.id)).toEqual([1001]);
    expect(plain.objects[0]?.typeAttribList?.typeAttrib?.map((typeAttrib) => typeAttrib.attrType)).toEqual(['Tag']);
    expect(valueOf(plain.objects[0], 'Workspace Name')).toBe('Default');

    const update = await sync('UPDATE', {
      type: 'Program',
      id: 1001,
      typeAttribList: {
        typeAttrib: [
          { attrType: 'Cost', attrList: attribs({ Month: '2026-06', Amount: '250', Note: 'ads' }) },
          { attrType: 'Tag', attrList: attribs({ Type: 'Region', Value: 'EMEA' }) },
        ],
      },
    });
    expect(update).toEqual([{ id: 1001, status: 'UPDATED' }]);
    const detailed = await get({ type: 'Program', id: 1001, includeDetails: true });
    expect(
      detailed.objects[0]?.typeAttribList?.typeAttrib?.map((typeAttrib) => [
        typeAttrib.attrType,
        typeAttrib.attrList?.attrib?.map((attrib) => attrib.value),
      ]),
    ).toEqual([
      ['Tag', ['Channel', 'Webinar']],
      ['Tag', ['Region', 'EMEA']],
      ['Token', ['{{my.title}}', 'Spring']],
      ['Cost', ['1', '2026-06-01', '250', 'ads']],
    ]);
    const criteria = (attrName: string, comparison: 'EQ' | 'LE', attrValue: string) => ({
      mObjCriteria: [{ attrName, comparison, attrValue }],
    });
    expect((await get({ type: 'Program', mObjCriteriaList: criteria('Tag Value', 'EQ', 'EMEA') })).returnCount).toBe(1);
    expect(
      (await get({ type: 'Program', mObjCriteriaList: criteria('Include Archive', 'EQ', 'true') })).returnCount,
    ).toBe(2);
    expect((await sync('UPSERT', { type: 'Program', id: 1001 }))[0]?.status).toBe('FAILED');
    const unknownTag = { typeAttrib: [{ attrType: 'Tag', attrList: attribs({ Type: 'Region', Value: 'Mars' }) }] };
    expect((await sync('UPDATE', { type: 'Program', id: 1001, typeAttribList: unknownTag }))[0]?.status).toBe('FAILED');
    expect(
      await faultCode(mock.client.getMObjects({ type: 'Program', mObjCriteriaList: criteria('Colour', 'EQ', 'x') })),
    ).toBe(20110);
    expect(await faultCode(mock.client.getMObjects({ type: 'Lead' }))).toBe(20110);
  });
});
