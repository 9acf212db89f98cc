// Stored text shaped like a CDATA section ("<![CDATA[...]]>"), which soap 1.13's serialiser writes
// unescaped, comes back in responses exactly as stored, and cannot inject elements into them.
import { describe, expect, it } from 'vitest';

import { getLead, syncLead } from './support/raw-calls.js';
import { useTestServer } from './support/test-server.js';

const INJECTION = '<![CDATA[]]></attrValue></attribute><attribute><attrName>Injected</attrName><attrValue><![CDATA[]]>';

const mock = useTestServer({}, { reset: false });

describe('text shaped like a CDATA section', () => {
  it('is read back exactly via getLead', async () => {
    const lead = mock.server.addLead({ email: '<![CDATA[x]]>', attributes: { Company: '<![CDATA[x]]>', Title: INJECTION } });
    const answer = await getLead(mock.server.url, 'IDNUM', String(lead.id));
    expect(answer).toMatchObject({
      count: 1,
      leads: [
        {
          Id: lead.id,
          Email: '<![CDATA[x]]>',
          attributes: [
            { name: 'Company', value: '<![CDATA[x]]>' },
            { name: 'Title', value: INJECTION },
          ],
        },
      ],
    });
    expect((answer as { text: string }).text).toContain('<attrValue>&lt;![CDATA[x]]&gt;</attrValue>');
  });

  it('is answered exactly by syncLead with returnLead', async () => {
    const answer = await syncLead(
      mock.server.url,
      { Email: 'returned@example.com', attributes: { Company: '<![CDATA[]]>' } },
      { returnLead: true },
    );
    expect(answer).toMatchObject({
      status: 'CREATED',
      lead: { attributes: [{ name: 'Company', value: '<![CDATA[]]>' }] },
    });
  });
});
