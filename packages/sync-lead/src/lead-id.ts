// Lead ids read from a response. A number that JavaScript cannot hold exactly (beyond 2^53 - 1, e.g.
// 99999999999999999999, which soap reads as 1e20) would name another lead: such an answer is refused.
import { InvalidResponseError } from './errors.js';

/**
 * The lead id in `value` (a number, or its text), `undefined` when there is none (absent, null, empty),
 * or an {@link InvalidResponseError} naming `where` when it is not an integer JavaScript holds exactly.
 */
export function readLeadId(value: unknown, where: string, httpStatus: number | undefined): number | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isSafeInteger(number)) return number;
  throw new InvalidResponseError(`${where} is not a lead id (an integer of at most 2^53 - 1)`, httpStatus);
}
