// What a bulk run prints when it ends: a readable summary, or one JSON object with --json.
import type { ListedFailure } from './failure-reasons.js';

/** The outcome of a bulk run. */
export interface BulkSummary {
  file: string;
  /** Records read (leads and unreadable records). */
  total: number;
  created: number;
  updated: number;
  failed: number;
  durationMs: number;
  /** Where the failed records were written, or `null` when none failed. */
  failedFile: string | null;
  /** Failures per reason, most frequent first. */
  reasons: Array<[string, number]>;
  /** The first failures with their line. */
  firstFailures: readonly ListedFailure[];
  /** Why reading stopped before the end of the file, or `null`. */
  stoppedReading: string | null;
}

/** One JSON object (and a newline). */
export function formatSummaryJson(summary: BulkSummary): string {
  const { reasons, ...rest } = summary;
  return `${JSON.stringify({ ...rest, reasons: Object.fromEntries(reasons) })}\n`;
}

/** A few lines for people. */
export function formatSummaryText(summary: BulkSummary): string {
  const seconds = summary.durationMs / 1000;
  const rate = seconds > 0 ? Math.round(summary.total / seconds) : summary.total;
  const lines = [
    `Synced ${summary.total} leads from ${summary.file} in ${seconds.toFixed(1)} s (${rate} leads/s): ` +
      `${summary.created} created, ${summary.updated} updated, ${summary.failed} failed.`,
  ];
  if (summary.stoppedReading !== null) lines.push(`Reading stopped early: ${summary.stoppedReading}.`);
  if (summary.failedFile !== null) {
    lines.push(`Failed leads written to ${summary.failedFile} (fix them, then: sync-lead --file ${summary.failedFile})`);
    lines.push('Reasons:');
    for (const [reason, count] of summary.reasons) lines.push(`  ${count} x ${reason}`);
    lines.push('First failures:');
    for (const { line, reason } of summary.firstFailures) lines.push(`  line ${line}: ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}
