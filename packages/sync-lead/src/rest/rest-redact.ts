// Redaction for the REST transport: the client secret and every access token the client has held are
// blanked wherever they appear, and so is anything shaped like a credential (`client_secret=...`,
// `access_token` values, `Bearer ...`), even a token the client never saw (e.g. one a server echoes).
import { REDACTED } from '../redact.js';

const CREDENTIAL_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/(client_secret=)[^&\s"']*/gi, `$1${REDACTED}`],
  [/(access_token=)[^&\s"']*/gi, `$1${REDACTED}`],
  [/("access_token"\s*:\s*")(?:[^"\\]|\\.)*(")/gi, `$1${REDACTED}$2`],
  [/(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`],
];

/** The secrets of one REST client: the client secret, and tokens as they are issued. */
export interface RestSecrets {
  /** Remembers a token to blank (the provider calls it for each token it receives). */
  readonly addToken: (token: string) => void;
  /** Blanks every known secret and every credential-shaped value in `text`. */
  readonly redact: (text: string) => string;
}

/** Creates the secret keeper of a client with `clientSecret`. */
export function createRestSecrets(clientSecret: string): RestSecrets {
  const needles = new Set<string>(clientSecret === '' ? [] : [clientSecret, encodeURIComponent(clientSecret)]);
  return {
    addToken(token: string): void {
      if (token !== '') needles.add(token);
    },
    redact(text: string): string {
      let redacted = text;
      // Longest first, so a secret that contains another is blanked whole.
      for (const needle of [...needles].sort((a, b) => b.length - a.length)) redacted = redacted.split(needle).join(REDACTED);
      for (const [pattern, replacement] of CREDENTIAL_PATTERNS) redacted = redacted.replace(pattern, replacement);
      return redacted;
    },
  };
}
