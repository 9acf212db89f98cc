// Every value the package returns or throws, serialised every way a log or trace would, must not contain
// the secret key. The export list is pinned so that a new export has to be added here too.
import { inspect } from 'node:util';

import { describe, expect, it } from 'vitest';

import * as auth from '../src/index.js';

const SECRET = 'Sup3rS3cretK3y-\u00e9\u{1F511}';
// Distinctive fragments too, so a partial or re-encoded leak is caught.
const SECRET_FRAGMENTS = [
  SECRET,
  'Sup3rS3cret',
  'S3cretK3y',
  encodeURIComponent(SECRET),
  Buffer.from(SECRET).toString('hex'),
  Buffer.from(SECRET).toString('base64'),
];
const USER = 'bigcorp1_461839624B16E06BA2D663';
const TIMESTAMP = '2013-07-31T12:38:47-07:00';
const now = (): Date => new Date('2013-07-31T19:38:47Z');

type Outcome = { returned: unknown } | { thrown: unknown };

async function outcome(run: () => unknown): Promise<Outcome> {
  try {
    return { returned: await run() };
  } catch (thrown) {
    return { thrown };
  }
}

function renderings(value: unknown): string[] {
  const texts = [
    inspect(value, { depth: Infinity, showHidden: true }),
    inspect(value, { depth: Infinity, showHidden: true, customInspect: false }),
    String(value),
  ];
  try {
    texts.push(JSON.stringify(value) ?? '');
  } catch {
    // a value JSON cannot represent cannot leak through JSON either
  }
  if (value instanceof Error) {
    texts.push(value.stack ?? '', value.message, JSON.stringify(Object.getOwnPropertyDescriptors(value)));
  }
  if (typeof value === 'object' && value !== null) {
    texts.push(
      JSON.stringify(Object.getOwnPropertyNames(value).map((key) => String((value as Record<string, unknown>)[key]))),
    );
  }
  return texts;
}

const credentials = auth.createCredentials({ userId: USER, secretKey: SECRET });

// Each call returns or throws; the bad ones put the secret where a careless message would echo it.
const CALLS: Record<string, () => unknown> = {
  createCredentials: () => auth.createCredentials({ userId: USER, secretKey: SECRET }),
  'createCredentials, secret with lone surrogate': () =>
    auth.createCredentials({ userId: USER, secretKey: `${SECRET}\uD800` }),
  'createCredentials, secret given as userId': () =>
    auth.createCredentials({ userId: `${SECRET}\u0000`, secretKey: SECRET }),
  'createCredentials, secret as object': () =>
    auth.createCredentials({ userId: USER, secretKey: { value: SECRET } as never }),
  signRequest: () => auth.signRequest({ userId: USER, secretKey: SECRET, timestamp: TIMESTAMP }),
  'signRequest with credentials': () => auth.signRequest({ credentials, timestamp: TIMESTAMP }),
  'signRequest, bad timestamp': () => auth.signRequest({ userId: USER, secretKey: SECRET, timestamp: SECRET }),
  'signRequest, bad userId': () => auth.signRequest({ userId: '', secretKey: SECRET, timestamp: TIMESTAMP }),
  'signRequest, credentials plus key': () => auth.signRequest({ credentials, secretKey: SECRET, timestamp: TIMESTAMP }),
  'signRequest, fake credentials': () =>
    auth.signRequest({ credentials: { userId: USER, secretKey: SECRET } as never, timestamp: TIMESTAMP }),
  'signRequest, secret with control char': () =>
    auth.signRequest({ userId: USER, secretKey: `${SECRET}\uDFFF`, timestamp: TIMESTAMP }),
  signRequestAsync: () => auth.signRequestAsync({ userId: USER, secretKey: SECRET, timestamp: TIMESTAMP }),
  'signRequestAsync, bad timestamp': () =>
    auth.signRequestAsync({ userId: USER, secretKey: SECRET, timestamp: `x${SECRET}` }),
  createAuthenticationHeader: () => auth.createAuthenticationHeader({ userId: USER, secretKey: SECRET, now }),
  'createAuthenticationHeader(credentials)': () => auth.createAuthenticationHeader(credentials),
  'createAuthenticationHeader, bad clock': () =>
    auth.createAuthenticationHeader({ userId: USER, secretKey: SECRET, now: () => new Date(SECRET) }),
  'createAuthenticationHeader, bad offset': () =>
    auth.createAuthenticationHeader({ credentials, offsetMinutes: SECRET as never }),
  'createAuthenticationHeader, bad clockOffsetMs': () =>
    auth.createAuthenticationHeader({ credentials, clockOffsetMs: SECRET as never }),
  'createAuthenticationHeader, clock throws': () =>
    auth.createAuthenticationHeader({ credentials, now: SECRET as never }),
  createAuthenticationHeaderAsync: () => auth.createAuthenticationHeaderAsync({ userId: USER, secretKey: SECRET, now }),
  'createAuthenticationHeaderAsync, bad userId': () =>
    auth.createAuthenticationHeaderAsync({ userId: 7 as never, secretKey: SECRET }),
  createContextHeader: () => auth.createContextHeader('Europe'),
  'createContextHeader, secret as workspace': () => auth.createContextHeader(`${SECRET}\u0001`),
  formatTimestamp: () => auth.formatTimestamp(now(), -420),
  'formatTimestamp, bad date': () => auth.formatTimestamp(SECRET as never),
  parseTimestamp: () => auth.parseTimestamp(TIMESTAMP),
  'parseTimestamp, secret as text': () => auth.parseTimestamp(SECRET),
  computeClockOffsetMs: () => auth.computeClockOffsetMs('Wed, 31 Jul 2013 19:38:47 GMT', now()),
  'computeClockOffsetMs, secret as time': () => auth.computeClockOffsetMs(SECRET),
  'new ValidationError': () => new auth.ValidationError('secretKey', 'must not be empty'),
  'Credentials.isCredentials': () => auth.Credentials.isCredentials(credentials),
};

describe('no secret key in anything the package returns or throws', () => {
  it('covers every export of both entry points', async () => {
    const webcrypto = await import('../src/webcrypto.js');
    expect(Object.keys(auth).sort()).toEqual([
      'Credentials',
      'MAX_OFFSET_MINUTES',
      'ValidationError',
      'computeClockOffsetMs',
      'createAuthenticationHeader',
      'createAuthenticationHeaderAsync',
      'createContextHeader',
      'createCredentials',
      'formatTimestamp',
      'parseTimestamp',
      'signRequest',
      'signRequestAsync',
    ]);
    expect(Object.keys(webcrypto).every((name) => name in auth)).toBe(true);
  });

  it.each(Object.entries(CALLS))('%s', async (_title, call) => {
    const result = await outcome(call);
    const value = 'returned' in result ? result.returned : result.thrown;
    for (const text of renderings(value)) {
      for (const fragment of SECRET_FRAGMENTS) expect(text).not.toContain(fragment);
    }
  });

  it('the bad calls really throw ValidationErrors (so their messages were inspected)', async () => {
    const failing = Object.entries(CALLS).filter(([title]) => title.includes(','));
    for (const [title, call] of failing) {
      const result = await outcome(call);
      expect('thrown' in result ? result.thrown : undefined, title).toBeInstanceOf(auth.ValidationError);
    }
  });

  it('the renderings would catch a leak (control)', () => {
    const leaky = new Error(`bad key ${SECRET}`);
    expect(renderings(leaky).some((text) => text.includes(SECRET))).toBe(true);
    expect(renderings({ secretKey: SECRET }).some((text) => text.includes(SECRET))).toBe(true);
  });
});
