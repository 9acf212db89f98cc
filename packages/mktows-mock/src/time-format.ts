// Date-times between the wire, the state file and the instance (which keeps epoch milliseconds).
// Responses carry UTC with a numeric offset and second precision, as Marketo's examples do
// (`2013-07-09T16:44:28-05:00`); the state file keeps milliseconds (`toISOString()`), so a saved
// instance restarts exactly.

const W3C_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** Epoch milliseconds of a W3C date-time (`2013-07-09T16:44:28-05:00`; no zone means UTC), or undefined. */
export function parseW3CDateTime(text: string): number | undefined {
  const match = W3C_DATE_TIME.exec(text);
  if (!match) return undefined;
  const ms = Date.parse(match[1] === undefined ? `${text}Z` : text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A response date-time: UTC, second precision, numeric offset (`2026-08-01T10:00:00+00:00`). */
export function formatW3CDateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}

/** A state-file date-time: UTC with milliseconds (`2026-08-01T10:00:00.123Z`). */
export function formatStateDateTime(ms: number): string {
  return new Date(ms).toISOString();
}

const DAY_MS = 86_400_000;
let lastDay = { start: Number.NaN, text: '' };

/** `yyyy-MM-dd` in UTC, as activity attributes show dates (the last day's text is reused: most calls share it). */
export function formatDay(ms: number): string {
  const start = Math.floor(ms / DAY_MS) * DAY_MS;
  if (start !== lastDay.start) lastDay = { start, text: new Date(start).toISOString().slice(0, 10) };
  return lastDay.text;
}
