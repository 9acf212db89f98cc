// Brand shared by every copy of this class (ESM and CJS builds, duplicated installs), so `instanceof`
// keeps working when a caller's error came from the other build (the dual-package hazard).
const VALIDATION_ERROR_BRAND = Symbol.for('@org/mktows-auth.ValidationError');

/**
 * Thrown when an input is missing or malformed, before anything is signed or sent.
 *
 * `field` names the input (for example `userId`, `secretKey`, `timestamp`) and `rule` states what it
 * must satisfy. The message names both and never contains the offending value, so a secret key cannot
 * leak through a message, a stack trace or a serialised error.
 *
 * @example
 * ```ts
 * try {
 *   signRequest({ userId: '', secretKey, timestamp });
 * } catch (error) {
 *   if (error instanceof ValidationError) console.error(error.field, error.rule);
 * }
 * ```
 */
export class ValidationError extends Error {
  /** The input that failed, e.g. `userId`, `secretKey`, `timestamp`, `targetWorkspace`. */
  readonly field: string;
  /** What the input must satisfy, e.g. `must not be empty`. */
  readonly rule: string;

  /**
   * @param field - the name of the input that failed
   * @param rule - what the input must satisfy, phrased to follow the field name ("must not be empty")
   */
  constructor(field: string, rule: string) {
    super(`Invalid ${field}: ${rule}`);
    this.field = field;
    this.rule = rule;
  }

  /**
   * `error instanceof ValidationError` is true for a ValidationError from any copy of this package
   * (the ESM and the CJS build are two copies). Subclasses keep the ordinary prototype check.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== ValidationError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && VALIDATION_ERROR_BRAND in value;
  }
}

// On the prototype rather than the instance: the stack trace's first line is computed inside
// Error's constructor, before subclass fields exist, and should read "ValidationError: ...".
Object.defineProperty(ValidationError.prototype, 'name', {
  value: 'ValidationError',
  writable: true,
  enumerable: false,
  configurable: true,
});
Object.defineProperty(ValidationError.prototype, VALIDATION_ERROR_BRAND, { value: true });
