// Growing integer Ids of one kind of instance object (lists, campaigns, programs, cost lines, opportunities,
// roles): the next Id to give, never below an Id given or loaded.

/** The Ids of one kind of object. */
export class IdSequence {
  private nextId = 1;

  /** The Id the next object gets. */
  get next(): number {
    return this.nextId;
  }

  /** Makes `id` the next Id (state loading); never below the current next Id. */
  set next(id: number) {
    this.nextId = Math.max(id, this.nextId);
  }

  /** `id` when given (state loading), else the next Id; either way the next Id moves past it. */
  take(id: number | undefined): number {
    const taken = id ?? this.nextId;
    this.nextId = Math.max(this.nextId, taken + 1);
    return taken;
  }
}
