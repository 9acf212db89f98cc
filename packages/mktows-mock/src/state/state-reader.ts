// Reading a state object that came from outside (a JSON file, a test): every value is checked where it
// is read, and the first bad one throws a ValidationError naming its path (`state.leads[2].email`) and
// the rule. Unknown properties are refused too: a typo must not be silently ignored.
import { ValidationError } from '@org/mktows-auth';

import { parseW3CDateTime } from '../time-format.js';

/** A value and where it sits in the state. */
export class At {
  constructor(
    readonly path: string,
    readonly value: unknown,
  ) {}

  /** The value of property `name` of this object. */
  child(name: string): At {
    const record = this.value as Record<string, unknown> | undefined;
    return new At(`${this.path}.${name}`, record?.[name]);
  }

  /** Throws the ValidationError for this path. */
  fail(rule: string): never {
    throw new ValidationError(this.path, rule);
  }

  /** Whether the value is absent (undefined). */
  get absent(): boolean {
    return this.value === undefined;
  }

  /** The value as an object with only the `allowed` properties. */
  object(allowed: readonly string[]): this {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value))
      this.fail('must be an object');
    for (const key of Object.keys(this.value)) {
      if (!allowed.includes(key))
        this.child(key).fail(`is not a known property (expected one of ${allowed.join(', ')})`);
    }
    return this;
  }

  /** The items of an array (none when absent). */
  items(): At[] {
    if (this.value === undefined) return [];
    if (!Array.isArray(this.value)) this.fail('must be an array');
    return (this.value as unknown[]).map((item, index) => new At(`${this.path}[${index}]`, item));
  }

  /** A string (empty allowed only with `allowEmpty`). */
  string(allowEmpty = false): string {
    if (typeof this.value !== 'string') this.fail('must be a string');
    if (!allowEmpty && this.value === '') this.fail('must not be empty');
    return this.value;
  }

  /** A string or undefined. */
  optionalString(allowEmpty = false): string | undefined {
    return this.absent ? undefined : this.string(allowEmpty);
  }

  /** An integer from `min` up. */
  integer(min = 1): number {
    if (typeof this.value !== 'number' || !Number.isSafeInteger(this.value) || this.value < min) {
      this.fail(`must be an integer of at least ${min}`);
    }
    return this.value;
  }

  /** An integer from `min` up, or undefined. */
  optionalInteger(min = 1): number | undefined {
    return this.absent ? undefined : this.integer(min);
  }

  /** A finite number. */
  number(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail('must be a finite number');
    return this.value;
  }

  /** A boolean or undefined. */
  optionalBoolean(): boolean | undefined {
    if (this.absent) return undefined;
    if (typeof this.value !== 'boolean') this.fail('must be true or false');
    return this.value;
  }

  /** One of `values`. */
  oneOf<T extends string>(values: readonly T[]): T {
    if (typeof this.value !== 'string' || !(values as readonly string[]).includes(this.value)) {
      this.fail(`must be one of ${values.join(', ')}`);
    }
    return this.value as T;
  }

  /** A W3C date-time with a zone, as epoch ms; `fallback` when absent. */
  dateTime(fallback?: number): number {
    if (this.absent && fallback !== undefined) return fallback;
    const ms = typeof this.value === 'string' ? parseW3CDateTime(this.value) : undefined;
    if (ms === undefined) this.fail('must be a W3C date-time such as 2026-08-01T10:00:00Z');
    return ms;
  }

  /** An object of strings (`{ FirstName: 'George' }`); `{}` when absent. */
  stringRecord(): Record<string, string> {
    if (this.absent) return {};
    this.object(Object.keys(this.value as object));
    const result: Record<string, string> = {};
    for (const key of Object.keys(this.value as object)) {
      // JSON.parse makes "__proto__" an own key; assigning it to a plain object would drop it silently.
      if (key === '__proto__') this.child(key).fail('is not a name this server accepts');
      result[key] = this.child(key).string(true);
    }
    return result;
  }

  /** `{ name, value }` pairs (none when absent). */
  nameValues(): Array<{ name: string; value: string }> {
    return this.items().map((item) => {
      item.object(['name', 'value']);
      return { name: item.child('name').string(), value: item.child('value').string(true) };
    });
  }
}

/** Refuses a second use of `key` among the items read so far. */
export class Unique<K> {
  private readonly seen = new Set<K>();

  /** @throws ValidationError at `at` when `key` was seen before */
  check(at: At, key: K, what: string): void {
    if (this.seen.has(key)) at.fail(`must be unique: another ${what} has it`);
    this.seen.add(key);
  }
}

/** Items with an explicit `id` first (ascending), then the others in the order given, which get the next Ids. */
export function explicitIdsFirst<T extends { id?: number | undefined }>(items: readonly T[]): T[] {
  const withId = items.filter((item) => item.id !== undefined).sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  return [...withId, ...items.filter((item) => item.id === undefined)];
}

/**
 * The entries of `root[key]`, each an object of `properties` whose optional `id` is unique among them (`what`
 * names one in the message), read by `read`; in the order they are created: explicit Ids first.
 */
export function readEntriesWithIds<T extends { id?: number | undefined }>(
  root: At,
  key: string,
  properties: readonly string[],
  what: string,
  read: (entry: At, id: number | undefined) => T,
): T[] {
  const ids = new Unique<number>();
  const entries = root
    .child(key)
    .items()
    .map((entry) => {
      entry.object(properties);
      const id = entry.child('id').optionalInteger();
      if (id !== undefined) ids.check(entry.child('id'), id, what);
      return read(entry, id);
    });
  return explicitIdsFirst(entries);
}
