// Requests that would change data silently are refused instead: a body that is not UTF-8 (it used to
// be read with U+FFFD in place of the bytes) is fault 20012, and a field named __proto__, constructor or
// prototype (as an object key it changes the object: __proto__ was dropped and the call answered
// CREATED) is fault 20105 whatever the instance's field list, which cannot contain such a name.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';

import { defaultLeadFields, type MockServer } from '../src/index.js';
import { leadRecordXml, syncLead, syncMultipleLeads } from './support/raw-calls.js';
import { envelope, faultCodeOf, MKTOWS_NS, type SoapAnswer } from './support/soap-http.js';
import { startTestServer } from './support/test-server.js';

const servers: MockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<MockServer> {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

async function post(server: MockServer, body: Buffer, headers: Record<string, string> = {}): Promise<SoapAnswer> {
  const response = await fetch(server.url, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${MKTOWS_NS}syncLead"`, ...headers },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** A signed syncLead whose FirstName is `Malm` followed by `bytes`. */
function syncLeadWithBytes(bytes: number[]): Buffer {
  const [head, tail] = envelope(
    `<ns1:paramsSyncLead>${leadRecordXml({ Email: 'bytes@example.com', attributes: { City: 'Malm@' } })}<returnLead>false</returnLead></ns1:paramsSyncLead>`,
  ).split('@</attrValue>');
  return Buffer.concat([Buffer.from(head ?? ''), Buffer.from(bytes), Buffer.from(`</attrValue>${tail ?? ''}`)]);
}

describe('request bodies that are not UTF-8', () => {
  it('a valid body stores the text exactly (ö as UTF-8)', async () => {
    const server = await start();
    const answer = await post(server, syncLeadWithBytes([0xc3, 0xb6]));
    expect(answer.status).toBe(200);
    expect(server.leads()[0]?.attributes).toEqual({ City: 'Malmö' });
  });

  it.each([
    ['a Latin-1 byte', [0xf6]],
    ['a cut-off sequence', [0xc3]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
  ])('%s: fault 20012, nothing stored', async (_, bytes) => {
    const server = await start();
    const answer = await post(server, syncLeadWithBytes(bytes));
    expect(answer.status).toBe(500);
    expect(faultCodeOf(answer)).toBe(20012);
    expect(answer.text).toContain('not valid UTF-8');
    expect(server.leads()).toEqual([]);
  });

  it('the same inside a gzip-compressed body: fault 20012', async () => {
    const server = await start();
    const answer = await post(server, gzipSync(syncLeadWithBytes([0xff])), { 'Content-Encoding': 'gzip' });
    expect(faultCodeOf(answer)).toBe(20012);
    expect(server.leads()).toEqual([]);
  });
});

describe('field names that are not field names', () => {
  it.each(['__proto__', 'constructor', 'prototype'])(
    'syncLead with an attribute %s: fault 20105, nothing stored',
    async (name) => {
      const server = await start();
      const answer = await syncLead(server.url, {
        Email: 'proto@example.com',
        attributes: { [name]: 'x', FirstName: 'Ada' },
      });
      expect(answer).toMatchObject({ fault: { code: 20105 } });
      expect(server.leads()).toEqual([]);
    },
  );

  it('syncMultipleLeads in fail-record mode: that record fails with 20105, the others are stored', async () => {
    const server = await start({ unknownAttributeInBatch: 'fail-record' });
    const answer = await syncMultipleLeads(server.url, [
      { Email: 'ok@example.com', attributes: { FirstName: 'Ok' } },
      { Email: 'proto@example.com', attributes: { ['__proto__']: 'x' } },
    ]);
    expect(JSON.stringify(answer)).toContain('20105');
    expect(server.leads().map((lead) => lead.email)).toEqual(['ok@example.com']);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('the fields option cannot name a field %s', async (name) => {
    const fields = { ...defaultLeadFields };
    Object.defineProperty(fields, name, { value: 'string', enumerable: true });
    await expect(start({ fields })).rejects.toThrow(new RegExp(`fields\\.${name}.*cannot be a field name`));
  });
});
