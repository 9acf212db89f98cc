// Custom object types and their records. A type has key attributes (a record is identified by the values
// of all of them, e.g. `MKTOID` + `rid`) and other fields. Type names are case-insensitive (a request for
// `roadshow` finds `RoadShow`, and answers with the type's own spelling). A key named `MKTOID` links the
// record to a lead (its Marketo Id). Records keep a sequence number that only grows, so a stream position
// holding the last one seen visits every record once while records are added.

/** The key attribute that links a record to a lead. */
export const LEAD_LINK_KEY = 'MKTOID';

/** A custom object type. */
export interface CustomObjectType {
  readonly name: string;
  readonly keys: readonly string[];
  readonly fields: readonly string[];
}

/** A record of a custom object type. */
export interface CustomObjectRecord {
  readonly seq: number;
  /** Key attribute values, by key name. */
  keys: Record<string, string>;
  /** Field values, by field name. */
  attributes: Record<string, string>;
}

/** A type with its records. */
export interface CustomObjectTable {
  readonly type: CustomObjectType;
  /** Records by identity (their key values in key order). */
  readonly records: Map<string, CustomObjectRecord>;
  nextSeq: number;
}

/** The identity of a record: its key values in the type's key order. */
export function recordIdentity(type: CustomObjectType, keys: Readonly<Record<string, string>>): string {
  return JSON.stringify(type.keys.map((key) => keys[key] ?? ''));
}

/** The instance's custom object types and records. */
export class CustomObjects {
  private readonly tables = new Map<string, CustomObjectTable>();

  /** Adds a type. */
  defineType(type: CustomObjectType): CustomObjectTable {
    const table: CustomObjectTable = { type, records: new Map(), nextSeq: 1 };
    this.tables.set(type.name.toLowerCase(), table);
    return table;
  }

  /** The type with this name, compared case-insensitively. */
  table(typeName: string): CustomObjectTable | undefined {
    return this.tables.get(typeName.toLowerCase());
  }

  /** Every type, in definition order. */
  all(): CustomObjectTable[] {
    return [...this.tables.values()];
  }

  /** Stores a new record. */
  insert(
    table: CustomObjectTable,
    keys: Record<string, string>,
    attributes: Record<string, string>,
  ): CustomObjectRecord {
    const record: CustomObjectRecord = { seq: table.nextSeq, keys: { ...keys }, attributes: { ...attributes } };
    table.nextSeq += 1;
    table.records.set(recordIdentity(table.type, keys), record);
    return record;
  }

  /** Re-keys a record (a merge moves a loser's records to the winner); false if the new key is taken. */
  rekey(table: CustomObjectTable, record: CustomObjectRecord, keys: Record<string, string>): boolean {
    const identity = recordIdentity(table.type, keys);
    if (table.records.has(identity)) return false;
    table.records.delete(recordIdentity(table.type, record.keys));
    record.keys = { ...keys };
    table.records.set(identity, record);
    return true;
  }

  /** Records in sequence order (Map order is insertion order, and a re-key re-inserts: sort). */
  ordered(table: CustomObjectTable): CustomObjectRecord[] {
    return [...table.records.values()].sort((a, b) => a.seq - b.seq);
  }
}
