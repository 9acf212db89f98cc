// The instance's activity log: append-only, in ascending Id order, indexed by lead. Syncs, merges, list
// and campaign operations append to it; getLeadActivity and getLeadChanges read it. Ids only grow, so a
// stream position holding the last Id seen visits every activity once, however many are appended while
// a client pages through.

/** One attribute of an activity, in the order records show them. */
export interface ActivityAttribute {
  readonly name: string;
  readonly value: string;
}

/** An activity as the log keeps it. */
export interface Activity {
  readonly id: number;
  /** The lead it belongs to (a merge moves a loser's activities to the winner). */
  leadId: number;
  /** The display name (`New Lead`, `Change Data Value`), as records report it. */
  readonly type: string;
  /** When it happened (epoch ms). */
  readonly at: number;
  /** The asset involved (list name, field label, campaign name); `''` when none. */
  readonly asset: string;
  /** The smart campaign that caused it, if any. */
  readonly campaign: string | undefined;
  readonly attributes: readonly ActivityAttribute[];
}

/** An activity to append: everything but the Id. */
export type NewActivity = Omit<Activity, 'id'>;

/** Index of the first activity of `activities` (ascending Ids) whose Id is greater than `id`. */
function firstAfter(activities: readonly Activity[], id: number): number {
  let low = 0;
  let high = activities.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((activities[middle] as Activity).id <= id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The activity log. */
export class ActivityLog {
  // Ascending Ids: an Id is found by binary search, no index to maintain per append (syncLead's hot path).
  private readonly entries: Activity[] = [];
  private readonly byLead = new Map<number, Activity[]>();
  private nextId: number;

  /** @param firstId - the Id of the first appended activity */
  constructor(firstId = 1) {
    this.nextId = firstId;
  }

  /** The Id the next activity gets. */
  get nextActivityId(): number {
    return this.nextId;
  }

  /** Makes `id` the next activity Id (state loading); never below an existing Id. */
  set nextActivityId(id: number) {
    this.nextId = Math.max(id, this.nextId);
  }

  /** Number of activities. */
  get size(): number {
    return this.entries.length;
  }

  /** Appends an activity with the next Id (the object becomes the log's: it gets its Id in place). */
  append(activity: NewActivity): Activity {
    const logged = activity as Activity & { id: number };
    logged.id = this.nextId;
    return this.insert(logged);
  }

  /**
   * Appends an activity with its own Id (state loading).
   * @throws Error when the Id is not higher than every Id in the log
   */
  restore(activity: Activity): Activity {
    const last = this.entries.at(-1);
    if (last && activity.id <= last.id) throw new Error(`activity ${activity.id} is not after ${last.id}`);
    return this.insert({ ...activity });
  }

  /** The activity with this Id. */
  get(id: number): Activity | undefined {
    const candidate = this.entries[firstAfter(this.entries, id) - 1];
    return candidate?.id === id ? candidate : undefined;
  }

  /** Every activity, ascending Id. */
  all(): readonly Activity[] {
    return this.entries;
  }

  /** The activities with an Id greater than `id`, ascending (all when `id` is undefined). */
  after(id: number | undefined): readonly Activity[] {
    return id === undefined ? this.entries : this.entries.slice(firstAfter(this.entries, id));
  }

  /** A lead's activities, ascending Id. */
  forLead(leadId: number): readonly Activity[] {
    return this.byLead.get(leadId) ?? [];
  }

  /** Moves every activity of `fromLeadId` to `toLeadId` (a merge keeps the loser's history). */
  moveLead(fromLeadId: number, toLeadId: number): void {
    const moved = this.byLead.get(fromLeadId);
    if (!moved) return;
    this.byLead.delete(fromLeadId);
    for (const activity of moved) activity.leadId = toLeadId;
    const merged = [...(this.byLead.get(toLeadId) ?? []), ...moved].sort((a, b) => a.id - b.id);
    this.byLead.set(toLeadId, merged);
  }

  private insert(activity: Activity): Activity {
    this.entries.push(activity);
    const forLead = this.byLead.get(activity.leadId);
    if (forLead) forLead.push(activity);
    else this.byLead.set(activity.leadId, [activity]);
    this.nextId = Math.max(this.nextId, activity.id + 1);
    return activity;
  }
}
