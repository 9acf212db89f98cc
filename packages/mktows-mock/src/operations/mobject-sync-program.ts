// syncMObjects for Program: UPDATE only (Marketo's API cannot create programs), by id. A typeAttrib `Cost`
// adds a period cost line (Month and Amount required; with Id, it changes that line); a typeAttrib `Tag`
// sets the program's value for a tag type (Type and Value must exist in the instance's tags or channels).
import type { MObjStatus, SyncOperationEnum } from '@org/mktows-types';

import type { MarketoInstance } from '../instance/marketo-instance.js';
import { costMonth } from '../instance/programs.js';
import { isKnownTag } from '../instance/tag-types.js';
import type { MObjectInput } from './mobject-input.js';
import { ObjectFailure } from './mobject-input.js';

/** Syncs one Program. @throws ObjectFailure for a problem of this object */
export function syncProgram(instance: MarketoInstance, input: MObjectInput, operation: SyncOperationEnum): MObjStatus {
  if (operation !== 'UPDATE') throw new ObjectFailure('a Program can only be updated (operation UPDATE)');
  if (input.id === undefined) throw new ObjectFailure('a Program is identified by its id');
  const program = instance.programs.get(input.id);
  if (!program) return { id: input.id, status: 'SKIPPED' };
  if (input.attributes.length > 0 || input.associations.length > 0) {
    throw new ObjectFailure('only the typeAttribs Cost and Tag of a Program can be changed');
  }
  const changes: Array<() => void> = [];
  for (const { attrType, attributes } of input.typeAttributes) {
    if (attrType === 'Cost') {
      const month = attributes.Month === undefined ? undefined : costMonth(attributes.Month);
      const amount = Number(attributes.Amount);
      if (month === undefined) throw new ObjectFailure('a Cost needs Month (yyyy-MM)');
      if (attributes.Amount === undefined || attributes.Amount.trim() === '' || !Number.isFinite(amount)) {
        throw new ObjectFailure('a Cost needs a numeric Amount');
      }
      const note = attributes.Note;
      if (attributes.Id !== undefined) {
        const line = program.costs.find((cost) => String(cost.id) === attributes.Id);
        if (!line) throw new ObjectFailure(`the Program has no cost line ${attributes.Id}`);
        changes.push(() => Object.assign(line, { month, amount, note }));
      } else changes.push(() => instance.programs.addCost(program, { month, amount, note }));
    } else if (attrType === 'Tag') {
      const { Type: type, Value: value } = attributes;
      if (type === undefined || value === undefined || !isKnownTag(instance.tags, instance.channels, type, value)) {
        throw new ObjectFailure('a Tag needs a Type and Value that exist in the instance');
      }
      changes.push(() => {
        const index = program.tags.findIndex((tag) => tag.type === type);
        if (index >= 0) program.tags.splice(index, 1);
        program.tags.push({ type, value });
      });
    } else throw new ObjectFailure(`a Program typeAttrib is Cost or Tag, not "${attrType}"`);
  }
  if (changes.length === 0) return { id: program.id, status: 'UNCHANGED' };
  for (const change of changes) change();
  program.updatedAt = instance.now();
  return { id: program.id, status: 'UPDATED' };
}
