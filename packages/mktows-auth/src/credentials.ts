import { requireText } from './validate-text.js';
import { ValidationError } from './validation-error.js';

const REDACTED = '[redacted]';

/** What a {@link Credentials} object serialises to: the user id and a placeholder for the key. */
export interface RedactedCredentials {
  /** The Marketo SOAP user id. */
  userId: string;
  /** Always the placeholder `[redacted]`. */
  secretKey: '[redacted]';
}

// Set once by Credentials' static block: the only ways to build one and to read the private key.
// Neither is exported from the package entry points.
let readSecretKey: (credentials: Credentials) => string;
let constructCredentials: (userId: string, secretKey: string) => Credentials;

/**
 * A Marketo SOAP user id with its secret key, made by {@link createCredentials}.
 *
 * The key lives in a private field: it is not an own property, so `JSON.stringify`, `String`,
 * `util.inspect`, `console.log`, spreading and `structuredClone` never show it. Pass the object itself
 * wherever a `{ userId, secretKey }` pair is accepted, as `{ credentials }`.
 */
export class Credentials {
  /** The Marketo SOAP user id (`mktowsUserId`). Not secret. */
  readonly userId: string;
  readonly #secretKey: string;

  static {
    readSecretKey = (credentials) => credentials.#secretKey;
    constructCredentials = (userId, secretKey) => new Credentials(userId, secretKey);
  }

  /** Use {@link createCredentials}, which validates its input. */
  private constructor(userId: string, secretKey: string) {
    this.userId = userId;
    this.#secretKey = secretKey;
    Object.freeze(this);
  }

  /** True when `value` was made by {@link createCredentials} (in this copy of the package). */
  static isCredentials(value: unknown): value is Credentials {
    return typeof value === 'object' && value !== null && #secretKey in value;
  }

  /** `Credentials(userId=...)`, without the key. */
  toString(): string {
    return `Credentials(userId=${this.userId}, secretKey=${REDACTED})`;
  }

  /** `{ userId, secretKey: '[redacted]' }`: what `JSON.stringify` shows. */
  toJSON(): RedactedCredentials {
    return { userId: this.userId, secretKey: REDACTED };
  }

  /**
   * What Node's `util.inspect` and `console.log` show. Keyed by the registered symbol rather than
   * `util.inspect.custom` so the package needs no `node:util` and stays runtime-agnostic.
   */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Credentials { userId: ${JSON.stringify(this.userId)}, secretKey: ${JSON.stringify(REDACTED)} }`;
  }

  /** What Deno's `Deno.inspect` and `console.log` show. */
  [Symbol.for('Deno.customInspect')](): string {
    return this.toString();
  }
}

/**
 * Holds a user id and secret key so that the key cannot be printed or serialised by accident.
 *
 * @param pair - `userId`: the Marketo SOAP user id; `secretKey`: its encryption key
 * @throws {@link ValidationError} when either is not a non-blank, well-formed string
 *
 * @example
 * ```ts
 * const credentials = createCredentials({ userId: process.env.MARKETO_USER_ID!, secretKey: process.env.MARKETO_SECRET_KEY! });
 * console.log(credentials); // Credentials { userId: "bigcorp1_...", secretKey: "[redacted]" }
 * createAuthenticationHeader({ credentials });
 * ```
 */
export function createCredentials(pair: { userId: string; secretKey: string }): Credentials {
  if (typeof pair !== 'object' || pair === null) {
    throw new ValidationError('credentials', 'must be an object with userId and secretKey');
  }
  const userId = requireText('userId', pair.userId, { inXml: true });
  const secretKey = requireText('secretKey', pair.secretKey, { inXml: false });
  return constructCredentials(userId, secretKey);
}

/** A user id and secret key given directly. */
export interface UserIdAndSecretKey {
  /** The Marketo SOAP user id (`mktowsUserId`). */
  userId: string;
  /** The secret (encryption) key of that user. */
  secretKey: string;
}

/** Credentials made by {@link createCredentials}. */
export interface CredentialsHolder {
  /** Made by {@link createCredentials}. */
  credentials: Credentials;
}

/** Either a `{ userId, secretKey }` pair or `{ credentials }` from {@link createCredentials}. */
export type CredentialsSource = UserIdAndSecretKey | CredentialsHolder;

/** A validated pair, for this package's signers only. */
interface ResolvedCredentials {
  readonly userId: string;
  readonly secretKey: string;
}

/** Validates a {@link CredentialsSource} and returns the user id and key it names. */
export function resolveCredentials(source: unknown): ResolvedCredentials {
  if (typeof source !== 'object' || source === null) {
    throw new ValidationError('options', 'must be an object with userId and secretKey, or with credentials');
  }
  if (Credentials.isCredentials(source)) {
    return { userId: source.userId, secretKey: readSecretKey(source) };
  }
  const given = source as Partial<UserIdAndSecretKey & CredentialsHolder>;
  if (given.credentials !== undefined) {
    if (given.userId !== undefined || given.secretKey !== undefined) {
      throw new ValidationError('credentials', 'must not be combined with userId or secretKey; pass one or the other');
    }
    if (!Credentials.isCredentials(given.credentials)) {
      throw new ValidationError(
        'credentials',
        'must be made by createCredentials() of the same build of @org/mktows-auth (its ESM and CJS builds are separate copies)',
      );
    }
    return { userId: given.credentials.userId, secretKey: readSecretKey(given.credentials) };
  }
  return {
    userId: requireText('userId', given.userId, { inXml: true }),
    secretKey: requireText('secretKey', given.secretKey, { inXml: false }),
  };
}
