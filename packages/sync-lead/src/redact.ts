// Redaction of secrets from text that leaves the client (traces, error messages), and the one way
// server-supplied text enters an error: redacted, on one line, truncated. A server is not trusted to
// keep secrets out of what it answers: it may echo the request (signature and all) as markup or as
// escaped text, or a bare signature, or the secret key itself.
import { escapeSoapText } from '@org/mktows-types';

/** What replaces a secret in redacted text. */
export const REDACTED = '[REDACTED]';

/** Longest server-supplied text copied into an error (longer text is cut, with its length noted). */
export const MAX_SERVER_TEXT_CHARS = 300;

/** How many of this client's latest signatures are recognised anywhere in text (one per attempt). */
const REMEMBERED_SIGNATURES = 1024;

// <requestSignature>...</requestSignature> with any namespace prefix and attributes. The parts are bounded
// in length so that a hostile body full of unclosed tags cannot make the scan quadratic.
const SIGNATURE_ELEMENT =
  /(<(?:[\w.-]+:)?requestSignature\b[^>]{0,200}>)[^<]{0,200}(<\/(?:[\w.-]+:)?requestSignature\s*>)/g;
// The same element as escaped text (once or more: `&lt;`, `&amp;lt;`), as a server echoing an envelope writes it.
const ESCAPED_SIGNATURE_ELEMENT =
  /(&(?:amp;)*lt;(?:[\w.-]+:)?requestSignature\b(?:(?!&(?:amp;)*gt;)[^<>]){0,200}&(?:amp;)*gt;)[^<>&]{0,200}(&(?:amp;)*lt;\/(?:[\w.-]+:)?requestSignature\s*&(?:amp;)*gt;)/g;
// Runs of hex digits long enough to hold a signature (40 lowercase hex characters, HMAC-SHA1).
const HEX_RUN = /[0-9a-f]{40,}/gi;
// Line breaks, tabs and other control characters (C0, DEL, C1): an error message is one line of plain text,
// and a terminal must not receive a server's escape sequences.
// eslint-disable-next-line no-control-regex
const CONTROL_RUNS = /[\s\u0000-\u001f\u007f-\u009f]+/g;

/** Removes secrets from text; remembers the signatures the client sends so that echoes of them are found. */
export interface Redactor {
  /** `text` with every secret and every known or element-wrapped signature replaced by {@link REDACTED}. */
  readonly redact: (text: string) => string;
  /** Records a signature this client sent, so that a bare echo of it is redacted too. */
  readonly rememberSignature: (signature: string) => void;
  /** Server-supplied text fit for an error: redacted, control characters as spaces, at most {@link MAX_SERVER_TEXT_CHARS}. */
  readonly serverText: (text: string) => string;
}

/** `text` escaped as most XML writers escape character data: only `&`, `<` and `>`. */
function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The forms a secret can take in text a server sends back: as is, XML-escaped once or twice (as soap
 * escapes, or only the markup characters), JSON-escaped.
 */
function formsOf(secret: string): string[] {
  const forms = [secret];
  for (const escape of [escapeSoapText, escapeMarkup]) forms.push(escape(secret), escape(escape(secret)));
  forms.push(JSON.stringify(secret).slice(1, -1));
  return forms;
}

/** Cuts `text` to `max` characters (never inside a surrogate pair), noting how long it was. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}… (${text.length} characters)`;
}

/**
 * Builds the redactor of one client.
 *
 * @param secrets - values that must never be shown (the secret key); empty strings are ignored
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const needles = [...new Set(secrets.filter((secret) => secret.length > 0).flatMap(formsOf))]
    // Longest first, so a secret that contains another is blanked whole.
    .sort((a, b) => b.length - a.length);
  // The latest signatures sent, oldest overwritten first: remembering one is a single store per call
  // (a Set cost more than a microsecond per call); looking them up happens only when text is redacted.
  const sent: Array<string | undefined> = new Array<string | undefined>(REMEMBERED_SIGNATURES);
  let next = 0;
  let remembered = 0;

  const withoutKnownSignatures = (run: string): string => {
    let lower = run.toLowerCase();
    for (const signature of sent) {
      if (signature !== undefined && lower.includes(signature)) lower = lower.split(signature).join(REDACTED);
    }
    // Unchanged runs keep their letter case.
    return lower.includes(REDACTED) ? lower : run;
  };

  const redact = (text: string): string => {
    let redacted = text
      .replace(SIGNATURE_ELEMENT, `$1${REDACTED}$2`)
      .replace(ESCAPED_SIGNATURE_ELEMENT, `$1${REDACTED}$2`);
    if (remembered > 0) redacted = redacted.replace(HEX_RUN, withoutKnownSignatures);
    for (const needle of needles) {
      if (redacted.includes(needle)) redacted = redacted.split(needle).join(REDACTED);
    }
    return redacted;
  };

  return {
    redact,
    rememberSignature: (signature) => {
      // Signatures are lowercase hex (signRequest); the runs they are looked for in are lowercased.
      sent[next] = signature;
      next = (next + 1) % REMEMBERED_SIGNATURES;
      remembered += 1;
    },
    serverText: (text) => truncateText(redact(text).replace(CONTROL_RUNS, ' ').trim(), MAX_SERVER_TEXT_CHARS),
  };
}
