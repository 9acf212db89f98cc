// The fields of the MObjects the instance stores, with their data types: what describeMObject reports and
// what syncMObjects accepts (an attribute outside these fails its object). The names are Marketo's
// documented standard fields (spec, syncMObjects); Marketo adds custom opportunity fields only on request.
import { ATTR_TYPES, type AttrType } from '../lead-fields.js';

/** A field of an MObject: name and data type. */
export interface MObjectField {
  readonly name: string;
  readonly dataType: AttrType;
  /** Whether a created object must have it. */
  readonly required?: boolean;
}

/**
 * Fields from a spec of `Name:dataType` words (`Name*:dataType`: required), in order.
 * @throws Error for a data type that is not an AttrType (a mistake in the tables below)
 */
function fieldsOf(spec: string): readonly MObjectField[] {
  return Object.freeze(
    spec.split(' ').map((word): MObjectField => {
      const [name = '', dataType = ''] = word.split(':');
      if (!(ATTR_TYPES as readonly string[]).includes(dataType)) throw new Error(`${word}: unknown data type`);
      const field = { name: name.replace(/\*$/, ''), dataType: dataType as AttrType };
      return name.endsWith('*') ? { ...field, required: true } : field;
    }),
  );
}

/** Opportunity's standard fields. */
export const OPPORTUNITY_FIELDS: readonly MObjectField[] = fieldsOf(
  'Amount:currency CloseDate:date Description:text ExpectedRevenue:currency ' +
  'ExternalCreatedDate:datetime Fiscal:string FiscalQuarter:integer FiscalYear:integer ' +
  'ForecastCategoryName:string IsClosed:boolean IsWon:boolean LastActivityDate:date ' +
  'LeadSource:string Name*:string NextStep:string Probability:integer Quantity:float Stage:string ' +
  'Type:string',
);

/** OpportunityPersonRole's fields. */
export const OPPORTUNITY_PERSON_ROLE_FIELDS: readonly MObjectField[] = fieldsOf(
  'OpportunityId*:integer PersonId*:integer Role:string ExternalCreatedDate:datetime ' +
  'IsPrimary:boolean',
);

