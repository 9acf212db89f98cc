// Records of the model are built with sorted keys, so two models of the same API serialise alike.
import { CodegenError } from '../errors.js';
import { localName } from './references.js';

/** A record of `entries` with sorted keys; a name declared twice is an error, not a silent overwrite. */
export function sortedRecord<T>(entries: readonly [string, T][], what: string, source: string): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [key, value] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (Object.hasOwn(record, key))
      throw new CodegenError(source, `${what} "${localName(key)}" is declared more than once`);
    // defineProperty: a name such as `__proto__` becomes a key like any other.
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return record;
}
