// syncLead's answers and stored values (returnLead, clearing fields, the configured field list), after real SOAP calls.
import { describe, expect, it } from 'vitest';

import { syncLead } from './support/raw-calls.js';
import { startTestServer, useTestServer } from './support/test-server.js';

const mock = useTestServer();

describe('syncLead values', () => {
  it('returnLead=true answers the stored record with attrType per attribute, attributes sorted by name', async () => {
    const answer = await syncLead(
      mock.server.url,
      {
        Email: 'full@example.com',
        ForeignSysPersonId: 'F-1',
        ForeignSysType: 'NETSUITE',
        attributes: {
          LeadScore: '62',
          Website: 'example.com',
          Unsubscribed: 'false',
          AnnualRevenue: '1.5',
          FirstName: 'Full',
        },
      },
      { returnLead: true },
    );
    expect(answer).toEqual({
      status: 'CREATED',
      leadId: 1,
      lead: {
        Id: 1,
        Email: 'full@example.com',
        ForeignSysPersonId: 'F-1',
        ForeignSysType: 'NETSUITE',
        attributes: [
          { name: 'AnnualRevenue', type: 'float', value: '1.5' },
          { name: 'FirstName', type: 'string', value: 'Full' },
          { name: 'LeadScore', type: 'integer', value: '62' },
          { name: 'Unsubscribed', type: 'boolean', value: 'false' },
          { name: 'Website', type: 'url', value: 'example.com' },
        ],
      },
    });
  });

  it('an empty value clears the field; an Email attribute sets the lead’s Email', async () => {
    const lead = mock.server.addLead({ email: 'before@example.com', attributes: { FirstName: 'A', City: 'Malmö' } });
    await syncLead(mock.server.url, { Id: lead.id, attributes: { City: '', Email: 'after@example.com' } });
    expect(mock.server.leads()).toEqual([
      expect.objectContaining({ email: 'after@example.com', attributes: { FirstName: 'A' } }),
    ]);
  });

  const tricky = {
    markup: 'a < b && c > d',
    cdataEnd: 'x ]]> y',
    quotes: `"double" and 'single'`,
    emoji: 'rocket 🚀 and family 👨‍👩‍👧',
    swedish: 'Åsa Öberg från Västerås, ärligt',
    long: 'x'.repeat(10_000),
  };
  it.each(Object.entries(tricky))('a %s value round-trips exactly', async (_name, value) => {
    const answer = await syncLead(
      mock.server.url,
      { Email: 'tricky@example.com', attributes: { Company: value } },
      { returnLead: true },
    );
    expect(answer).toMatchObject({ lead: { attributes: [{ name: 'Company', type: 'string', value }] } });
    expect(mock.server.leads()[0]?.attributes.Company).toBe(value);
  });
});

describe('configurable field list', () => {
  it('accepts exactly the configured fields', async () => {
    const custom = await startTestServer({ fields: { Favourite_Colour__c: 'string', Score__c: 'integer' } });
    try {
      expect(
        await syncLead(
          custom.url,
          { Email: 'c@example.com', attributes: { Favourite_Colour__c: 'blue' } },
          { returnLead: true },
        ),
      ).toMatchObject({
        status: 'CREATED',
        lead: { attributes: [{ name: 'Favourite_Colour__c', type: 'string', value: 'blue' }] },
      });
      expect(await syncLead(custom.url, { Email: 'c@example.com', attributes: { FirstName: 'A' } })).toMatchObject({
        fault: { code: 20105 },
      });
    } finally {
      await custom.close();
    }
  });
});
