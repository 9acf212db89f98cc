// `sync-lead --file`: syncs every lead of an NDJSON or CSV file through syncLeadsStream, with a progress
// bar on a terminal, failed records written to a file of the same format (to fix and feed back), and a
// summary. Unreadable records fail like invalid leads; every record read is accounted for.
import type { SyncLeadClient } from '../create-sync-lead-client.js';
import type { SyncLeadInput } from '../sync-lead-input.js';
import { createBulkProgress } from './bulk-progress.js';
import { type BulkSummary, formatSummaryJson, formatSummaryText } from './bulk-summary.js';
import { createFailedLeadsFile } from './failed-leads-file.js';
import { FailureReasons } from './failure-reasons.js';
import { countRecords, type LeadFileFormat, openLeadFile } from './lead-file-format.js';
import type { LeadFileRecord } from './lead-file-record.js';

/** Settings of a bulk run. */
export interface BulkRunSettings {
  file: string;
  format: LeadFileFormat;
  failedFile: string;
  batchSize: number | undefined;
  concurrency: number | undefined;
  dedup: boolean;
  json: boolean;
}

/** Where a bulk run writes. */
export interface BulkRunIo {
  stdout: { write(text: string): unknown };
  /** Gets the progress bar when it is a terminal (`isTTY`), which must then be a real stream. */
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * Runs a bulk sync of `settings.file`.
 *
 * @returns 0 when every lead synced, 1 when any failed or the file could not be read to the end
 */
export async function runBulkSync(client: SyncLeadClient, settings: BulkRunSettings, io: BulkRunIo): Promise<number> {
  const started = performance.now();
  const reader = openLeadFile(settings.file, settings.format);
  const failedFile = createFailedLeadsFile(settings.failedFile, () => reader.header());
  const reasons = new FailureReasons();
  const recordOf = new WeakMap<SyncLeadInput, LeadFileRecord>();
  const progress = createBulkProgress(io.stderr, io.stderr.isTTY === true ? await countRecords(settings.file, settings.format) : 0);
  const tally = { created: 0, updated: 0, failed: 0 };
  let unreadable = 0;

  const fail = (record: LeadFileRecord, error: unknown): void => {
    failedFile.write(record.text);
    reasons.add(record.line, error);
  };
  async function* leads(): AsyncGenerator<SyncLeadInput> {
    for await (const record of reader.records) {
      if ('error' in record.lead) {
        unreadable += 1;
        fail(record, record.lead.error);
        continue;
      }
      recordOf.set(record.lead.input, record);
      yield record.lead.input;
    }
  }

  try {
    const items = client.syncLeadsStream(leads(), {
      batchSize: settings.batchSize,
      concurrency: settings.concurrency,
      dedup: settings.dedup,
      onProgress: (counts) =>
        progress.update({ ...counts, processed: counts.processed + unreadable, failed: counts.failed + unreadable }),
    });
    for await (const item of items) {
      if (item.status === 'CREATED') tally.created += 1;
      else if (item.status === 'UPDATED') tally.updated += 1;
      else {
        tally.failed += 1;
        const record = recordOf.get(item.input);
        if (record) fail(record, item.error);
      }
    }
  } finally {
    progress.stop();
    await failedFile.close();
  }

  const failed = tally.failed + unreadable;
  const stopped = reader.stoppedBy();
  const summary: BulkSummary = {
    file: settings.file,
    total: tally.created + tally.updated + failed,
    ...tally,
    failed,
    durationMs: Math.round(performance.now() - started),
    failedFile: failedFile.count > 0 ? settings.failedFile : null,
    reasons: reasons.byReason(),
    firstFailures: reasons.first(),
    stoppedReading: stopped ? stopped.message : null,
  };
  io.stdout.write(settings.json ? formatSummaryJson(summary) : formatSummaryText(summary));
  return failed > 0 || stopped ? 1 : 0;
}
