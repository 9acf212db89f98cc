// Static lists and their members. A list lives in the lead database or in a program (`programName`); it
// is addressed by its name, or `Program.List` for a list of a program. Members are kept in the order they
// joined, each with a sequence number that only grows, so a stream position holding the last sequence
// number seen visits every member once, however many join while a client pages through.
import { IdIndex } from './id-index.js';

/** A static list. */
export interface StaticList {
  readonly id: number;
  readonly name: string;
  readonly programName: string | undefined;
  /** Lead Id to membership sequence number, in joining order. */
  readonly members: Map<number, number>;
  nextSeq: number;
}

/** What a new list needs. */
export interface NewStaticList {
  id?: number;
  name: string;
  programName?: string | undefined;
}

/** `Program.List` for a list of a program, the name otherwise. */
export function qualifiedListName(list: Pick<StaticList, 'name' | 'programName'>): string {
  return list.programName === undefined ? list.name : `${list.programName}.${list.name}`;
}

/** The instance's static lists. */
export class StaticLists extends IdIndex<StaticList> {
  /** Creates a list (with the next Id unless one is given). */
  create(list: NewStaticList): StaticList {
    return this.store({
      id: list.id ?? this.ids.next,
      name: list.name,
      programName: list.programName,
      members: new Map(),
      nextSeq: 1,
    });
  }

  /** The lists a name names: its own name (a list of the lead database) or `Program.List`. */
  findByName(name: string): StaticList[] {
    const own = this.all().filter((list) => list.programName === undefined && list.name === name);
    return own.length > 0 ? own : this.all().filter((list) => qualifiedListName(list) === name);
  }

  /** The list `listName` of program `programName`. */
  inProgram(programName: string, listName: string): StaticList | undefined {
    return this.all().find((list) => list.programName === programName && list.name === listName);
  }

  /** Adds a member; false when the lead already was one. */
  add(list: StaticList, leadId: number): boolean {
    if (list.members.has(leadId)) return false;
    list.members.set(leadId, list.nextSeq);
    list.nextSeq += 1;
    return true;
  }

  /** Removes a member; false when the lead was not one. */
  remove(list: StaticList, leadId: number): boolean {
    return list.members.delete(leadId);
  }

  /** Removes every member. */
  clear(list: StaticList): void {
    list.members.clear();
  }

  /** The members that joined after sequence number `afterSeq`, in joining order, as [leadId, seq]. */
  membersAfter(list: StaticList, afterSeq: number): Array<[number, number]> {
    return [...list.members].filter(([, seq]) => seq > afterSeq);
  }

  /** The lists a lead is a member of. */
  listsOf(leadId: number): StaticList[] {
    return this.all().filter((list) => list.members.has(leadId));
  }
}
