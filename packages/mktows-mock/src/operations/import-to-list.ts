// importToList: starts an import job for a list of a program (see instance/import-run.ts for what the job
// does) and answers PROCESSING, as Marketo does; getImportToListStatus reports its progress. The header is
// checked at once (20110), the program's list (20111) and, when given, the campaign that will consume the
// per-lead tokens (20113). A second import to a list whose previous one is still processing is refused.
import { IMPORT_TO_LIST_MODE_ENUM_VALUES } from '@org/mktows-types';
import type { ImportToListModeEnum, SuccessImportToList } from '@org/mktows-types';

import { importColumns } from '../instance/import-run.js';
import { MarketoFault } from '../marketo-fault.js';
import { listItems, optionalBoolean, optionalText, textKeepingEmpty } from '../soap-values.js';
import type { HandlerFactory } from './operation-context.js';

function required(value: unknown, name: string): string {
  const text = optionalText(value);
  if (text === undefined) throw new MarketoFault(20109, `${name} is required`);
  return text;
}

/**
 * The importToList handler.
 * @throws MarketoFault 20109 for a missing parameter, 20110 for a bad header or mode, 20111 for an unknown
 *   list, 20113 for an unknown campaign
 */
export const importToListHandler: HandlerFactory = (context) => (args) => {
  const { instance } = context;
  const programName = required(args.programName, 'programName');
  const listName = required(args.listName, 'listName');
  const importFileHeader = required(args.importFileHeader, 'importFileHeader');
  const mode = required(args.importListMode, 'importListMode');
  if (!(IMPORT_TO_LIST_MODE_ENUM_VALUES as readonly string[]).includes(mode)) {
    throw new MarketoFault(20110, `importListMode must be one of ${IMPORT_TO_LIST_MODE_ENUM_VALUES.join(', ')}`);
  }
  const clearList = optionalBoolean(args.clearList);
  if (clearList === undefined) throw new MarketoFault(20109, 'clearList (true or false) is required');
  const columns = importColumns(importFileHeader, Object.keys(instance.settings.fields));
  if (!instance.lists.inProgram(programName, listName)) {
    throw new MarketoFault(20111, `program "${programName}" has no static list "${listName}"`);
  }
  const campaignName = optionalText(args.campaignName);
  if (campaignName !== undefined && !instance.campaigns.inProgram(programName, campaignName)) {
    throw new MarketoFault(20113, `program "${programName}" has no campaign "${campaignName}"`);
  }
  if (campaignName === undefined && columns.some((column) => column.kind === 'token')) {
    throw new MarketoFault(20109, 'campaignName is required when importFileHeader has token columns');
  }
  if (instance.imports.latest(programName, listName)?.status === 'PROCESSING') {
    throw new MarketoFault(20110, `an import to ${programName}.${listName} is still processing`);
  }
  const importFileRows = listItems(args.importFileRows, 'stringItem').map((row) => textKeepingEmpty(row) ?? '');
  instance.imports.add({
    programName,
    listName,
    status: 'PROCESSING',
    startedAt: instance.now(),
    endedAt: undefined,
    estimatedRows: importFileRows.length,
    rowsImported: 0,
    rowsFailed: 0,
    rowsIgnored: 0,
    importSummary: undefined,
    pending: {
      importFileHeader,
      importFileRows,
      importListMode: mode as ImportToListModeEnum,
      clearList,
      campaignName,
    },
  });
  const response: SuccessImportToList = { result: { importStatus: 'PROCESSING' } };
  return response;
};
