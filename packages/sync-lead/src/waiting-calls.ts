// The calls of a client waiting for a start, first come first served. A call that leaves early (its
// signal fired) is only marked and skipped later, so that leaving, taking the next and counting cost the
// same whether ten calls wait or a hundred thousand (an app may Promise.all a large batch of syncLead).

/** A call waiting for a start. */
export interface WaitingCall {
  /** Gives the call its lease: it starts. */
  start(lease: string): void;
  /** Ends the call's wait with `error`. */
  fail(error: unknown): void;
  /** When it began to wait (performance.now()). */
  readonly since: number;
  /** How long it may wait for a store that cannot be reached (its timeoutMs). */
  readonly timeoutMs: number;
}

interface Entry {
  call: WaitingCall;
  settled: boolean;
  detach: () => void;
}

/** The queue of one limiter. */
export class WaitingCalls {
  private entries: Entry[] = [];
  private head = 0;
  private live = 0;

  /** Calls still waiting. */
  get size(): number {
    return this.live;
  }

  /**
   * Adds a call; `signal` takes it out (it then fails with `onAbort()`'s error).
   */
  add(call: WaitingCall, signal: AbortSignal | undefined, onAbort: () => unknown): void {
    const entry: Entry = { call, settled: false, detach: () => undefined };
    if (signal) {
      const abort = (): void => {
        // A `once` listener is gone already: removing it again would scan every other call's listener.
        entry.detach = () => undefined;
        if (this.settle(entry)) call.fail(onAbort());
      };
      signal.addEventListener('abort', abort, { once: true });
      entry.detach = () => signal.removeEventListener('abort', abort);
    }
    this.entries.push(entry);
    this.live += 1;
  }

  /** Takes the first waiting call out of the queue, or `undefined`. */
  take(): WaitingCall | undefined {
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head]!;
      this.head += 1;
      if (this.settle(entry)) {
        this.compact();
        return entry.call;
      }
    }
    this.compact();
    return undefined;
  }

  /** Fails every waiting call that `which` selects (all by default) with `error()`. */
  failWhere(error: () => unknown, which: (call: WaitingCall) => boolean = () => true): void {
    for (let index = this.head; index < this.entries.length; index += 1) {
      const entry = this.entries[index]!;
      if (!entry.settled && which(entry.call) && this.settle(entry)) entry.call.fail(error());
    }
    this.compact();
  }

  /** The waiting calls (for reading; use the methods above to take them out). */
  *[Symbol.iterator](): Iterator<WaitingCall> {
    for (let index = this.head; index < this.entries.length; index += 1) {
      const entry = this.entries[index]!;
      if (!entry.settled) yield entry.call;
    }
  }

  private settle(entry: Entry): boolean {
    if (entry.settled) return false;
    entry.settled = true;
    entry.detach();
    this.live -= 1;
    return true;
  }

  private compact(): void {
    if (this.live === 0) {
      this.entries = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
