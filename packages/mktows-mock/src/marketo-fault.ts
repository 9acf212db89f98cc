// A Marketo SOAP fault raised by the mock: one of Marketo's documented codes plus an optional detail that
// says what exactly was wrong. Everything that renders or counts faults works from this one class.
import { findMarketoFaultCode } from '@org/mktows-types';

/** `SOAP-ENV:Server` for Marketo's internal errors (10001, 20011), `SOAP-ENV:Client` for everything else. */
type FaultCodeQName = 'SOAP-ENV:Client' | 'SOAP-ENV:Server';

const SERVER_SIDE_CODES = new Set([10001, 20011]);

/**
 * A documented Marketo fault, e.g. `new MarketoFault(20103, 'no lead with Id 42')`.
 *
 * - `faultString` is `"CODE - Message"` with the documented message (`"20103 - Lead Not Found"`);
 * - `detailMessage` is what Marketo put in `serviceException/message`: the documented message, the
 *   detail when there is one, and the code in parentheses (`"Lead Not Found: no lead with Id 42 (20103)"`).
 *
 * The detail is shown to clients, so it must never contain a secret (20014 carries none at all).
 */
export class MarketoFault extends Error {
  /** Marketo's numeric code (documented in `marketoFaultCodes` of `@org/mktows-types`). */
  readonly code: number;
  /** The documented short message for the code, e.g. `Lead Not Found`. */
  readonly documentedMessage: string;
  /** What exactly was wrong, for the client; `undefined` when the documented message says it all. */
  readonly detail: string | undefined;

  /**
   * @param code - a code documented by Marketo; anything else is a programming error and throws
   * @param detail - optional specifics shown to the client (never a secret)
   */
  constructor(code: number, detail?: string) {
    const documented = findMarketoFaultCode(code);
    if (!documented) throw new RangeError(`MarketoFault code ${code} is not one of Marketo's documented codes`);
    super(`${code} - ${documented.message}${detail ? `: ${detail}` : ''}`);
    this.name = 'MarketoFault';
    this.code = code;
    this.documentedMessage = documented.message;
    this.detail = detail;
  }

  /** `faultcode`: Server for Marketo's internal errors, Client otherwise. */
  get faultCode(): FaultCodeQName {
    return SERVER_SIDE_CODES.has(this.code) ? 'SOAP-ENV:Server' : 'SOAP-ENV:Client';
  }

  /** `faultstring`: `"CODE - Message"`, exactly as Marketo sends it. */
  get faultString(): string {
    return `${this.code} - ${this.documentedMessage}`;
  }

  /** `detail/serviceException/message`: `"Message (CODE)"`, or `"Message: detail (CODE)"`. */
  get detailMessage(): string {
    return `${this.documentedMessage}${this.detail ? `: ${this.detail}` : ''} (${this.code})`;
  }
}
