// The `channels`, `tags` and `programs` parts of a state (tags first: a program may only carry tags that exist).
import type { MarketoInstance } from '../instance/marketo-instance.js';
import type { NewProgram, NewProgramCost } from '../instance/programs.js';
import { costMonth, TOKEN_NAME } from '../instance/programs.js';
import { CHANNEL_TAG_TYPE, isKnownTag } from '../instance/tag-types.js';
import type { At } from './state-reader.js';
import { readEntriesWithIds, Unique } from './state-reader.js';

/** Loads `state.channels` and `state.tags`. */
export function loadTagTypes(root: At, instance: MarketoInstance): void {
  const channelNames = new Unique<string>();
  for (const channel of root.child('channels').items()) {
    channel.object(['name', 'statuses']);
    const name = channel.child('name').string();
    channelNames.check(channel.child('name'), name, 'channel');
    const statusNames = new Unique<string>();
    const statuses = channel
      .child('statuses')
      .items()
      .map((status) => {
        status.object(['name', 'step', 'success', 'attribute']);
        const statusName = status.child('name').string();
        statusNames.check(status.child('name'), statusName, 'status of the channel');
        const attribute = status.child('attribute');
        if (!attribute.absent) attribute.object(['name', 'value']);
        return {
          name: statusName,
          step: status.child('step').integer(0),
          success: status.child('success').optionalBoolean() ?? false,
          attribute: attribute.absent
            ? undefined
            : { name: attribute.child('name').string(), value: attribute.child('value').string(true) },
        };
      });
    instance.channels.push({ name, statuses });
  }
  const types = new Unique<string>();
  for (const tag of root.child('tags').items()) {
    tag.object(['type', 'values']);
    const type = tag.child('type').string();
    if (type === CHANNEL_TAG_TYPE) tag.child('type').fail('must not be Channel: channels are in state.channels');
    types.check(tag.child('type'), type, 'tag type');
    const values = new Unique<string>();
    instance.tags.push({
      type,
      values: tag
        .child('values')
        .items()
        .map((value) => {
          const text = value.string();
          values.check(value, text, 'value of the tag type');
          return text;
        }),
    });
  }
}

function readCosts(costs: At): NewProgramCost[] {
  return costs.items().map((cost) => {
    cost.object(['id', 'month', 'amount', 'note']);
    const month = costMonth(cost.child('month').string()) ?? cost.child('month').fail('must be yyyy-MM or yyyy-MM-dd');
    return {
      id: cost.child('id').optionalInteger(),
      month,
      amount: cost.child('amount').number(),
      note: cost.child('note').optionalString(true),
    };
  });
}

const PROGRAM_PROPERTIES = [
  'id',
  'name',
  'type',
  'workspace',
  'treePath',
  'archived',
  'tags',
  'tokens',
  'costs',
  'createdAt',
  'updatedAt',
] as const;

function readTags(tags: At, instance: MarketoInstance): Array<{ type: string; value: string }> {
  return tags.items().map((tag) => {
    tag.object(['type', 'value']);
    const type = tag.child('type').string();
    const value = tag.child('value').string();
    if (!isKnownTag(instance.tags, instance.channels, type, value)) {
      tag.fail('must be a tag type and value of state.tags (or a channel of state.channels for type Channel)');
    }
    return { type, value };
  });
}

function readTokens(tokens: At): Array<{ name: string; value: string }> {
  const read = tokens.nameValues();
  for (const [index, item] of tokens.items().entries()) {
    if (!TOKEN_NAME.test(read[index]?.name ?? '')) item.child('name').fail('must look like {{my.name}}');
  }
  return read;
}

/** Loads `state.programs` (after the tag types). Programs with an Id first, then the others get the next Ids. */
export function loadPrograms(root: At, instance: MarketoInstance, startedAt: number): void {
  const names = new Unique<string>();
  const costIds = new Unique<number>();
  const programs = readEntriesWithIds(root, 'programs', PROGRAM_PROPERTIES, 'program', (program, id): NewProgram => {
    const name = program.child('name').string();
    names.check(program.child('name'), name, 'program');
    const workspace = program.child('workspace').optionalString();
    if (workspace !== undefined && instance.settings.workspaces.idOf(workspace) === undefined) {
      program.child('workspace').fail('must be a configured workspace');
    }
    const costs = readCosts(program.child('costs'));
    for (const [index, cost] of program.child('costs').items().entries()) {
      const costId = costs[index]?.id;
      if (costId !== undefined) costIds.check(cost.child('id'), costId, 'cost line');
    }
    const createdAt = program.child('createdAt').dateTime(startedAt);
    return {
      id,
      name,
      type: program.child('type').optionalString(),
      workspace,
      treePath: program.child('treePath').optionalString(),
      archived: program.child('archived').optionalBoolean(),
      tags: readTags(program.child('tags'), instance),
      tokens: readTokens(program.child('tokens')),
      costs,
      createdAt,
      updatedAt: program.child('updatedAt').dateTime(createdAt),
    };
  });
  const highestCostId = Math.max(
    0,
    ...programs.flatMap((program) => (program.costs ?? []).map((cost) => cost.id ?? 0)),
  );
  instance.programs.costIds.next = highestCostId + 1;
  for (const program of programs) instance.programs.create(program);
}
