// Marketo's day for the daily API quota. Marketo documents that the quota "resets at 00:00 CST" and
// stamps its own times in US Central time (-06:00 in winter, -05:00 in summer), so the day is the
// calendar date in America/Chicago and it turns at local midnight: 06:00 UTC in winter, 05:00 UTC
// in summer. Both the client's quota and mktows-mock's count by this day, so that they reset together.

/** The IANA time zone whose midnight starts Marketo's quota day. */
export const MARKETO_QUOTA_TIME_ZONE = 'America/Chicago';

// Built on first use: an Intl formatter costs a few ms to create, and nothing here runs at import.
let dateFormat: Intl.DateTimeFormat | undefined;

function chicagoParts(epochMs: number): { day: string; hour: number } {
  dateFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: MARKETO_QUOTA_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(dateFormat.formatToParts(epochMs).map((part) => [part.type, part.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

function epochMsOf(time: Date | number): number {
  const epochMs = typeof time === 'number' ? time : time.getTime();
  if (!Number.isFinite(epochMs)) throw new RangeError('time must be a valid Date or a finite number of epoch milliseconds');
  return epochMs;
}

/**
 * The quota day that `time` falls in: its calendar date in US Central time, as `YYYY-MM-DD`.
 *
 * @param time - a Date or epoch milliseconds
 * @throws RangeError for an invalid Date or a non-finite number
 *
 * @example
 * ```ts
 * marketoQuotaDay(new Date('2030-06-02T04:59:59Z')); // '2030-06-01' (23:59:59 CDT)
 * marketoQuotaDay(new Date('2030-06-02T05:00:00Z')); // '2030-06-02'
 * ```
 */
export function marketoQuotaDay(time: Date | number): string {
  return chicagoParts(epochMsOf(time)).day;
}

/**
 * When the quota day of `time` ends and the quota resets: the next midnight in US Central time.
 *
 * @param time - a Date or epoch milliseconds
 * @throws RangeError for an invalid Date or a non-finite number
 */
export function nextMarketoQuotaReset(time: Date | number): Date {
  const epochMs = epochMsOf(time);
  const [year, month, day] = chicagoParts(epochMs).day.split('-').map(Number) as [number, number, number];
  // Chicago's midnight is 05:00 UTC (daylight time) or 06:00 UTC (standard time); US clocks change at
  // 02:00 local, never at midnight, so exactly one of the two is local midnight of the next day.
  for (const utcHour of [5, 6]) {
    const candidate = Date.UTC(year, month - 1, day + 1, utcHour);
    if (chicagoParts(candidate).hour === 0) return new Date(candidate);
  }
  throw new RangeError(`no midnight found in ${MARKETO_QUOTA_TIME_ZONE} after ${new Date(epochMs).toISOString()}`);
}
