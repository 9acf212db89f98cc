// The progress bar of a bulk run (cli-progress), drawn on stderr only when stderr is a terminal, so
// that logs and pipes get the summary alone.
import { Presets, SingleBar } from 'cli-progress';
import type { SyncLeadsProgress } from '../bulk/sync-leads-options.js';

/** A progress display. */
interface BulkProgress {
  /** Shows the counts so far. */
  update(progress: SyncLeadsProgress): void;
  /** Removes the bar. */
  stop(): void;
}

const NO_PROGRESS: BulkProgress = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar on `stream` when it is a TTY, else nothing.
 *
 * @param expectedTotal - the number of records expected (the bar grows if more arrive)
 */
export function createBulkProgress(stream: { write(text: string): unknown; isTTY?: boolean }, expectedTotal: number): BulkProgress {
  if (stream.isTTY !== true) return NO_PROGRESS;
  // A TTY is a tty.WriteStream: cli-progress moves its cursor and reads its width.
  const bar = new SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: 'sync-lead {bar} {value}/{total} leads | {created} created, {updated} updated, {failed} failed | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let total = Math.max(expectedTotal, 1);
  bar.start(total, 0, { created: 0, updated: 0, failed: 0 });
  return {
    update({ processed, created, updated, failed }) {
      if (processed > total) {
        total = processed;
        bar.setTotal(total);
      }
      bar.update(processed, { created, updated, failed });
    },
    stop: () => bar.stop(),
  };
}
