// The HTTP side: the endpoint path, GET ?wsdl, and Marketo faults for requests that are not mktows calls.
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { DEFAULT_ENDPOINT_PATH } from '../src/index.js';
import { leadRecordXml } from './support/raw-calls.js';
import { envelope, faultCodeOf, MKTOWS_NS, parseXml, postSoap, textOf } from './support/soap-http.js';
import { startTestServer, useTestServer } from './support/test-server.js';

const mock = useTestServer({ maxRequestBytes: 64 * 1024 }, { reset: false });

const syncLeadXml = () =>
  envelope(
    `<ns1:paramsSyncLead>${leadRecordXml({ Email: 'http@example.com' })}<returnLead>false</returnLead></ns1:paramsSyncLead>`,
  );

describe('HTTP endpoint', () => {
  it('listens on loopback at Marketo’s endpoint path', () => {
    expect(mock.server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${DEFAULT_ENDPOINT_PATH}$`));
    expect(mock.server.wsdlUrl).toBe(`${mock.server.url}?wsdl`);
  });

  it('serves the WSDL with this mock.server as the service address', async () => {
    const response = await fetch(mock.server.wsdlUrl);
    expect(response.status).toBe(200);
    const wsdl = parseXml(await response.text());
    expect(wsdl.getAttribute('targetNamespace')).toBe(MKTOWS_NS);
    expect(
      wsdl.getElementsByTagNameNS('http://schemas.xmlsoap.org/wsdl/soap/', 'address')[0]?.getAttribute('location'),
    ).toBe(mock.server.url);
  });

  it('answers 404 off the endpoint path and 405 for other methods', async () => {
    expect((await fetch(new URL('/other', mock.server.url))).status).toBe(404);
    const put = await fetch(mock.server.url, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });

  it('dispatches by the body element when there is no SOAPAction header', async () => {
    const response = await fetch(mock.server.url, {
      method: 'POST',
      body: syncLeadXml(),
      headers: { 'Content-Type': 'text/xml' },
    });
    expect(response.status).toBe(200);
    expect(textOf(parseXml(await response.text()), 'status')).toMatch(/CREATED|UPDATED/);
  });

  it('accepts a gzip-compressed request', async () => {
    const response = await fetch(mock.server.url, {
      method: 'POST',
      body: gzipSync(syncLeadXml()),
      headers: { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip', SOAPAction: `${MKTOWS_NS}syncLead` },
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ['a body that is not XML', 'syncLead', 'hello, world'],
    ['an envelope without a known body element', 'syncLead', envelope('<ns1:paramsNothing/>')],
    [
      'a document that declares entities (never expanded)',
      'syncLead',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
        envelope(
          `<ns1:paramsSyncLead>${leadRecordXml({ Email: '&b;' })}<returnLead>false</returnLead></ns1:paramsSyncLead>`,
        ).replace('<?xml version="1.0" encoding="UTF-8"?>', ''),
    ],
  ])('answers 20012 (Request Not Understood) for %s', async (_case, operation, body) => {
    const answer = await postSoap(mock.server.url, operation, body);
    expect(answer.status).toBe(500);
    expect(faultCodeOf(answer)).toBe(20012);
  });

  it('answers 20012 for a body over maxRequestBytes', async () => {
    const answer = await postSoap(
      mock.server.url,
      'syncLead',
      syncLeadXml().replace('http@example.com', 'x'.repeat(70 * 1024)),
    );
    expect(faultCodeOf(answer)).toBe(20012);
  });

  it('answers 20019 (Unsupported Operation) for an operation the WSDL does not define', async () => {
    expect(faultCodeOf(await postSoap(mock.server.url, 'deleteEverything', envelope('<ns1:paramsDeleteEverything/>')))).toBe(
      20019,
    );
  });

  it('authenticates every operation of the WSDL before it answers', async () => {
    const params = '<ns1:paramsGetCampaignsForSource><source>MKTOWS</source></ns1:paramsGetCampaignsForSource>';
    const signed = await postSoap(mock.server.url, 'getCampaignsForSource', envelope(params));
    expect(signed.status).toBe(200);
    expect(textOf(parseXml(signed.text), 'returnCount')).toBe('0');
    expect(faultCodeOf(await postSoap(mock.server.url, 'getCampaignsForSource', envelope(params, '')))).toBe(20014);
  });

  it('counts calls per operation and faults per code', async () => {
    const before = mock.server.stats();
    await postSoap(mock.server.url, 'syncLead', syncLeadXml());
    await postSoap(mock.server.url, 'syncLead', 'not xml');
    const after = mock.server.stats();
    expect(after.requests - before.requests).toBe(2);
    expect((after.calls.syncLead ?? 0) - (before.calls.syncLead ?? 0)).toBe(1);
    expect((after.faults[20012] ?? 0) - (before.faults[20012] ?? 0)).toBe(1);
  });
});

describe('startMockServer options', () => {
  it.each([
    [{ userId: '' }, 'userId'],
    [{ secretKey: '   ' }, 'secretKey'],
    [{ port: 70_000 }, 'port'],
    [{ path: 'no-slash' }, 'path'],
    [{ fields: { Broken: 'blob' } }, 'fields.Broken'],
    [{ unknownAttributeInBatch: 'ignore' }, 'unknownAttributeInBatch'],
  ])('names the bad option in a ValidationError (%j)', async (options, field) => {
    await expect(startTestServer(options as never)).rejects.toMatchObject({ name: 'ValidationError', field });
  });

  it('never puts the secret key in a ValidationError', async () => {
    const error: unknown = await startTestServer({ secretKey: 'secret-value-xyz', port: -1 }).catch(
      (caught: unknown) => caught,
    );
    expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain('secret-value-xyz');
  });

  it('reset() empties the store and the counters, and Ids start again at firstLeadId', async () => {
    const numbered = await startTestServer({ firstLeadId: 1000 });
    try {
      const first = await postSoap(numbered.url, 'syncLead', syncLeadXml());
      expect(textOf(parseXml(first.text), 'leadId')).toBe('1000');
      numbered.reset();
      expect(numbered.leads()).toEqual([]);
      expect(numbered.stats()).toEqual({
        requests: 0,
        calls: {},
        faults: {},
        injected: { latency: 0, http503: 0, reset: 0, resetAfterCommit: 0, malformed: 0, marketo: {} },
        peakInFlight: 0,
        rest: { identityRequests: 0, requests: 0, calls: {}, errors: {}, httpErrors: {}, injected: {} },
      });
      const again = await postSoap(numbered.url, 'syncLead', syncLeadXml());
      expect(textOf(parseXml(again.text), 'leadId')).toBe('1000');
    } finally {
      await numbered.close();
    }
  });

  it('rejects when the port is taken', async () => {
    await expect(startTestServer({ port: mock.server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('serves on a custom path, and close() frees the port even with keep-alive connections open', async () => {
    const custom = await startTestServer({ path: '/mktows/' });
    expect(custom.url.endsWith('/mktows')).toBe(true);
    const response = await fetch(custom.url, {
      method: 'POST',
      body: syncLeadXml(),
      headers: { SOAPAction: 'syncLead' },
    });
    expect(response.status).toBe(200);
    await custom.close();
    await expect(fetch(custom.url, { method: 'POST', body: syncLeadXml() })).rejects.toThrow();
  });
});
