// Redaction of secrets from text that leaves the client (traces, error messages).
import { escapeSoapText } from '@org/mktows-types';

/** What replaces a secret in redacted text. */
export const REDACTED = '[REDACTED]';

// <requestSignature>...</requestSignature> with any namespace prefix and any attributes.
const SIGNATURE_ELEMENT = /(<(?:[\w.-]+:)?requestSignature\b[^>]*>)[^<]*(<\/(?:[\w.-]+:)?requestSignature\s*>)/g;


/**
 * Builds a redactor that blanks every `requestSignature` element's text and every occurrence of the
 * given secrets (as they are and XML-escaped) in a piece of text.
 *
 * @param secrets - values that must never be shown (the secret key); empty strings are ignored
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const needles = [...new Set(secrets.filter((secret) => secret.length > 0).flatMap((secret) => [secret, escapeSoapText(secret)]))]
    // Longest first, so a secret that contains another is blanked whole.
    .sort((a, b) => b.length - a.length);
  return (text: string): string => {
    let redacted = text.replace(SIGNATURE_ELEMENT, `$1${REDACTED}$2`);
    for (const needle of needles) redacted = redacted.split(needle).join(REDACTED);
    return redacted;
  };
}
