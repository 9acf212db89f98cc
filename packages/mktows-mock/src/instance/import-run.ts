// Running an importToList job: the CSV header names lead fields by their labels (`Email Address`,
// `First Name`; API names are accepted too) and per-lead My Tokens as `{{my.name}}`. Every row must have an
// Email Address; rows are matched to leads by Email as syncLead does. UPSERTLEADS creates or updates the
// lead (empty cells leave a field as it is), LISTONLY only adds existing leads (a row whose lead does not
// exist is ignored). Each imported lead joins the list (`Add to List`); its tokens wait on the campaign
// named by `campaignName` for that campaign's next run.
import { parse } from 'csv-parse/sync';

import { leadFieldByLabel } from '../lead-field-labels.js';
import type { LeadRecordInput } from '../lead-sync.js';
import { syncLeadRecord } from '../lead-sync.js';
import { MarketoFault } from '../marketo-fault.js';
import type { ImportCounts, ImportJob, ImportRequest } from './import-jobs.js';
import { listMembershipActivity } from './lead-activities.js';
import type { MarketoInstance } from './marketo-instance.js';
import { TOKEN_NAME } from './programs.js';
import type { StaticList } from './static-lists.js';
import { qualifiedListName } from './static-lists.js';

/** A column of the import: a lead field or a My Token. */
type ImportColumn = { kind: 'field'; field: string } | { kind: 'token'; token: string };

function csvLine(line: string): string[] {
  const rows = parse(line, { relax_column_count: true, skip_empty_lines: false }) as string[][];
  if (rows.length !== 1) throw new Error(rows.length === 0 ? 'the line is empty' : 'the line holds several rows');
  return rows[0] ?? [];
}

/**
 * The columns of an import header.
 * @throws MarketoFault 20110 for a header that is not one CSV line, names an unknown field, or has no Email Address
 */
export function importColumns(header: string, fieldNames: readonly string[]): ImportColumn[] {
  let names: string[];
  try {
    names = csvLine(header);
  } catch (error) {
    throw new MarketoFault(20110, `importFileHeader is not one CSV line: ${(error as Error).message}`);
  }
  const columns = names.map((name): ImportColumn => {
    if (TOKEN_NAME.test(name.trim())) return { kind: 'token', token: name.trim() };
    const field = leadFieldByLabel(name, fieldNames);
    if (field === undefined) throw new MarketoFault(20110, `importFileHeader: no lead field is labelled "${name}"`);
    return { kind: 'field', field };
  });
  if (!columns.some((column) => column.kind === 'field' && column.field === 'Email')) {
    throw new MarketoFault(20110, 'importFileHeader needs an Email Address column');
  }
  return columns;
}

interface RowOutcome {
  kind: 'imported' | 'failed' | 'ignored';
  reason?: string;
}

function importRow(
  instance: MarketoInstance,
  job: ImportJob,
  request: ImportRequest,
  columns: readonly ImportColumn[],
  row: string,
  list: StaticList,
): RowOutcome {
  let cells: string[];
  try {
    cells = csvLine(row);
  } catch (error) {
    return { kind: 'failed', reason: (error as Error).message };
  }
  if (cells.length !== columns.length)
    return { kind: 'failed', reason: `${cells.length} cells for ${columns.length} columns` };
  const attributes: LeadRecordInput['attributes'][number][] = [];
  const tokens: Array<{ name: string; value: string }> = [];
  let email: string | undefined;
  for (const [index, column] of columns.entries()) {
    const value = cells[index] ?? '';
    if (column.kind === 'token') tokens.push({ name: column.token, value });
    else if (column.field === 'Email') email = value.trim() === '' ? undefined : value.trim();
    else if (value !== '') attributes.push({ name: column.field, value });
  }
  if (email === undefined) return { kind: 'failed', reason: 'no Email Address' };

  let leadId: number;
  if (request.importListMode === 'LISTONLY') {
    const lead = instance.leads.findByEmail(email).at(-1); // the newest, as syncLead matches
    if (!lead) return { kind: 'ignored' };
    leadId = lead.id;
  } else {
    const record: LeadRecordInput = {
      id: undefined,
      email,
      foreignSysPersonId: undefined,
      foreignSysType: undefined,
      cookie: undefined,
      attributes,
    };
    const source = { type: 'List import', info: `${job.programName}.${job.listName}` };
    const events = instance.syncEvents(source, 'List import');
    try {
      const result = syncLeadRecord(instance.syncEnvironment(events), record, {
        dedupByEmail: true,
        emailKeyUpdatesMatchedLead: true,
        target: { named: undefined },
      });
      if (result.status === 'FAILED') return { kind: 'failed', reason: result.failure.detailMessage };
      leadId = result.lead.id;
    } catch (error) {
      if (error instanceof MarketoFault) return { kind: 'failed', reason: error.detailMessage };
      throw error;
    }
  }
  if (instance.lists.add(list, leadId)) {
    const at = instance.now();
    instance.log(listMembershipActivity('add', leadId, at, { id: list.id, qualifiedName: qualifiedListName(list) }));
  }
  const campaign =
    request.campaignName === undefined
      ? undefined
      : instance.campaigns.inProgram(job.programName, request.campaignName);
  if (campaign && tokens.length > 0) campaign.pendingLeadTokens.set(leadId, tokens);
  return { kind: 'imported' };
}

function runImport(instance: MarketoInstance, job: ImportJob, request: ImportRequest): ImportCounts | undefined {
  const list = instance.lists.inProgram(job.programName, job.listName);
  if (!list) return undefined;
  const columns = importColumns(request.importFileHeader, Object.keys(instance.settings.fields));
  if (request.clearList) instance.lists.clear(list);
  const counts = { imported: 0, failed: 0, ignored: 0 };
  const reasons: string[] = [];
  for (const [index, row] of request.importFileRows.entries()) {
    const outcome = importRow(instance, job, request, columns, row, list);
    counts[outcome.kind] += 1;
    if (outcome.reason !== undefined && reasons.length < 10) reasons.push(`row ${index + 1}: ${outcome.reason}`);
  }
  const summary = `${counts.imported} imported, ${counts.failed} failed, ${counts.ignored} ignored`;
  return {
    rowsImported: counts.imported,
    rowsFailed: counts.failed,
    rowsIgnored: counts.ignored,
    importSummary: reasons.length > 0 ? `${summary}; ${reasons.join('; ')}` : summary,
  };
}

/** Runs every import job that is due by the clock, oldest first. */
export function runDueImports(instance: MarketoInstance): void {
  for (const job of instance.imports.due(instance.now(), instance.settings.importProcessingMs)) {
    const request = job.pending;
    if (!request) continue;
    job.pending = undefined;
    const counts = runImport(instance, job, request);
    job.endedAt = instance.now();
    if (counts) {
      Object.assign(job, counts);
      job.status = 'COMPLETE';
    } else {
      job.status = 'FAILED';
      job.importSummary = `the list ${job.programName}.${job.listName} no longer exists`;
    }
  }
}
