// Reading MObjects out of a request: attribs, external keys, associations, type attribs.
import type { Association, ExternalKey } from '../instance/opportunities.js';
import { asRecord, listItems, optionalInteger, optionalText, textKeepingEmpty } from '../soap-values.js';

/** A failure of one object in a batch: its message goes into that object's status. */
export class ObjectFailure extends Error {}

/** An MObject as a request gives it. */
export interface MObjectInput {
  type: string | undefined;
  id: number | undefined;
  externalKey: ExternalKey | undefined;
  /** attribList as name/value pairs, in request order. */
  attributes: Array<{ name: string; value: string }>;
  /** typeAttribList: each type attrib with its attribs. */
  typeAttributes: Array<{ attrType: string; attributes: Record<string, string> }>;
  /** associationList (getMObjects: mObjAssociationList). */
  associations: Association[];
}

/** An Attrib (`{ name, value }`); undefined when absent or nameless. */
export function readExternalKey(value: unknown): ExternalKey | undefined {
  const attrib = asRecord(value);
  const name = optionalText(attrib?.name);
  return attrib && name !== undefined ? { name, value: textKeepingEmpty(attrib.value) ?? '' } : undefined;
}

function attribs(list: unknown): Array<{ name: string; value: string }> {
  return listItems(list, 'attrib').flatMap((item) => {
    const attrib = asRecord(item) ?? {};
    const name = optionalText(attrib.name);
    return name === undefined ? [] : [{ name, value: textKeepingEmpty(attrib.value) ?? '' }];
  });
}

/** The mObjAssociation items of a list. */
export function readAssociations(list: unknown): Association[] {
  return listItems(list, 'mObjAssociation').map((item) => {
    const association = asRecord(item) ?? {};
    return {
      mObjType: optionalText(association.mObjType) ?? '',
      id: optionalInteger(association.id),
      externalKey: readExternalKey(association.externalKey),
    };
  });
}

/** An MObject of a request. */
export function readMObject(value: unknown): MObjectInput {
  const object = asRecord(value) ?? {};
  return {
    type: optionalText(object.type),
    id: optionalInteger(object.id),
    externalKey: readExternalKey(object.externalKey),
    attributes: attribs(object.attribList),
    typeAttributes: listItems(object.typeAttribList, 'typeAttrib').map((item) => {
      const typeAttrib = asRecord(item) ?? {};
      return {
        attrType: optionalText(typeAttrib.attrType) ?? '',
        attributes: Object.fromEntries(attribs(typeAttrib.attrList).map(({ name, value }) => [name, value])),
      };
    }),
    associations: readAssociations(object.associationList),
  };
}
