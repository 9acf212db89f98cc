// Deterministic pseudo-random signing vectors: the same seed gives the same vectors on every run,
// so a failure is reproducible. Strings mix scripts on purpose: UTF-8 encodes these in 1 to 4 bytes.

import { createHash } from 'node:crypto';

/** One signing input. */
export interface Vector {
  userId: string;
  secretKey: string;
  timestamp: string;
}

// A seeded stream of numbers in [0, 1): SHA-256 of the seed and a counter. Quality is irrelevant,
// reproducibility is the point (and it is independent of the PRNG the mock uses for its faults).
function seededRandom(seed: number): () => number {
  let counter = 0;
  return () => createHash('sha256').update(`${seed}:${counter++}`).digest().readUInt32BE(0) / 2 ** 32;
}

const ALPHABETS: readonly string[][] = [
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'],
  [...'äöüßéèñçøåÆÐþ¿¡'], // Latin-1: 2 bytes each
  [...'ΩΣλмегаключ'], // Greek, Cyrillic
  [...'日本語用户秘密鍵한국어'], // CJK, Hangul: 3 bytes each
  [...'عربيעברית'], // right-to-left scripts
  ['🔑', '🦊', '𝄞', '😀', '🗝\uFE0F'], // astral code points (surrogate pairs), 4 bytes; with a variation selector
  ['e\u0301', 'a\u0308', 'n\u0303'], // combining marks: not normalised, bytes signed as given
  [...' !"#$%&\'()*+,-./:;<=>?@[\\]^`{|}~'], // shell and XML metacharacters
];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function randomText(random: () => number, minLength: number, maxLength: number, scripts: readonly string[][]): string {
  const length = minLength + Math.floor(random() * (maxLength - minLength + 1));
  let text = '';
  for (let i = 0; i < length; i++) text += pick(random, pick(random, scripts));
  // Blank values are invalid input; anchor each with a letter so every vector is a valid one.
  return `u${text}`;
}

const OFFSETS = ['+00:00', '-03:30', '+05:30', '+05:45', '+14:00', '-12:00', '-07:00', '+09:00', 'Z', '-09:30'];

function randomTimestamp(random: () => number): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const year = 1970 + Math.floor(random() * 130);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const time = `${pad(Math.floor(random() * 24))}:${pad(Math.floor(random() * 60))}:${pad(Math.floor(random() * 60))}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${time}${pick(random, OFFSETS)}`;
}

/**
 * `count` vectors from `seed`. Every fourth is ASCII-only (like real Marketo ids); the rest mix all
 * scripts. Key lengths run past HMAC-SHA1's 64-byte block so the hashed-key path is covered too.
 */
export function generateVectors(count: number, seed = 20130731): Vector[] {
  const random = seededRandom(seed);
  const ascii = [ALPHABETS[0] ?? []];
  return Array.from({ length: count }, (_, index) => {
    const scripts = index % 4 === 0 ? ascii : ALPHABETS;
    return {
      userId: randomText(random, 0, 40, scripts),
      secretKey: randomText(random, 0, 120, scripts),
      timestamp: randomTimestamp(random),
    };
  });
}
