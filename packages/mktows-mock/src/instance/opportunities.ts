// Opportunities and opportunity person roles (the MObjects syncMObjects / getMObjects / deleteMObjects work
// on). Both have integer Ids that only grow, so getMObjects' stream position (the last Id seen) visits
// every object once while objects are added. An opportunity's external key is not unique: a lookup by
// external key takes the most recently created opportunity holding it, as Marketo documents.
import type { IdTable } from './id-index.js';

/** An external key: a field from another system and its value. */
export interface ExternalKey {
  name: string;
  value: string;
}

/** A link from an MObject to another object, by Marketo Id or external key. */
export interface Association {
  mObjType: string;
  id: number | undefined;
  externalKey: ExternalKey | undefined;
}

/** An opportunity. */
export interface Opportunity {
  readonly id: number;
  externalKey: ExternalKey | undefined;
  /** Field values by name (`Name`, `Amount`, `Stage`, ...), as strings. */
  attributes: Record<string, string>;
  associations: Association[];
  readonly createdAt: number;
  updatedAt: number;
}

/** A lead's role on an opportunity. */
export interface OpportunityPersonRole {
  readonly id: number;
  opportunityId: number;
  /** The lead's Marketo Id. */
  personId: number;
  role: string | undefined;
  isPrimary: boolean | undefined;
  externalCreatedDate: string | undefined;
  readonly createdAt: number;
  updatedAt: number;
}

/** The most recently created opportunity holding this external key. */
export function opportunityByExternalKey(
  opportunities: IdTable<Opportunity>,
  key: ExternalKey,
): Opportunity | undefined {
  return opportunities
    .all()
    .reverse()
    .find((opportunity) => opportunity.externalKey?.name === key.name && opportunity.externalKey.value === key.value);
}
