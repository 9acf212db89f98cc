// describeMObject's metadata. ActivityRecord and LeadRecord are virtual objects whose fields are the
// elements of their WSDL types (the generated FIELD_NAMES); ActivityRecord's field
// details are those of Marketo's documented example, LeadRecord adds the instance's lead fields.
// Opportunity and OpportunityPersonRole list the fields the instance stores (instance/mobject-fields.ts).
import { FIELD_NAMES } from '@org/mktows-types';
import type { MObjectMetadata, MObjFieldMetadata } from '@org/mktows-types';

import { leadFieldLabel } from '../lead-field-labels.js';
import type { LeadFieldTypes } from '../lead-fields.js';
import type { MObjectField } from '../instance/mobject-fields.js';
import { OPPORTUNITY_FIELDS, OPPORTUNITY_PERSON_ROLE_FIELDS } from '../instance/mobject-fields.js';
import { nil } from './nil.js';

/** The objects listMObjects names and describeMObject describes, in Marketo's order. */
export const DESCRIBABLE_OBJECTS = Object.freeze([
  'ActivityRecord',
  'LeadRecord',
  'Opportunity',
  'OpportunityPersonRole',
]);

/** When Marketo's documented metadata was last updated (every example shows this date). */
const METADATA_UPDATED_AT = '2010-01-01T00:00:00+00:00';

interface FieldDetails {
  sourceObject?: string;
  dataType: string;
  size?: number;
  isName?: boolean;
  isPrimaryKey?: boolean;
  isReadonly?: boolean;
  displayName?: string;
}

// Marketo's documented describeMObject answer for ActivityRecord, by field name.
const ACTIVITY_RECORD_DETAILS: Readonly<Record<string, FieldDetails>> = {
  id: { sourceObject: 'Event', dataType: 'integer', size: 10, isPrimaryKey: true },
  activityDateTime: { sourceObject: 'Event', dataType: 'dateTime' },
  activityType: { sourceObject: 'Event', dataType: 'string', size: 255, isName: true },
  mktgAssetName: { sourceObject: 'Event', dataType: 'string', size: 255 },
  activityAttributes: { sourceObject: 'Event', dataType: 'Array' },
  campaign: { sourceObject: 'Campaign', dataType: 'string', size: 255 },
  personName: { sourceObject: 'Lead', dataType: 'string', size: 255 },
  mktPersonId: { sourceObject: 'Lead', dataType: 'integer', size: 10 },
  foreignSysId: { sourceObject: 'Lead', dataType: 'string', size: 50 },
  orgName: { sourceObject: 'Company', dataType: 'string', size: 255 },
  foreignSysOrgId: { sourceObject: 'Company', dataType: 'string', size: 50 },
};

function field(name: string, details: FieldDetails, readonly: boolean): MObjFieldMetadata {
  return {
    name,
    description: nil(),
    displayName: details.displayName ?? nil(),
    sourceObject: details.sourceObject ?? nil(),
    dataType: details.dataType,
    size: details.size ?? nil(),
    isReadonly: details.isReadonly ?? readonly,
    isUpdateBlocked: details.isReadonly ?? readonly,
    isName: details.isName ?? false,
    isPrimaryKey: details.isPrimaryKey ?? false,
    isCustom: false,
    isDynamic: false,
    dynamicFieldRef: nil(),
    updatedAt: METADATA_UPDATED_AT,
  };
}

function storedFields(fields: readonly MObjectField[]): MObjFieldMetadata[] {
  return [
    field('Id', { dataType: 'integer', size: 10, isPrimaryKey: true, isReadonly: true }, false),
    ...fields.map((item) => field(item.name, { dataType: item.dataType, isName: item.name === 'Name' }, false)),
  ];
}

/** The metadata of an object of {@link DESCRIBABLE_OBJECTS}; undefined for any other name. */
export function describeObject(name: string, leadFields: LeadFieldTypes): MObjectMetadata | undefined {
  const metadata = (description: string, isVirtual: boolean, fields: MObjFieldMetadata[]): MObjectMetadata => ({
    name,
    description,
    isCustom: false,
    isVirtual,
    fieldList: { field: fields },
    updatedAt: METADATA_UPDATED_AT,
  });
  switch (name) {
    case 'ActivityRecord':
      return metadata(
        'Activity record, composed of Event, Campaign, Lead and Company fields',
        true,
        FIELD_NAMES.ActivityRecord.map((fieldName) =>
          field(fieldName, ACTIVITY_RECORD_DETAILS[fieldName] ?? { dataType: 'string' }, true),
        ),
      );
    case 'LeadRecord': {
      const own: string[] = FIELD_NAMES.LeadRecord.filter((fieldName) => fieldName !== 'leadAttributeList');
      const details = (fieldName: string): FieldDetails => ({
        sourceObject: 'Lead',
        dataType: fieldName === 'Id' ? 'integer' : (leadFields[fieldName] ?? 'string'),
        displayName: leadFieldLabel(fieldName),
        isPrimaryKey: fieldName === 'Id',
        isReadonly: fieldName === 'Id',
      });
      const attributes = Object.keys(leadFields).filter((fieldName) => !own.includes(fieldName));
      return metadata(
        'Lead record: the lead and its fields',
        true,
        [...own, ...attributes].map((fieldName) => field(fieldName, details(fieldName), false)),
      );
    }
    case 'Opportunity':
      return metadata('Opportunity', false, storedFields(OPPORTUNITY_FIELDS));
    case 'OpportunityPersonRole':
      return metadata("A lead's role on an opportunity", false, storedFields(OPPORTUNITY_PERSON_ROLE_FIELDS));
    default:
      return undefined;
  }
}
