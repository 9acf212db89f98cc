// Authentication exactly as Marketo: the known user, an HMAC-SHA1 signature over timestamp + user id,
// 20014 when anything is wrong, 20016 when the timestamp is more than 15 minutes off the server's clock.
// Faults have the shape of the documentation's fault-20014.response.xml and come with HTTP 500.
import { formatTimestamp, signRequest } from '@org/mktows-auth';
import { describe, expect, it } from 'vitest';

import { syncLead } from './support/raw-calls.js';
import { authenticationHeaderXml, envelope, postSoap, TEST_SECRET, TEST_USER } from './support/soap-http.js';
import { useTestServer } from './support/test-server.js';
import { canonicalXml, describeWithShared, docsFixture } from '@org/test-support';

const MINUTE = 60_000;
const SERVER_NOW = Date.parse('2030-03-14T15:09:26Z');

const mock = useTestServer({ clock: () => SERVER_NOW }, { reset: false });

function headerAt(ms: number, overrides: { userId?: string; secretKey?: string; signature?: string } = {}): string {
  return authenticationHeaderXml({ timestamp: formatTimestamp(new Date(ms), -420), ...overrides });
}

describe('authentication', () => {
  it('accepts a request signed with the known user’s key (timestamp in any zone)', async () => {
    for (const offset of [-420, 0, 330]) {
      const header = authenticationHeaderXml({ timestamp: formatTimestamp(new Date(SERVER_NOW), offset) });
      expect(await syncLead(mock.server.url, { Email: 'ok@example.com' }, { header })).toMatchObject({
        status: expect.stringMatching(/CREATED|UPDATED/),
      });
    }
  });

  it.each([
    ['a wrong signature', () => headerAt(SERVER_NOW, { secretKey: 'not-the-key' })],
    ['an unknown user', () => headerAt(SERVER_NOW, { userId: 'someone_else_123' })],
    [
      'an upper-case signature (Marketo compares lowercase hex)',
      () => {
        const timestamp = formatTimestamp(new Date(SERVER_NOW), 0);
        return authenticationHeaderXml({
          timestamp,
          signature: signRequest({ userId: TEST_USER, secretKey: TEST_SECRET, timestamp }).toUpperCase(),
        });
      },
    ],
    [
      'a timestamp without zone',
      () => {
        const timestamp = '2030-03-14T15:09:26';
        return authenticationHeaderXml({
          timestamp,
          signature: signRequest({ userId: TEST_USER, secretKey: TEST_SECRET, timestamp: `${timestamp}Z` }),
        });
      },
    ],
    [
      'a signature for another timestamp',
      () =>
        authenticationHeaderXml({
          timestamp: formatTimestamp(new Date(SERVER_NOW), 0),
          signature: signRequest({
            userId: TEST_USER,
            secretKey: TEST_SECRET,
            timestamp: formatTimestamp(new Date(SERVER_NOW - 1000), 0),
          }),
        }),
    ],
    ['no AuthenticationHeader at all', () => ''],
  ])('answers 20014 for %s', async (_case, header) => {
    expect(await syncLead(mock.server.url, { Email: 'no@example.com' }, { header: header() })).toMatchObject({
      httpStatus: 500,
      fault: { code: 20014, faultstring: '20014 - Authentication failed', message: 'Authentication failed (20014)' },
    });
  });

  it.each([
    ['16 minutes old', -16 * MINUTE],
    ['16 minutes in the future', 16 * MINUTE],
    ['a day old', -1440 * MINUTE],
  ])('answers 20016 for a correctly signed timestamp %s', async (_case, skew) => {
    expect(
      await syncLead(mock.server.url, { Email: 'late@example.com' }, { header: headerAt(SERVER_NOW + skew) }),
    ).toMatchObject({
      httpStatus: 500,
      fault: { code: 20016, faultstring: '20016 - Request Expired', message: 'Request Expired (20016)' },
    });
  });

  it.each([-14, 14])('accepts a timestamp %i minutes off', async (minutes) => {
    expect(
      await syncLead(mock.server.url, { Email: 'near@example.com' }, { header: headerAt(SERVER_NOW + minutes * MINUTE) }),
    ).toMatchObject({
      status: expect.stringMatching(/CREATED|UPDATED/),
    });
  });

  it('sends the server’s clock in the HTTP Date header (so a client can correct its clock after 20016)', async () => {
    const answer = await postSoap(
      mock.server.url,
      'syncLead',
      envelope('<ns1:paramsSyncLead/>', headerAt(SERVER_NOW - 60 * MINUTE)),
    );
    expect(answer.headers.get('date')).toBe(new Date(SERVER_NOW).toUTCString());
  });

  it('writes nothing for a refused request, and never echoes the secret key or the signature', async () => {
    mock.server.reset();
    const header = headerAt(SERVER_NOW, { secretKey: 'not-the-key' });
    const signature = /<requestSignature>([^<]+)</.exec(header)?.[1] ?? 'missing';
    const answer = await postSoap(
      mock.server.url,
      'syncLead',
      envelope(
        '<ns1:paramsSyncLead><leadRecord><Email>x@example.com</Email></leadRecord><returnLead>false</returnLead></ns1:paramsSyncLead>',
        header,
      ),
    );
    expect(answer.status).toBe(500);
    expect(answer.text).not.toContain(TEST_SECRET);
    expect(answer.text).not.toContain(signature);
    expect(mock.server.leads()).toEqual([]);
  });
});

describeWithShared('fault shape', () => {
  it('is the documentation’s fault-20014.response.xml, element for element', async () => {
    const answer = await postSoap(
      mock.server.url,
      'syncLead',
      envelope('<ns1:paramsSyncLead/>', headerAt(SERVER_NOW, { secretKey: 'wrong' })),
    );
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(canonicalXml(answer.text)).toEqual(canonicalXml(docsFixture('fault-20014.response.xml')));
  });
});
