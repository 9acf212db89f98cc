import { describe, expect, it, vi } from 'vitest';

import {
  computeClockOffsetMs,
  createAuthenticationHeader,
  createContextHeader,
  createCredentials,
  formatTimestamp,
  signRequest,
} from '../src/index.js';
import { MARKETO_DOC_EXAMPLE } from './fixed-vectors.js';

const { userId, secretKey, signature } = MARKETO_DOC_EXAMPLE;
// 2013-07-31T12:38:47-07:00, with milliseconds that must not reach the timestamp.
const DOC_INSTANT = new Date('2013-07-31T19:38:47.999Z');

describe('createAuthenticationHeader', () => {
  it('is pinned exactly for a fixed clock and offset', () => {
    const header = createAuthenticationHeader({ userId, secretKey, now: () => DOC_INSTANT, offsetMinutes: -420 });
    expect(header).toStrictEqual({
      mktowsUserId: 'bigcorp1_461839624B16E06BA2D663',
      requestSignature: signature,
      requestTimestamp: '2013-07-31T12:38:47-07:00',
    });
  });

  it('pins the +00:00 form of the same instant', () => {
    const header = createAuthenticationHeader({ userId, secretKey, now: () => DOC_INSTANT, offsetMinutes: 0 });
    expect(header).toStrictEqual({
      mktowsUserId: userId,
      requestSignature: '68d3371ba33961dc2603f4383490ebd30dac2f0a',
      requestTimestamp: '2013-07-31T19:38:47+00:00',
    });
  });

  it('reads the clock exactly once per header', () => {
    const now = vi.fn(() => DOC_INSTANT);
    createAuthenticationHeader({ userId, secretKey, now, offsetMinutes: -420 });
    expect(now).toHaveBeenCalledTimes(1);
  });

  it('adds clockOffsetMs to the clock (a server ahead or behind)', () => {
    const ahead = createAuthenticationHeader({
      userId,
      secretKey,
      now: () => new Date('2013-07-31T19:30:00.000Z'),
      clockOffsetMs: 8 * 60_000 + 47_999,
      offsetMinutes: -420,
    });
    expect(ahead.requestTimestamp).toBe('2013-07-31T12:38:47-07:00');
    expect(ahead.requestSignature).toBe(signature);
    const behind = createAuthenticationHeader({
      userId,
      secretKey,
      now: () => new Date('2013-07-31T19:40:00.000Z'),
      clockOffsetMs: -73_000,
      offsetMinutes: -420,
    });
    expect(behind.requestTimestamp).toBe('2013-07-31T12:38:47-07:00');
  });

  it('uses a clock offset learned from an HTTP Date header', () => {
    const localNow = new Date('2013-07-31T19:20:00.000Z');
    const clockOffsetMs = computeClockOffsetMs('Wed, 31 Jul 2013 19:38:47 GMT', localNow);
    expect(clockOffsetMs).toBe(18 * 60_000 + 47_000);
    const header = createAuthenticationHeader({
      userId,
      secretKey,
      now: () => localNow,
      clockOffsetMs,
      offsetMinutes: -420,
    });
    expect(header.requestSignature).toBe(signature);
  });

  it('gives a fresh timestamp and signature on every call', () => {
    let tick = DOC_INSTANT.getTime();
    const now = (): Date => new Date((tick += 1000));
    const first = createAuthenticationHeader({ userId, secretKey, now, offsetMinutes: -420 });
    const second = createAuthenticationHeader({ userId, secretKey, now, offsetMinutes: -420 });
    expect(first.requestTimestamp).toBe('2013-07-31T12:38:48-07:00');
    expect(second.requestTimestamp).toBe('2013-07-31T12:38:49-07:00');
    expect(second.requestSignature).not.toBe(first.requestSignature);
    expect(second.requestSignature).toBe(signRequest({ userId, secretKey, timestamp: second.requestTimestamp }));
  });

  it('defaults to the real clock and the machine zone', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const header = createAuthenticationHeader({ userId, secretKey });
    const after = Date.now();
    const signedAt = new Date(header.requestTimestamp).getTime();
    expect(signedAt).toBeGreaterThanOrEqual(before);
    expect(signedAt).toBeLessThanOrEqual(after);
    expect(header.requestTimestamp).toBe(formatTimestamp(new Date(signedAt)));
    expect(header.requestSignature).toBe(signRequest({ userId, secretKey, timestamp: header.requestTimestamp }));
  });

  it('accepts credentials from createCredentials, as { credentials } or alone', () => {
    const credentials = createCredentials({ userId, secretKey });
    const expected = createAuthenticationHeader({ userId, secretKey, now: () => DOC_INSTANT, offsetMinutes: -420 });
    expect(createAuthenticationHeader({ credentials, now: () => DOC_INSTANT, offsetMinutes: -420 })).toStrictEqual(
      expected,
    );
    const alone = createAuthenticationHeader(credentials);
    expect(alone.mktowsUserId).toBe(userId);
    expect(alone.requestSignature).toBe(signRequest({ credentials, timestamp: alone.requestTimestamp }));
  });
});

describe('createContextHeader', () => {
  it('returns { targetWorkspace }', () => {
    expect(createContextHeader('Europe')).toStrictEqual({ targetWorkspace: 'Europe' });
    expect(createContextHeader('Espa\u00f1a \u65e5\u672c')).toStrictEqual({
      targetWorkspace: 'Espa\u00f1a \u65e5\u672c',
    });
  });
});

describe('computeClockOffsetMs', () => {
  const local = new Date('2013-07-31T19:38:47.000Z');

  it('is server minus local for a Date, an HTTP date and a W3C timestamp', () => {
    expect(computeClockOffsetMs(new Date('2013-07-31T19:38:50.500Z'), local)).toBe(3500);
    expect(computeClockOffsetMs('Wed, 31 Jul 2013 19:38:40 GMT', local)).toBe(-7000);
    expect(computeClockOffsetMs('2013-07-31T12:40:47-07:00', local)).toBe(120_000);
  });

  it('rejects times it cannot read, naming serverTime', () => {
    for (const bad of ['yesterday', 'Wed, 31 Jul 2013 19:38:40 PST', new Date(Number.NaN), '']) {
      expect(() => computeClockOffsetMs(bad, local)).toThrow(expect.objectContaining({ field: 'serverTime' }));
    }
  });
});
