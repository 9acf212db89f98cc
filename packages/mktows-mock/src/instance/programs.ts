// Programs: what getMObjects (type Program) reads and syncMObjects (UPDATE) changes: tags (the channel is
// the tag of type `Channel`), My Tokens and period costs. Lists and campaigns name the program that holds
// them by name; a name they use that no program has gets a program of its own when the state is loaded.
import { IdIndex, IdSequence } from './id-index.js';

/** A tag of a program: its type (`Channel`, `Region`, ...) and value. */
export interface ProgramTag {
  type: string;
  value: string;
}

/** A My Token of a program, named in full token syntax (`{{my.message}}`). */
export interface ProgramToken {
  name: string;
  value: string;
}

/** A period cost line. */
export interface ProgramCost {
  readonly id: number;
  /** The first day of the month it applies to, `yyyy-MM-dd`. */
  month: string;
  amount: number;
  note: string | undefined;
}

/** A program. */
export interface Program {
  readonly id: number;
  readonly name: string;
  readonly type: string;
  readonly workspace: string;
  readonly treePath: string;
  readonly archived: boolean;
  readonly tags: ProgramTag[];
  readonly tokens: ProgramToken[];
  readonly costs: ProgramCost[];
  readonly createdAt: number;
  updatedAt: number;
}

/** A cost line to add: its Id is the next cost Id unless given. */
export type NewProgramCost = Omit<ProgramCost, 'id'> & { id?: number | undefined };

/** What a new program needs; the rest has defaults. */
export type NewProgram = Pick<Program, 'name' | 'createdAt'> & {
  [K in Exclude<keyof Program, 'name' | 'createdAt' | 'costs'>]?: Program[K] | undefined;
} & { costs?: readonly NewProgramCost[] };

/** A My Token name: `{{my.something}}`. */
export const TOKEN_NAME = /^\{\{my\.[^{}]+\}\}$/;

const MONTH = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** `yyyy-MM` or `yyyy-MM-dd` as the month's first day (`yyyy-MM-01`), or undefined. */
export function costMonth(text: string): string | undefined {
  const match = MONTH.exec(text);
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${match[1]}-${match[2]}-01` : undefined;
}

/** The program type when none is given. */
const DEFAULT_PROGRAM_TYPE = 'Default';

/** The instance's programs. */
export class Programs extends IdIndex<Program> {
  /** Cost line Ids (one sequence for the lines of every program). */
  readonly costIds = new IdSequence();

  /** Creates a program (with the next Id unless one is given). */
  create(program: NewProgram): Program {
    const id = program.id ?? this.ids.next;
    const workspace = program.workspace ?? 'Default';
    const created: Program = {
      id,
      name: program.name,
      type: program.type ?? DEFAULT_PROGRAM_TYPE,
      workspace,
      treePath: program.treePath ?? `/Marketing Activities/${workspace}/${program.name}`,
      archived: program.archived ?? false,
      tags: [...(program.tags ?? [])],
      tokens: [...(program.tokens ?? [])],
      costs: [],
      createdAt: program.createdAt,
      updatedAt: program.updatedAt ?? program.createdAt,
    };
    for (const cost of program.costs ?? []) this.addCost(created, cost);
    return this.store(created);
  }

  /** Adds a cost line (with the next cost Id unless it has one). */
  addCost(program: Program, cost: NewProgramCost): ProgramCost {
    const added: ProgramCost = { ...cost, id: this.costIds.take(cost.id) };
    program.costs.push(added);
    return added;
  }

  /** The program with this name. */
  byName(name: string): Program | undefined {
    return this.all().find((program) => program.name === name);
  }
}
