// The mock's in-memory lead database with Marketo's lookup keys: Id, foreign system id (per type),
// Munchkin cookie (all unique) and Email (not unique: duplicates are allowed, as in Marketo).

import { FOREIGN_SYS_TYPE_VALUES, type ForeignSysType } from '@org/mktows-types';

/** Marketo's foreign system types (`ForeignSysType` in the WSDL): the generated type of `@org/mktows-types`. */
export type { ForeignSysType };

/** Every {@link ForeignSysType}: the generated `FOREIGN_SYS_TYPE_VALUES` of `@org/mktows-types`, frozen. */
export const FOREIGN_SYS_TYPES: readonly ForeignSysType[] = Object.freeze([...FOREIGN_SYS_TYPE_VALUES]);

/** A lead as `server.leads()` lists it: a copy, safe to keep and to mutate. */
export interface MockLead {
  /** Marketo lead Id, assigned by the mock in creation order. */
  id: number;
  email: string | null;
  foreignSysPersonId: string | null;
  foreignSysType: ForeignSysType | null;
  /** The Munchkin cookie associated with the lead (the last one given), or null. */
  cookie: string | null;
  /** The workspace owning the lead's partition (`Default` when workspaces are off). */
  workspace: string;
  /** The lead partition the lead lives in (`Default` when workspaces are off). */
  partition: string;
  /** Field values by API name, as strings exactly as they were sent (Email is `email`, not an attribute). */
  attributes: Record<string, string>;
  /** True while the lead is known only by its cookie: no Email and no foreign system id. */
  anonymous: boolean;
}

/** The identifying and placement fields of a lead, as stored: a {@link MockLead} without its Id and flags. */
export type LeadFields = Omit<MockLead, 'id' | 'anonymous'>;

/** A stored lead. Only {@link LeadStore} mutates it; everything outside gets {@link MockLead} copies. */
export interface StoredLead extends LeadFields {
  readonly id: number;
  /** When the lead was created (epoch ms, the server's clock). */
  readonly createdAt: number;
  /** When a field last changed or an activity was last logged for the lead (epoch ms). */
  updatedAt: number;
}

/** Where a new lead's Id and timestamps come from: the next Id unless one is given (state loading). */
interface NewLeadMeta {
  id?: number;
  createdAt: number;
  updatedAt?: number;
}

function foreignKey(type: string, personId: string): string {
  return `${type}\u0000${personId}`;
}

function emailKey(email: string): string {
  return email.toLowerCase();
}

/** A copy of `lead` in the shape `server.leads()` returns. */
export function toMockLead(lead: StoredLead): MockLead {
  return {
    id: lead.id,
    email: lead.email,
    foreignSysPersonId: lead.foreignSysPersonId,
    foreignSysType: lead.foreignSysType,
    cookie: lead.cookie,
    workspace: lead.workspace,
    partition: lead.partition,
    attributes: { ...lead.attributes },
    anonymous: lead.email === null && lead.foreignSysPersonId === null,
  };
}

/**
 * Leads by Id plus indexes for every lookup key. Unique keys (foreign id per type, cookie) are enforced
 * here: giving a lead a key another lead holds moves a cookie, but is refused for a foreign id.
 */
export class LeadStore {
  private readonly byId = new Map<number, StoredLead>();
  private readonly idByForeignKey = new Map<string, number>();
  private readonly idByCookie = new Map<string, number>();
  // Most addresses belong to one lead: a bare Id then, a list only for duplicates (memory: 100k+ leads).
  private readonly idsByEmail = new Map<string, number | number[]>();
  private nextId: number;
  // Ids only grow (a merged-away lead's Id is never reused), so byId iterates in ascending Id order.
  private highestId = 0;

  /** @param firstId - the Id the first created lead gets */
  constructor(firstId = 1) {
    this.nextId = firstId;
  }

  /** Number of leads stored. */
  get size(): number {
    return this.byId.size;
  }

  /** The lead with Marketo Id `id`. */
  get(id: number): StoredLead | undefined {
    return this.byId.get(id);
  }

