// Marketo's quota day: the calendar date in US Central time, turning at local midnight (05:00 UTC in
// daylight time, 06:00 UTC in standard time), across both clock changes.
import { describe, expect, it } from 'vitest';
import { marketoQuotaDay, nextMarketoQuotaReset } from '../src/index.js';

describe('marketoQuotaDay', () => {
  it.each([
    ['2030-06-02T00:00:01Z', '2030-06-01'], // 19:00 CDT: still the 1st, although UTC has turned
    ['2030-06-02T04:59:59.999Z', '2030-06-01'],
    ['2030-06-02T05:00:00Z', '2030-06-02'], // midnight CDT
    ['2030-01-15T05:59:59.999Z', '2030-01-14'],
    ['2030-01-15T06:00:00Z', '2030-01-15'], // midnight CST
  ])('%s falls in quota day %s', (instant, day) => {
    expect(marketoQuotaDay(new Date(instant))).toBe(day);
    expect(marketoQuotaDay(Date.parse(instant))).toBe(day);
  });

  it('refuses an invalid time instead of counting it in a day named NaN', () => {
    expect(() => marketoQuotaDay(new Date('not a date'))).toThrow(RangeError);
    expect(() => marketoQuotaDay(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('nextMarketoQuotaReset', () => {
  it.each([
    ['2030-06-01T12:00:00Z', '2030-06-02T05:00:00.000Z'], // summer: 00:00 CDT
    ['2030-01-14T12:00:00Z', '2030-01-15T06:00:00.000Z'], // winter: 00:00 CST
    ['2030-03-09T12:00:00Z', '2030-03-10T06:00:00.000Z'], // the night before clocks go forward (02:00 on the 10th)
    ['2030-03-10T12:00:00Z', '2030-03-11T05:00:00.000Z'], // the day they went forward
    ['2030-11-02T12:00:00Z', '2030-11-03T05:00:00.000Z'], // the night before clocks go back
    ['2030-11-03T12:00:00Z', '2030-11-04T06:00:00.000Z'],
    ['2030-06-02T05:00:00Z', '2030-06-03T05:00:00.000Z'], // at midnight itself: the next one
  ])('after %s the quota resets at %s', (instant, reset) => {
    expect(nextMarketoQuotaReset(new Date(instant)).toISOString()).toBe(reset);
  });

  it('is the first instant of the next quota day', () => {
    for (const instant of ['2030-03-09T12:00:00Z', '2030-11-02T12:00:00Z', '2030-07-04T23:30:00Z']) {
      const reset = nextMarketoQuotaReset(new Date(instant)).getTime();
      expect(marketoQuotaDay(reset - 1)).toBe(marketoQuotaDay(new Date(instant)));
      expect(marketoQuotaDay(reset)).not.toBe(marketoQuotaDay(new Date(instant)));
    }
  });
});
