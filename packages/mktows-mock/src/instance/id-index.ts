// Instance objects by growing integer Id (lists, campaigns, programs, opportunities, roles; cost lines have
// Ids only): the next Id to give, never below an Id given or loaded, and the objects by Id.

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

/** Objects by growing integer Id. */
export class IdIndex<T extends { readonly id: number }> {
  private readonly byId = new Map<number, T>();
  /** Object Ids. */
  readonly ids = new IdSequence();

  /** Stores `object` under its Id; the next Id moves past it. */
  protected store(object: T): T {
    this.byId.set(object.id, object);
    this.ids.take(object.id);
    return object;
  }

  /** The object with this Id. */
  get(id: number): T | undefined {
    return this.byId.get(id);
  }

  /** Removes the object with this Id; false when there was none. */
  delete(id: number): boolean {
    return this.byId.delete(id);
  }

  /** Every object, ascending Id. */
  all(): T[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }
}

/** Objects with growing integer Ids, built by the caller for the Id they get. */
export class IdTable<T extends { readonly id: number }> extends IdIndex<T> {
  /** Stores an object built for the next Id (or its own Id when `id` is given). */
  create(build: (id: number) => T, id?: number): T {
    return this.store(build(id ?? this.ids.next));
  }
}
