import { describe, expect, it } from 'vitest';

import { formatTimestamp, parseTimestamp, ValidationError } from '../src/index.js';

const W3C_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe('formatTimestamp with an explicit offset', () => {
  const instant = new Date('2013-07-31T19:38:47.999Z');

  it.each([
    [-420, '2013-07-31T12:38:47-07:00'],
    [0, '2013-07-31T19:38:47+00:00'],
    [-0, '2013-07-31T19:38:47+00:00'],
    [-210, '2013-07-31T16:08:47-03:30'],
    [330, '2013-08-01T01:08:47+05:30'],
    [345, '2013-08-01T01:23:47+05:45'],
    [840, '2013-08-01T09:38:47+14:00'],
    [-720, '2013-07-31T07:38:47-12:00'],
    [-570, '2013-07-31T10:08:47-09:30'],
  ])('offset %d minutes gives %s', (offsetMinutes, expected) => {
    expect(formatTimestamp(instant, offsetMinutes)).toBe(expected);
  });

  it('prints a zero offset as +00:00, never Z or -00:00', () => {
    for (const offset of [0, -0]) {
      const text = formatTimestamp(new Date(Date.UTC(2020, 0, 1)), offset);
      expect(text).toBe('2020-01-01T00:00:00+00:00');
      expect(text).not.toContain('Z');
    }
  });

  it('never emits milliseconds: they are truncated, not rounded', () => {
    expect(formatTimestamp(new Date('2013-07-31T19:38:47.999Z'), 0)).toBe('2013-07-31T19:38:47+00:00');
    expect(formatTimestamp(new Date('2013-07-31T19:38:47.001Z'), 0)).toBe('2013-07-31T19:38:47+00:00');
    expect(formatTimestamp(new Date('1969-12-31T23:59:59.500Z'), 0)).toBe('1969-12-31T23:59:59+00:00');
  });

  it('rolls the day forward and back across midnight', () => {
    expect(formatTimestamp(new Date('2024-06-15T22:30:00Z'), 330)).toBe('2024-06-16T04:00:00+05:30');
    expect(formatTimestamp(new Date('2024-06-15T02:00:00Z'), -210)).toBe('2024-06-14T22:30:00-03:30');
  });

  it('rolls the year forward and back', () => {
    expect(formatTimestamp(new Date('2023-12-31T10:15:00Z'), 840)).toBe('2024-01-01T00:15:00+14:00');
    expect(formatTimestamp(new Date('2024-01-01T11:59:59Z'), -720)).toBe('2023-12-31T23:59:59-12:00');
    expect(formatTimestamp(new Date('2024-01-01T00:00:00Z'), 345)).toBe('2024-01-01T05:45:00+05:45');
  });

  it('handles leap days and month ends', () => {
    expect(formatTimestamp(new Date('2024-02-28T23:00:00Z'), 60)).toBe('2024-02-29T00:00:00+01:00');
    expect(formatTimestamp(new Date('2023-02-28T23:00:00Z'), 60)).toBe('2023-03-01T00:00:00+01:00');
    expect(formatTimestamp(new Date('2024-03-01T00:30:00Z'), -60)).toBe('2024-02-29T23:30:00-01:00');
  });

  it('pads years below 1000 to four digits', () => {
    const date = new Date(Date.UTC(2000, 0, 1));
    date.setUTCFullYear(999);
    expect(formatTimestamp(date, 0)).toBe('0999-01-01T00:00:00+00:00');
  });

  it('round-trips through parseTimestamp to the same second for every offset', () => {
    const instant = new Date('2031-11-02T08:09:10Z');
    for (let offset = -840; offset <= 840; offset += 15) {
      const text = formatTimestamp(instant, offset);
      expect(text).toMatch(W3C_WITH_OFFSET);
      expect(parseTimestamp(text).getTime()).toBe(instant.getTime());
    }
  });

  it.each([
    [Number.NaN, 'offsetMinutes'],
    [1.5, 'offsetMinutes'],
    [841, 'offsetMinutes'],
    [-841, 'offsetMinutes'],
    [Infinity, 'offsetMinutes'],
  ])('rejects offset %s with a ValidationError naming %s', (offset, field) => {
    expect(() => formatTimestamp(new Date(), offset)).toThrow(ValidationError);
    expect(() => formatTimestamp(new Date(), offset)).toThrow(expect.objectContaining({ field }));
  });

  it('rejects invalid dates and non-dates, naming the field', () => {
    const invalid = [new Date(Number.NaN), '2013-07-31T12:38:47-07:00', 0, null, undefined];
    for (const value of invalid) {
      expect(() => formatTimestamp(value as Date, 0)).toThrow(
        expect.objectContaining({ name: 'ValidationError', field: 'date' }),
      );
    }
  });

  it('rejects instants whose local year leaves 0001-9999', () => {
    expect(() => formatTimestamp(new Date('9999-12-31T23:00:00Z'), 120)).toThrow(
      expect.objectContaining({ field: 'date' }),
    );
    expect(() => formatTimestamp(new Date(8.64e15), 0)).toThrow(expect.objectContaining({ field: 'date' }));
  });
});

describe('formatTimestamp with the machine zone', () => {
  it('uses the machine offset at that instant when no offset is given', () => {
    const instant = new Date('2024-07-01T12:00:00Z');
    expect(formatTimestamp(instant)).toBe(formatTimestamp(instant, -instant.getTimezoneOffset()));
    expect(formatTimestamp(instant)).toMatch(W3C_WITH_OFFSET);
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['2013-07-31T12:38:47-07:00', '2013-07-31T19:38:47.000Z'],
    ['2013-07-31T19:38:47+00:00', '2013-07-31T19:38:47.000Z'],
    ['2013-07-31T19:38:47Z', '2013-07-31T19:38:47.000Z'],
    ['2013-07-31T19:38:47.25Z', '2013-07-31T19:38:47.250Z'],
    ['2024-01-01T05:45:00+05:45', '2024-01-01T00:00:00.000Z'],
    ['2024-02-29T00:00:00+14:00', '2024-02-28T10:00:00.000Z'],
    ['0050-06-01T00:00:00+00:00', '0050-06-01T00:00:00.000Z'],
  ])('parses %s', (text, iso) => {
    expect(parseTimestamp(text).toISOString()).toBe(iso);
  });

  it.each([
    '2013-07-31T12:38:47',
    '2013-07-31 12:38:47-07:00',
    '2013-07-31T12:38-07:00',
    '2013-7-31T12:38:47-07:00',
    '2013-13-01T00:00:00+00:00',
    '2013-00-01T00:00:00+00:00',
    '2023-02-29T00:00:00+00:00',
    '2013-04-31T00:00:00+00:00',
    '2013-07-31T24:00:00+00:00',
    '2013-07-31T12:60:00+00:00',
    '2013-07-31T12:00:60+00:00',
    '2013-07-31T12:00:00+14:01',
    '2013-07-31T12:00:00+05:60',
    '2013-07-31T12:00:00-0700',
    '0000-01-01T00:00:00+00:00',
    '',
    ' 2013-07-31T12:38:47-07:00',
    '2013-07-31T12:38:47-07:00\n',
    'Wed, 31 Jul 2013 19:38:47 GMT',
  ])('rejects %j with a ValidationError naming the timestamp', (text) => {
    expect(() => parseTimestamp(text)).toThrow(
      expect.objectContaining({
        name: 'ValidationError',
        field: 'timestamp',
        rule: expect.stringMatching(/W3C date-time/),
      }),
    );
  });
});
