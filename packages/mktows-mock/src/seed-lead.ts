// Putting leads into the store directly (for test set-up): anonymous leads known only by a cookie, leads
// in a given partition, anything syncLead could not create on its own.
import { ValidationError } from '@org/mktows-auth';

import type { MarketoInstance } from './instance/marketo-instance.js';
import { attributeValueProblem } from './lead-fields.js';
import type { ForeignSysType, MockLead } from './lead-store.js';
import { FOREIGN_SYS_TYPES, toMockLead } from './lead-store.js';

/** A lead for `server.addLead(...)`. Every property is optional: `{ cookie }` alone is an anonymous lead. */
export interface SeedLead {
  email?: string;
  foreignSysPersonId?: string;
  foreignSysType?: ForeignSysType;
  cookie?: string;
  /** The partition to put the lead in; default: as syncLead without a context header would place it. */
  partition?: string;
  attributes?: Readonly<Record<string, string>>;
}

/**
 * Stores `seed` as a new lead.
 * @throws ValidationError for unknown fields, bad values, an unknown partition or a foreign id in use
 */
export function addSeedLead(instance: MarketoInstance, seed: SeedLead): MockLead {
  const { leads: store, settings } = instance;
  const { fields, workspaces } = settings;
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(seed.attributes ?? {})) {
    const type = fields[name];
    if (type === undefined || name === 'Email') {
      throw new ValidationError(`attributes.${name}`, 'must be a field of the instance (other than Email)');
    }
    const problem = attributeValueProblem(type, value);
    if (problem) throw new ValidationError(`attributes.${name}`, problem);
    attributes[name] = value;
  }
  const hasForeignId = seed.foreignSysPersonId !== undefined;
  if (hasForeignId !== (seed.foreignSysType !== undefined)) {
    throw new ValidationError('foreignSysType', 'must be given together with foreignSysPersonId');
  }
  if (seed.foreignSysType !== undefined && !FOREIGN_SYS_TYPES.includes(seed.foreignSysType)) {
    throw new ValidationError('foreignSysType', `must be one of ${FOREIGN_SYS_TYPES.join(', ')}`);
  }
  if (seed.foreignSysType !== undefined && seed.foreignSysPersonId !== undefined) {
    if (store.foreignIdHolder(seed.foreignSysType, seed.foreignSysPersonId, undefined) !== undefined) {
      throw new ValidationError('foreignSysPersonId', 'must not belong to another lead');
    }
  }
  const fieldsOfLead = {
    email: seed.email ?? null,
    foreignSysPersonId: seed.foreignSysPersonId ?? null,
    foreignSysType: seed.foreignSysType ?? null,
    cookie: seed.cookie ?? null,
    attributes,
  };
  const placement =
    seed.partition === undefined
      ? workspaces.placeNewLead(fieldsOfLead, { named: undefined })
      : workspaces.placementOf(seed.partition);
  return toMockLead(store.create({ ...fieldsOfLead, ...placement }, { createdAt: instance.now() }));
}