  /** The lead holding foreign system id `personId` of type `type`. */
  findByForeignId(type: string, personId: string): StoredLead | undefined {
    const id = this.idByForeignKey.get(foreignKey(type, personId));
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The lead the Munchkin cookie belongs to. */
  findByCookie(cookie: string): StoredLead | undefined {
    const id = this.idByCookie.get(cookie);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Every lead with this Email (compared case-insensitively, as Marketo does), oldest first. */
  findByEmail(email: string): StoredLead[] {
    const ids = this.idsByEmail.get(emailKey(email));
    if (ids === undefined) return [];
    return (typeof ids === 'number' ? [ids] : ids).flatMap((id) => this.byId.get(id) ?? []);
  }

  /** Every lead whose attribute `name` equals `value` exactly, oldest first. */
  findByAttribute(name: string, value: string): StoredLead[] {
    return this.all().filter((lead) => lead.attributes[name] === value);
  }

  /** Every lead, oldest first. */
  all(): StoredLead[] {
    return [...this.byId.values()];
  }

  /**
   * Whether `lead` (or a new lead when `undefined`) may take foreign id `personId` of `type`:
   * the id of the lead currently holding it, if that is another lead.
   */
  foreignIdHolder(type: string, personId: string, lead: StoredLead | undefined): number | undefined {
    const holder = this.idByForeignKey.get(foreignKey(type, personId));
    return holder !== undefined && holder !== lead?.id ? holder : undefined;
  }

  /** The Id the next created lead gets. */
  get nextLeadId(): number {
    return this.nextId;
  }

  /** Makes `id` the next lead Id (state loading); never below an existing Id. */
  set nextLeadId(id: number) {
    this.nextId = Math.max(id, this.nextId);
  }

  /**
   * Creates a lead with the next Id (or `meta.id`, which must be higher than every stored Id: leads stay
   * in ascending Id order). A foreign id another lead holds is a programming error here.
   */
  create(fields: LeadFields, meta: NewLeadMeta): StoredLead {
    const id = meta.id ?? this.nextId;
    if (id <= this.highestId) throw new Error(`lead ${id} would not be the highest Id`);
    this.highestId = id;
    const lead: StoredLead = {
      id,
      ...fields,
      attributes: { ...fields.attributes },
      createdAt: meta.createdAt,
      updatedAt: meta.updatedAt ?? meta.createdAt,
    };
    this.nextId = Math.max(this.nextId, id + 1);
    this.byId.set(lead.id, lead);
    this.index(lead);
    return lead;
  }

  /** Records that the lead changed at `at` (a field, or a new activity). */
  touch(lead: StoredLead, at: number): void {
    if (at > lead.updatedAt) lead.updatedAt = at;
  }

  /** Removes a lead (the loser of a merge). */
  delete(lead: StoredLead): void {
    this.unindex(lead);
    this.byId.delete(lead.id);
  }

  /** Replaces the fields of `lead` and re-indexes it. */
  update(lead: StoredLead, fields: LeadFields): StoredLead {
    this.unindex(lead);
    Object.assign(lead, fields, { attributes: { ...fields.attributes } });
    this.index(lead);
    return lead;
  }

  private index(lead: StoredLead): void {
    if (lead.foreignSysPersonId !== null && lead.foreignSysType !== null) {
      const key = foreignKey(lead.foreignSysType, lead.foreignSysPersonId);
      const holder = this.idByForeignKey.get(key);
      if (holder !== undefined && holder !== lead.id) {
        throw new Error(
          `foreign id ${lead.foreignSysType}:${lead.foreignSysPersonId} already belongs to lead ${holder}`,
        );
      }
      this.idByForeignKey.set(key, lead.id);
    }
    if (lead.cookie !== null) {
      // A cookie identifies one browser, hence one lead: it moves to the lead that claims it last.
      const previous = this.idByCookie.get(lead.cookie);
      const previousLead = previous === undefined || previous === lead.id ? undefined : this.byId.get(previous);
      if (previousLead) previousLead.cookie = null;
      this.idByCookie.set(lead.cookie, lead.id);
    }
    if (lead.email !== null) {
      const key = emailKey(lead.email);
      const ids = this.idsByEmail.get(key);
      if (ids === undefined) this.idsByEmail.set(key, lead.id);
      else {
        const list = typeof ids === 'number' ? [ids] : ids;
        if (!list.includes(lead.id)) list.push(lead.id);
        // Ids ascending = oldest first: getLead lists them so, syncLead's Email match takes the last (newest).
        this.idsByEmail.set(
          key,
          list.sort((a, b) => a - b),
        );
      }
    }
  }

  private unindex(lead: StoredLead): void {
    if (lead.foreignSysPersonId !== null && lead.foreignSysType !== null) {
      this.idByForeignKey.delete(foreignKey(lead.foreignSysType, lead.foreignSysPersonId));
    }
    if (lead.cookie !== null) this.idByCookie.delete(lead.cookie);
    if (lead.email !== null) {
      const key = emailKey(lead.email);
      const ids = this.idsByEmail.get(key);
      const rest = typeof ids === 'number' || ids === undefined ? [] : ids.filter((id) => id !== lead.id);
      if (rest.length === 0) this.idsByEmail.delete(key);
      else this.idsByEmail.set(key, rest.length === 1 ? (rest[0] as number) : rest);
    }
  }
}
