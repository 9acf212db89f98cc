// Why leads of a bulk run failed: counts per reason for the summary, and the first few failures with
// their line for a quick look (the failed-leads file holds them all).
/** How many failures are listed one by one. */
const LISTED_FAILURES = 10;
/** How many distinct reasons are counted before the rest are lumped together. */
const COUNTED_REASONS = 20;
const OTHER_REASONS = '(other reasons)';

/** One failure as listed. */
export interface ListedFailure {
  line: number;
  reason: string;
}

/** The reason of a failure: the error's message (they name the Marketo code, the field, the reason). */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Collects failure reasons. */
export class FailureReasons {
  private readonly counts = new Map<string, number>();
  private readonly listed: ListedFailure[] = [];

  /** Records the failure of the record at `line`. */
  add(line: number, error: unknown): void {
    const reason = reasonOf(error).replace(/\s*[\r\n]+\s*/g, ' ');
    if (this.listed.length < LISTED_FAILURES) this.listed.push({ line, reason });
    const key = this.counts.has(reason) || this.counts.size < COUNTED_REASONS ? reason : OTHER_REASONS;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Failures per reason, most frequent first. */
  byReason(): Array<[string, number]> {
    return [...this.counts].sort((a, b) => b[1] - a[1]);
  }

  /** The first failures, in the order they happened. */
  first(): readonly ListedFailure[] {
    return this.listed;
  }
}
