import type { CredentialsSource } from './credentials.js';
import { resolveCredentials } from './credentials.js';
import { parseTimestamp } from './timestamp.js';
import { ValidationError } from './validation-error.js';

/** What {@link signRequest} signs: credentials plus the exact `requestTimestamp` text that will be sent. */
export type SignRequestInput = CredentialsSource & {
  /** The `requestTimestamp` sent alongside, e.g. `2013-07-31T12:38:47-07:00` (see `formatTimestamp`). */
  timestamp: string;
};

/** The key and the message of one signature, both as the strings whose UTF-8 bytes are hashed. */
interface SigningMaterial {
  readonly secretKey: string;
  readonly message: string;
}

/**
 * Validates a {@link SignRequestInput} and builds Marketo's signed message: `requestTimestamp + userId`.
 * The timestamp must be well-formed because Marketo rejects a header it cannot parse (and a typo here
 * would otherwise surface as a confusing 20014 authentication fault).
 */
export function signingMaterial(input: SignRequestInput): SigningMaterial {
  const { userId, secretKey } = resolveCredentials(input);
  const timestamp: unknown = input.timestamp;
  if (typeof timestamp !== 'string') {
    throw new ValidationError('timestamp', 'must be a string such as 2013-07-31T12:38:47-07:00 (use formatTimestamp)');
  }
  parseTimestamp(timestamp, 'timestamp');
  return { secretKey, message: timestamp + userId };
}

/** Lowercase hex of a digest: Marketo compares signatures as lowercase hex text. */
export function toLowerHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
