// The project's own typed client (@org/mktows-types' createMktowsClient, what @org/sync-lead builds on)
// against the mock: headers, workspaces, returnLead, lists and faults as that client sees them.
import { createAuthenticationHeader, createContextHeader } from '@org/mktows-auth';
import { createMktowsClient } from '@org/mktows-types';
import { describe, expect, it } from 'vitest';

import { TEST_SECRET, TEST_USER } from './support/soap-http.js';
import { useTestServer } from './support/test-server.js';

const mock = useTestServer({ workspaces: { workspaces: [{ name: 'EMEA', primaryPartition: 'EMEA Leads' }] } }, { reset: false });

function client(secretKey = TEST_SECRET, workspace?: string) {
  return createMktowsClient({
    endpoint: mock.server.url,
    headers: () => ({
      AuthenticationHeader: createAuthenticationHeader({ userId: TEST_USER, secretKey }),
      ...(workspace ? { MktowsContextHeader: createContextHeader(workspace) } : {}),
    }),
  });
}

describe('with createMktowsClient', () => {
  it('syncLead with a context header and returnLead=true', async () => {
    const emea = await client(TEST_SECRET, 'EMEA');
    const { result } = await emea.syncLead({
      leadRecord: {
        Email: 'typed@example.com',
        leadAttributeList: { attribute: [{ attrName: 'LeadScore', attrValue: '7' }] },
      },
      returnLead: true,
    });
    expect(result.syncStatus).toMatchObject({ status: 'CREATED', leadId: result.leadId });
    expect(result.leadRecord).toMatchObject({
      Id: result.leadId,
      Email: 'typed@example.com',
      leadAttributeList: { attribute: [{ attrName: 'LeadScore', attrType: 'integer', attrValue: '7' }] },
    });
    expect(mock.server.leads()).toEqual([
      expect.objectContaining({ id: result.leadId, workspace: 'EMEA', partition: 'EMEA Leads' }),
    ]);
  });

  it('syncMultipleLeads and getLead, one-element lists as arrays', async () => {
    const plain = await client();
    const { result } = await plain.syncMultipleLeads({
      leadRecordList: { leadRecord: [{ Email: 'one@example.com' }] },
      dedupEnabled: true,
    });
    expect(result.syncStatusList.syncStatus).toEqual([expect.objectContaining({ status: 'CREATED' })]);
    const found = await plain.getLead({ leadKey: { keyType: 'EMAIL', keyValue: 'one@example.com' } });
    expect(found.result.count).toBe(1);
    expect(found.result.leadRecordList?.leadRecord).toEqual([expect.objectContaining({ Email: 'one@example.com' })]);
  });

  it('sees a Marketo fault as soap’s rejection, with the code in the fault detail', async () => {
    const wrongKey = await client('wrong-key');
    const rejection: unknown = await wrongKey
      .getLead({ leadKey: { keyType: 'IDNUM', keyValue: '1' } })
      .catch((error: unknown) => error);
    expect(rejection).toMatchObject({
      root: {
        Envelope: {
          Body: {
            Fault: {
              faultcode: 'SOAP-ENV:Client',
              faultstring: '20014 - Authentication failed',
              detail: { serviceException: { code: expect.anything() } },
            },
          },
        },
      },
    });
  });
});
