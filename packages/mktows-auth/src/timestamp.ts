import { ValidationError } from './validation-error.js';

/** The largest zone offset XML Schema's dateTime allows, in minutes (14:00). */
export const MAX_OFFSET_MINUTES = 14 * 60;

const MS_PER_MINUTE = 60_000;

// W3C / XML Schema dateTime with a mandatory zone: 2013-07-31T12:38:47-07:00, optional fraction.
const W3C_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatOffset(offsetMinutes: number): string {
  // `>= 0` also holds for -0, so a zero offset prints as +00:00 (never Z, never -00:00).
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const magnitude = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(magnitude / 60), 2)}:${pad(magnitude % 60, 2)}`;
}

function requireValidDate(field: string, date: unknown): Date {
  if (!(date instanceof Date)) throw new ValidationError(field, 'must be a Date');
  if (Number.isNaN(date.getTime())) throw new ValidationError(field, 'must be a valid Date (got Invalid Date)');
  return date;
}

function requireOffsetMinutes(offsetMinutes: unknown): number {
  if (
    typeof offsetMinutes !== 'number' ||
    !Number.isInteger(offsetMinutes) ||
    Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES
  ) {
    throw new ValidationError(
      'offsetMinutes',
      `must be a whole number of minutes east of UTC between -${MAX_OFFSET_MINUTES} and ${MAX_OFFSET_MINUTES} (-14:00 to +14:00)`,
    );
  }
  return offsetMinutes;
}

/**
 * The machine zone's offset at `date`, in minutes east of UTC. `getTimezoneOffset` has the opposite
 * sign and is evaluated at that instant, so DST is honoured. Historical zones with second offsets
 * (local mean time) are rounded to a whole minute; the instant printed stays exact because the wall
 * time is derived from UTC plus that same rounded offset.
 */
function machineOffsetMinutes(date: Date): number {
  return Math.round(-date.getTimezoneOffset());
}

/**
 * Formats `date` as Marketo's `requestTimestamp`: `YYYY-MM-DDThh:mm:ss+hh:mm`.
 *
 * Milliseconds are dropped (truncated towards the past), and the zone is always written as an offset,
 * `+00:00` included, never `Z`.
 *
 * @param date - the instant to format
 * @param offsetMinutes - zone offset in minutes EAST of UTC (`-420` for `-07:00`, `330` for `+05:30`).
 *   Note the sign is the opposite of `Date#getTimezoneOffset()`. Defaults to the machine zone's offset
 *   at `date` (so DST is honoured).
 * @throws {@link ValidationError} when `date` is not a valid Date, `offsetMinutes` is not a whole number
 *   within ±14:00, or the local year falls outside 0001–9999
 *
 * @example
 * ```ts
 * formatTimestamp(new Date('2013-07-31T19:38:47.123Z'), -420); // '2013-07-31T12:38:47-07:00'
 * formatTimestamp(new Date('2013-07-31T19:38:47Z'), 0);        // '2013-07-31T19:38:47+00:00'
 * ```
 */
export function formatTimestamp(date: Date, offsetMinutes?: number): string {
  const instant = requireValidDate('date', date);
  const offset = offsetMinutes === undefined ? machineOffsetMinutes(instant) : requireOffsetMinutes(offsetMinutes);
  // Wall-clock fields are read with UTC getters from the shifted instant, never the machine zone's getters,
  // so the printed fields always agree with the printed offset.
  const wall = new Date(instant.getTime() + offset * MS_PER_MINUTE);
  const year = wall.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) {
    throw new ValidationError('date', 'must fall within the years 0001 to 9999 at the requested offset');
  }
  const fields =
    `${pad(year, 4)}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)}` +
    `T${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}:${pad(wall.getUTCSeconds(), 2)}`;
  return fields + formatOffset(offset);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function parseOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (minutes > 59) return undefined;
  const magnitude = hours * 60 + minutes;
  if (magnitude > MAX_OFFSET_MINUTES) return undefined;
  return zone.startsWith('-') ? -magnitude : magnitude;
}

/**
 * Parses a W3C date-time with a zone (`2013-07-31T12:38:47-07:00`, also `...Z` and fractional seconds,
 * as XML Schema's `dateTime` allows) into the instant it denotes. Useful to check a received
 * `requestTimestamp` for staleness.
 *
 * @param timestamp - the text to parse
 * @param field - the field name a {@link ValidationError} should carry (default `timestamp`)
 * @throws {@link ValidationError} when the text is not such a date-time or names an impossible date
 *   (month 13, 31 April, hour 24, an offset beyond ±14:00)
 *
 * @example
 * ```ts
 * parseTimestamp('2013-07-31T12:38:47-07:00').toISOString(); // '2013-07-31T19:38:47.000Z'
 * ```
 */
export function parseTimestamp(timestamp: string, field = 'timestamp'): Date {
  const malformed = (): ValidationError =>
    new ValidationError(
      field,
      'must be a W3C date-time with a zone offset, like 2013-07-31T12:38:47-07:00 (use formatTimestamp to make one)',
    );
  if (typeof timestamp !== 'string') throw malformed();
  const match = W3C_DATE_TIME.exec(timestamp);
  if (!match) throw malformed();
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fraction = '', zone = ''] = match;
  const [year, month, day, hour, minute, second] = [yearText, monthText, dayText, hourText, minuteText, secondText].map(
    Number,
  ) as [number, number, number, number, number, number];
  const offset = parseOffsetMinutes(zone);
  const valid =
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offset !== undefined;
  if (!valid) throw malformed();
  const milliseconds = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const wall = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, milliseconds);
  return new Date(wall.getTime() - offset * MS_PER_MINUTE);
}
