// Per-attempt timeouts with one timer per client instead of one per attempt. A timer created and
// cleared around every request costs more than the rest of the client's bookkeeping for that request
// (Node re-creates its timer list and re-arms the event loop's timer each time), so attempts register a
// deadline here and a single unref'd timer, set for the earliest deadline, aborts the attempts that
// outlive theirs. A finished attempt only leaves the set; the timer is moved only when a new deadline
// is earlier than the one it is set for.

/** The deadlines of one client's attempts in flight. */
export interface AttemptDeadlines {
  /** Calls `expire` once `timeoutMs` from now has passed, unless the returned function is called first. */
  watch(timeoutMs: number, expire: () => void): () => void;
  /** Forgets every deadline and stops the timer. */
  clear(): void;
}

interface Deadline {
  at: number;
  expire: () => void;
}

/** Creates the deadline watcher of one client. */
export function createAttemptDeadlines(): AttemptDeadlines {
  const deadlines = new Set<Deadline>();
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;

  function arm(at: number): void {
    if (timer !== undefined && timerAt <= at) return;
    if (timer !== undefined) clearTimeout(timer);
    timerAt = at;
    // Unref'd: an attempt in flight keeps the process alive through its socket, a finished one must not.
    timer = setTimeout(fire, Math.max(0, at - performance.now())).unref();
  }

  function fire(): void {
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
    const now = performance.now();
    let next = Number.POSITIVE_INFINITY;
    for (const deadline of deadlines) {
      if (deadline.at <= now) {
        deadlines.delete(deadline);
        deadline.expire();
      } else {
        next = Math.min(next, deadline.at);
      }
    }
    if (next !== Number.POSITIVE_INFINITY) arm(next);
  }

  return {
    watch(timeoutMs, expire) {
      const deadline: Deadline = { at: performance.now() + timeoutMs, expire };
      deadlines.add(deadline);
      arm(deadline.at);
      return () => {
        deadlines.delete(deadline);
      };
    },
    clear() {
      deadlines.clear();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
    },
  };
}
