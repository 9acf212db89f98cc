// importToList's jobs. A job is created PROCESSING and runs once it is due: `importProcessingMs` after it
// started, by the server's clock (0 by default: the next call of any operation finds it done). Until then
// the request waits in the job, so a saved state restarts with the job still pending. getImportToListStatus
// reads the latest job of a program + list.
import type { ImportToListModeEnum, ImportToListStatusEnum } from '@org/mktows-types';

/** What importToList was asked to do. */
export interface ImportRequest {
  importFileHeader: string;
  importFileRows: string[];
  importListMode: ImportToListModeEnum;
  clearList: boolean;
  campaignName: string | undefined;
}

/** The counts a finished job reports. */
export interface ImportCounts {
  rowsImported: number;
  rowsFailed: number;
  rowsIgnored: number;
  importSummary: string | undefined;
}

/** One importToList job. */
export interface ImportJob extends ImportCounts {
  readonly programName: string;
  readonly listName: string;
  status: ImportToListStatusEnum;
  readonly startedAt: number;
  endedAt: number | undefined;
  readonly estimatedRows: number;
  /** The request, while the job has not run. */
  pending: ImportRequest | undefined;
}

/** The instance's import jobs, oldest first. */
export class ImportJobs {
  private readonly jobs: ImportJob[] = [];

  /** Adds a job. */
  add(job: ImportJob): ImportJob {
    this.jobs.push(job);
    return job;
  }

  /** The latest job for a program's list. */
  latest(programName: string, listName: string): ImportJob | undefined {
    for (let index = this.jobs.length - 1; index >= 0; index -= 1) {
      const job = this.jobs[index];
      if (job && job.programName === programName && job.listName === listName) return job;
    }
    return undefined;
  }

  /** The pending jobs due at `now`, oldest first. */
  due(now: number, processingMs: number): ImportJob[] {
    return this.jobs.filter((job) => job.pending !== undefined && job.startedAt + processingMs <= now);
  }

  /** Whether any job is still pending (cheap check before looking for due ones). */
  get hasPending(): boolean {
    return this.jobs.some((job) => job.pending !== undefined);
  }

  /** Every job, oldest first. */
  all(): readonly ImportJob[] {
    return this.jobs;
  }
}
