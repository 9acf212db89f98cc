import { ValidationError } from './validation-error.js';

// UTF-16 code units that are not half of a surrogate pair. A lone surrogate has no UTF-8 encoding:
// it would be replaced by U+FFFD before hashing and the signature would silently cover other bytes.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Characters XML 1.0 cannot carry (C0 controls except tab/LF/CR, U+FFFE, U+FFFF). Values that go
// into a SOAP header must be representable in it.
// eslint-disable-next-line no-control-regex
const NOT_XML_1_0_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Checks that `value` is a non-blank, well-formed string and returns it. The rule in a thrown error
 * names the value's type at most, never the value (it may be a secret key).
 */
export function requireText(field: string, value: unknown, options: { inXml: boolean }): string {
  if (typeof value !== 'string') {
    throw new ValidationError(field, `must be a string (got ${describeType(value)})`);
  }
  if (value.length === 0) throw new ValidationError(field, 'must not be empty');
  if (value.trim().length === 0) throw new ValidationError(field, 'must not be blank (only whitespace)');
  if (LONE_SURROGATE.test(value)) {
    throw new ValidationError(field, 'must be well-formed Unicode (it contains a lone surrogate)');
  }
  if (options.inXml && NOT_XML_1_0_CHAR.test(value)) {
    throw new ValidationError(field, 'must contain only characters XML 1.0 allows (no control characters)');
  }
  return value;
}
