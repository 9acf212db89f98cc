// The default offset comes from the machine zone. Each zone runs in its own node process with TZ set,
// because the zone of a running process is not something a test should change under other tests.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TranspiledPackage } from './support/transpiled-package.js';
import { transpilePackage } from './support/transpiled-package.js';

let transpiled: TranspiledPackage;
beforeAll(() => {
  transpiled = transpilePackage();
});
afterAll(() => transpiled.remove());

/** formatTimestamp(instant) (no offset) and createAuthenticationHeader's timestamp, in a process running in `zone`. */
function formatInZone(zone: string, instants: readonly string[]): { formatted: string[]; headerTimestamps: string[] } {
  const entry = pathToFileURL(join(transpiled.esmDir, 'index.js')).href;
  const script = `
    const { formatTimestamp, createAuthenticationHeader } = await import(${JSON.stringify(entry)});
    const instants = ${JSON.stringify(instants)}.map((iso) => new Date(iso));
    const formatted = instants.map((date) => formatTimestamp(date));
    const headerTimestamps = instants.map((date) =>
      createAuthenticationHeader({ userId: 'u', secretKey: 'k', now: () => date }).requestTimestamp);
    process.stdout.write(JSON.stringify({ formatted, headerTimestamps }));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
  });
  return JSON.parse(output) as { formatted: string[]; headerTimestamps: string[] };
}

const CASES: { zone: string; title: string; expected: Record<string, string> }[] = [
  {
    zone: 'America/Los_Angeles',
    title: 'spring forward (2024-03-10 02:00 PST) and fall back (2024-11-03 02:00 PDT)',
    expected: {
      '2024-03-10T09:59:59.999Z': '2024-03-10T01:59:59-08:00',
      '2024-03-10T10:00:00.000Z': '2024-03-10T03:00:00-07:00',
      '2024-11-03T08:59:59.000Z': '2024-11-03T01:59:59-07:00',
      '2024-11-03T09:00:00.000Z': '2024-11-03T01:00:00-08:00',
      '2013-07-31T19:38:47.000Z': '2013-07-31T12:38:47-07:00',
      '2024-01-01T07:59:59.000Z': '2023-12-31T23:59:59-08:00',
    },
  },
  {
    zone: 'Europe/Stockholm',
    title: 'spring forward (2024-03-31 02:00 CET) and fall back (2024-10-27 03:00 CEST)',
    expected: {
      '2024-03-31T00:59:59.000Z': '2024-03-31T01:59:59+01:00',
      '2024-03-31T01:00:00.000Z': '2024-03-31T03:00:00+02:00',
      '2024-10-27T00:59:59.000Z': '2024-10-27T02:59:59+02:00',
      '2024-10-27T01:00:00.000Z': '2024-10-27T02:00:00+01:00',
      '2023-12-31T23:00:00.000Z': '2024-01-01T00:00:00+01:00',
    },
  },
  {
    zone: 'America/St_Johns',
    title: 'half-hour zone with DST (-03:30 / -02:30)',
    expected: {
      '2024-01-15T12:00:00.000Z': '2024-01-15T08:30:00-03:30',
      '2024-07-15T12:00:00.000Z': '2024-07-15T09:30:00-02:30',
    },
  },
  {
    zone: 'Asia/Kathmandu',
    title: 'quarter-hour zone (+05:45)',
    expected: { '2024-12-31T18:15:00.000Z': '2025-01-01T00:00:00+05:45' },
  },
  {
    zone: 'Pacific/Kiritimati',
    title: '+14:00',
    expected: { '2024-12-31T10:00:00.000Z': '2025-01-01T00:00:00+14:00' },
  },
  {
    zone: 'UTC',
    title: 'UTC prints +00:00',
    expected: { '2024-12-31T23:59:59.900Z': '2024-12-31T23:59:59+00:00' },
  },
];

describe('formatTimestamp and createAuthenticationHeader in the machine zone', () => {
  it.each(CASES)('$zone: $title', ({ zone, expected }) => {
    const instants = Object.keys(expected);
    const { formatted, headerTimestamps } = formatInZone(zone, instants);
    expect(formatted).toEqual(Object.values(expected));
    expect(headerTimestamps).toEqual(Object.values(expected));
  });
});
