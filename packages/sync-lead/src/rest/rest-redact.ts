// Redaction for the REST transport: the client secret (as is, URL-encoded, JSON-escaped) and every access
// token the client has held are blanked wherever they appear, and so is anything shaped like a credential
// (`client_secret=...`, `access_token` values, `Bearer ...`), even a token the client never saw (e.g. one a
// server echoes). Server text that goes into an error is also put on one line and cut short, as for SOAP.
import { MAX_SERVER_TEXT_CHARS, REDACTED, truncateText } from '../redact.js';

// Line breaks, tabs and other control characters: an error message is one line of plain text.
// eslint-disable-next-line no-control-regex
const CONTROL_RUNS = /[\s\u0000-\u001f\u007f-\u009f]+/g;

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
  /** Server text fit for an error: redacted, on one line, at most `MAX_SERVER_TEXT_CHARS` characters. */
  readonly serverText: (text: string) => string;
}

/** Creates the secret keeper of a client with `clientSecret`. */
export function createRestSecrets(clientSecret: string): RestSecrets {
  const needles = new Set<string>(
    clientSecret === '' ? [] : [clientSecret, encodeURIComponent(clientSecret), JSON.stringify(clientSecret).slice(1, -1)],
  );
  const redact = (text: string): string => {
    let redacted = text;
    // Longest first, so a secret that contains another is blanked whole.
    for (const needle of [...needles].sort((a, b) => b.length - a.length)) redacted = redacted.split(needle).join(REDACTED);
    for (const [pattern, replacement] of CREDENTIAL_PATTERNS) redacted = redacted.replace(pattern, replacement);
    return redacted;
  };
  return {
    addToken(token: string): void {
      if (token !== '') needles.add(token);
    },
    redact,
    // Redacted before it is cut, so a secret across the cut is never half shown.
    serverText: (text) => truncateText(redact(text).replace(CONTROL_RUNS, ' ').trim(), MAX_SERVER_TEXT_CHARS),
  };
}
