// `sync-lead --file`: syncs every lead of an NDJSON or CSV file through syncLeadsStream, with a progress
// bar on a terminal, failed records written to a file of the same format (to fix and feed back), and a
// summary. Unreadable records fail like invalid leads; every record read is accounted for. Before the
// first call: the file is checked to be UTF-8, its header (CSV) is read and checked, and the failed-leads
// file is opened; any of them wrong is a usage error, with nothing sent and the input untouched.
import type { SyncLeadClient } from '../create-sync-lead-client.js';
import type { SyncLeadInput } from '../sync-lead-input.js';
import { createBulkProgress } from './bulk-progress.js';
import { type BulkSummary, formatSummaryJson, formatSummaryText } from './bulk-summary.js';
import { type FailedLeadsFile, openFailedLeadsFile } from './failed-leads-file.js';
import { FailureReasons } from './failure-reasons.js';
import { expectedRecords, type LeadFileFormat, openLeadFile } from './lead-file-format.js';
import type { LeadFileReader, LeadFileRecord } from './lead-file-record.js';
import { scanLeadFile } from './lead-file-scan.js';

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
interface BulkRunIo {
  stdout: { write(text: string): unknown };
  /** Gets the progress bar when it is a terminal (`isTTY`), which must then be a real stream. */
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** The reader of `settings.file` and its failed-leads file, both checked and open, or a usage error. */
async function prepare(settings: BulkRunSettings): Promise<{ reader: LeadFileReader; failedFile: FailedLeadsFile; expected: number }> {
  const { nonBlankLines } = await scanLeadFile(settings.file);
  const reader = openLeadFile(settings.file, settings.format);
  try {
    await reader.open();
    return { reader, failedFile: openFailedLeadsFile(settings.failedFile, settings.file, () => reader.header()), expected: expectedRecords(nonBlankLines, settings.format) };
  } catch (error) {
    reader.close();
    throw error;
  }
}

/**
 * Runs a bulk sync of `settings.file`.
 *
 * @returns 0 when every lead synced, 1 when any failed or the file could not be read to the end
 * @throws {@link ValidationError} before any call when the file or the failed-leads file cannot be used
 */
export async function runBulkSync(client: SyncLeadClient, settings: BulkRunSettings, io: BulkRunIo): Promise<number> {
  const started = performance.now();
  const { reader, failedFile, expected } = await prepare(settings);
  const reasons = new FailureReasons();
  const recordOf = new WeakMap<SyncLeadInput, LeadFileRecord>();
  const progress = createBulkProgress(io.stderr, expected);
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
        if (record.rest) {
          await failedFile.writeRest(settings.file, record.rest.fromByte);
          reasons.add(record.line, record.lead.error);
        } else {
          fail(record, record.lead.error);
        }
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
    reader.close();
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
