// getLead reads the store syncLead writes, by every LeadKeyRef the mock supports.
import * as soap from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAuthenticationHeader } from '@org/mktows-auth';

import type { MockServer } from '../src/index.js';
import { getLead, syncLead } from './support/raw-calls.js';
import { childElements, findElement, MKTOWS_NS, parseXml, TEST_SECRET, TEST_USER } from './support/soap-http.js';
import { startTestServer } from './support/test-server.js';

let server: MockServer;
let ids: Record<string, number>;
beforeAll(async () => {
  server = await startTestServer();
  const write = async (record: Parameters<typeof syncLead>[1], cookie?: string) => {
    const answer = await syncLead(server.url, record, { cookie });
    if (!('leadId' in answer)) throw new Error('set-up syncLead failed');
    return answer.leadId;
  };
  ids = {
    rufus: await write(
      { Email: 'rufus@marketo.com', attributes: { FirstName: 'Travis', LeadScore: '62' } },
      'cookie-rufus',
    ),
    sfdc: await write({
      ForeignSysPersonId: '00Q000000000001',
      ForeignSysType: 'SFDC',
      attributes: { LastName: 'Sales' },
    }),
    fields: await write({
      Email: 'fields@example.com',
      attributes: {
        SFDCLeadId: '00Q000000000002',
        SFDCContactId: '003000000000001',
        SFDCAccountId: '001000000000001',
        SFDCLeadOwnerId: '005000000000001',
        SFDCOpptyId: '006000000000001',
        LeadOwnerEmailAddress: 'owner@example.com',
      },
    }),
  };
  // Email is not unique: a second lead with rufus's address, added directly.
  ids.rufusTwin = server.addLead({ email: 'RUFUS@marketo.com' }).id;
});
afterAll(() => server.close());

describe('getLead', () => {
  it.each([
    ['IDNUM', () => String(ids.sfdc), () => [ids.sfdc]],
    [
      'EMAIL (every lead with the address, case-insensitively)',
      () => 'rufus@MARKETO.com',
      () => [ids.rufus, ids.rufusTwin],
    ],
    ['COOKIE', () => 'cookie-rufus', () => [ids.rufus]],
    ['SFDCLEADID (an SFDC foreign id)', () => '00Q000000000001', () => [ids.sfdc]],
    ['SFDCLEADID (the SFDCLeadId field)', () => '00Q000000000002', () => [ids.fields]],
    ['SFDCCONTACTID', () => '003000000000001', () => [ids.fields]],
    ['SFDCACCOUNTID', () => '001000000000001', () => [ids.fields]],
    ['SFDCLEADOWNERID', () => '005000000000001', () => [ids.fields]],
    ['SFDCOPPTYID', () => '006000000000001', () => [ids.fields]],
    ['LEADOWNEREMAIL', () => 'owner@example.com', () => [ids.fields]],
  ])('finds leads by %s', async (label, value, expected) => {
    const keyType = label.split(' ')[0]!;
    const answer = await getLead(server.url, keyType, value());
    expect(answer).toMatchObject({ count: expected().length });
    expect((answer as { leads: Array<{ Id: number }> }).leads.map((lead) => lead.Id)).toEqual(expected());
  });

  it('answers what syncLead stored, with attrType per attribute and the Email as its own element', async () => {
    expect(await getLead(server.url, 'IDNUM', String(ids.rufus))).toMatchObject({
      count: 1,
      leads: [
        {
          Id: ids.rufus,
          Email: 'rufus@marketo.com',
          attributes: [
            { name: 'FirstName', type: 'string', value: 'Travis' },
            { name: 'LeadScore', type: 'integer', value: '62' },
          ],
        },
      ],
    });
  });

  it('serialises a one-lead answer as a list (leadRecordList/leadRecord)', async () => {
    const answer = await getLead(server.url, 'IDNUM', String(ids.sfdc));
    const list = findElement(parseXml((answer as { text: string }).text), 'leadRecordList')!;
    expect(childElements(list).map((child) => child.localName)).toEqual(['leadRecord']);
  });

  it.each([
    ['no lead matches', 'EMAIL', 'nobody@example.com', 20103],
    ['an IDNUM that is not a number matches nothing', 'IDNUM', 'abc', 20103],
    ['an unknown keyType', 'PHONE', '555', 20102],
    ['an empty keyValue', 'EMAIL', '', 20109],
  ])('%s: fault %i', async (_case, keyType, keyValue, code) => {
    expect(await getLead(server.url, keyType, keyValue)).toMatchObject({ httpStatus: 500, fault: { code } });
  });

  it('works with a plain soap client built from the server’s ?wsdl, one lead coming back as an array', async () => {
    const client = await soap.createClientAsync(server.wsdlUrl);
    client.addSoapHeader(
      () => ({ AuthenticationHeader: createAuthenticationHeader({ userId: TEST_USER, secretKey: TEST_SECRET }) }),
      '',
      'tns',
      MKTOWS_NS,
    );
    const [result] = (await client.getLeadAsync({ leadKey: { keyType: 'IDNUM', keyValue: String(ids.rufus) } })) as [
      { result: { count: number; leadRecordList: { leadRecord: unknown[] } } },
    ];
    expect(result.result.count).toBe(1);
    expect(result.result.leadRecordList.leadRecord).toEqual([
      {
        Id: ids.rufus,
        Email: 'rufus@marketo.com',
        leadAttributeList: {
          attribute: [
            { attrName: 'FirstName', attrType: 'string', attrValue: 'Travis' },
            { attrName: 'LeadScore', attrType: 'integer', attrValue: '62' },
          ],
        },
      },
    ]);
  });
});
