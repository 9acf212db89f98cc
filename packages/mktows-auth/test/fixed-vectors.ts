// Signatures computed once with two independent tools (Python's hmac module and
// `openssl dgst -sha1 -mac HMAC -macopt hexkey:...`, which agreed on every one) and pinned here.
// Non-ASCII text is written as escapes so that no editor or normalisation can change the bytes.
import type { Vector } from './support/vectors.js';

/** A vector with the signature the independent tools computed. */
export interface PinnedVector extends Vector {
  /** What the vector exercises. */
  title: string;
  /** HMAC-SHA1, lowercase hex. */
  signature: string;
}

/** Marketo's documentation example shape (user id and timestamp from the docs; the key is Marketo's sample key). */
export const MARKETO_DOC_EXAMPLE: PinnedVector = {
  title: "Marketo's documented userId and timestamp, sample key",
  userId: 'bigcorp1_461839624B16E06BA2D663',
  secretKey: '899756834129871744AAEE88DDCC77CDEEDEC1AAAD66',
  timestamp: '2013-07-31T12:38:47-07:00',
  signature: '1d2760575a5f6ce1b44d7298cccc8d09c35705d7',
};

/** Pinned vectors: ASCII, non-ASCII user ids and keys, keys at and past the 64-byte HMAC block. */
export const PINNED_VECTORS: readonly PinnedVector[] = [
  MARKETO_DOC_EXAMPLE,
  {
    title: 'second documented user id (syncMultipleLeads sample)',
    userId: 'demo17_1_809934544BFABAE58E5D27',
    secretKey: '5G7nTzV2Lq8XmB4wK9rP1sD6fH3jY0cU',
    timestamp: '2013-08-01T18:22:30-07:00',
    signature: '2f6be56088a58296d0cc752d63308a065bacd2b7',
  },
  {
    title: 'the same instant written with +00:00 signs differently',
    userId: 'bigcorp1_461839624B16E06BA2D663',
    secretKey: '899756834129871744AAEE88DDCC77CDEEDEC1AAAD66',
    timestamp: '2013-07-31T19:38:47+00:00',
    signature: '68d3371ba33961dc2603f4383490ebd30dac2f0a',
  },
  {
    title: 'Latin-1 and CJK user id, Latin-1 and emoji key, +05:45',
    userId: 'm\u00fcller_\u00f1_\u65e5\u672c\u8a9e',
    secretKey: 'cl\u00e9-secr\u00e8te-\u{1F511}',
    timestamp: '2024-02-29T23:59:59+05:45',
    signature: '2c8a0f839ef1f2596a047de14a3db1afafb1f76b',
  },
  {
    title: 'Greek, Cyrillic, CJK, emoji with variation selector, -12:00',
    userId: '\u03a9\u043c\u0435\u0433\u0430-\u7528\u6237-\u{1F98A}',
    secretKey: '\u043a\u043b\u044e\u0447 \u79d8\u5bc6 \u{1F5DD}\uFE0F \u00e4',
    timestamp: '1999-12-31T23:59:59-12:00',
    signature: 'b2bb6ee283148e011f294476b6150eadf94fa47c',
  },
  {
    title: 'key of exactly 64 bytes (one HMAC block), +14:00',
    userId: 'x',
    secretKey: 'k'.repeat(64),
    timestamp: '2000-01-01T00:00:00+14:00',
    signature: 'bd53e0f18c70f1cefa1d96e5fd36f7741ef1e758',
  },
  {
    title: 'key of 65 bytes (hashed first), -03:30',
    userId: 'x',
    secretKey: 'k'.repeat(65),
    timestamp: '2000-01-01T00:00:00-03:30',
    signature: '9e087575c99a74c28afcc4cbf69a8f2f7629ebf2',
  },
  {
    title: 'long user id, key of 40 two-byte characters (80 bytes), +05:30',
    userId: `long_user_${'9'.repeat(100)}`,
    secretKey: '\u00e9'.repeat(40),
    timestamp: '2038-01-19T03:14:07+05:30',
    signature: '76f2e2a31f268df94ed68c1834720f3a4423a8da',
  },
];
