// The fields of the MObjects the instance stores, with their data types: what describeMObject reports and
// what syncMObjects accepts (an attribute outside these fails its object). The names are Marketo's
// documented standard fields (spec, syncMObjects); Marketo adds custom opportunity fields only on request.
import type { AttrType } from '../lead-fields.js';

/** A field of an MObject: name and data type. */
export interface MObjectField {
  readonly name: string;
  readonly dataType: AttrType;
  /** Whether a created object must have it. */
  readonly required?: boolean;
}

/** Opportunity's standard fields. */
export const OPPORTUNITY_FIELDS: readonly MObjectField[] = Object.freeze([
  { name: 'Amount', dataType: 'currency' },
  { name: 'CloseDate', dataType: 'date' },
  { name: 'Description', dataType: 'text' },
  { name: 'ExpectedRevenue', dataType: 'currency' },
  { name: 'ExternalCreatedDate', dataType: 'datetime' },
  { name: 'Fiscal', dataType: 'string' },
  { name: 'FiscalQuarter', dataType: 'integer' },
  { name: 'FiscalYear', dataType: 'integer' },
  { name: 'ForecastCategoryName', dataType: 'string' },
  { name: 'IsClosed', dataType: 'boolean' },
  { name: 'IsWon', dataType: 'boolean' },
  { name: 'LastActivityDate', dataType: 'date' },
  { name: 'LeadSource', dataType: 'string' },
  { name: 'Name', dataType: 'string', required: true },
  { name: 'NextStep', dataType: 'string' },
  { name: 'Probability', dataType: 'integer' },
  { name: 'Quantity', dataType: 'float' },
  { name: 'Stage', dataType: 'string' },
  { name: 'Type', dataType: 'string' },
]);

/** OpportunityPersonRole's fields. */
export const OPPORTUNITY_PERSON_ROLE_FIELDS: readonly MObjectField[] = Object.freeze([
  { name: 'OpportunityId', dataType: 'integer', required: true },
  { name: 'PersonId', dataType: 'integer', required: true },
  { name: 'Role', dataType: 'string' },
  { name: 'ExternalCreatedDate', dataType: 'datetime' },
  { name: 'IsPrimary', dataType: 'boolean' },
]);

