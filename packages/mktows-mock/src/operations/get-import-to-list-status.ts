// getImportToListStatus: the latest import job of a program's list. While it processes: PROCESSING, no
// endedTime, counts 0; once run: COMPLETE with the rows imported / failed / ignored and a summary.
import type { ResultGetImportToListStatus, SuccessGetImportToListStatus } from '@org/mktows-types';

import { MarketoFault } from '../marketo-fault.js';
import { formatW3CDateTime } from '../time-format.js';
import type { HandlerFactory } from './operation-context.js';
import { requiredTexts } from './required-params.js';

/**
 * The getImportToListStatus handler.
 * @throws MarketoFault 20109 without programName or listName, 20111 for an unknown list, 20110 when no
 *   import was ever started for the list
 */
export const getImportToListStatusHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const { programName, listName } = requiredTexts(args, ['programName', 'listName']);
  if (!instance.lists.inProgram(programName, listName)) {
    throw new MarketoFault(20111, `program "${programName}" has no static list "${listName}"`);
  }
  const job = instance.imports.latest(programName, listName);
  if (!job) throw new MarketoFault(20110, `no import was started for ${programName}.${listName}`);
  const result: ResultGetImportToListStatus = {
    status: job.status,
    startedTime: formatW3CDateTime(job.startedAt),
    ...(job.endedAt === undefined ? {} : { endedTime: formatW3CDateTime(job.endedAt) }),
    estimatedRows: job.estimatedRows,
    rowsImported: job.rowsImported,
    rowsFailed: job.rowsFailed,
    rowsIgnored: job.rowsIgnored,
    ...(job.importSummary === undefined ? {} : { importSummary: job.importSummary }),
  };
  const response: SuccessGetImportToListStatus = { result };
  return response;
};
