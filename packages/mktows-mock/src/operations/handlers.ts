// Every operation of the WSDL and its handler. Typed by the generated OperationName, so an operation
// added to the WSDL (and so to the generated table) fails compilation here until it has a handler; a test
// checks the same at run time against the parsed WSDL.
import type { OperationName } from '@org/mktows-types';

import { deleteCustomObjectsHandler } from './delete-custom-objects.js';
import { deleteMObjectsHandler } from './delete-m-objects.js';
import { describeMObjectHandler } from './describe-m-object.js';
import { getCampaignsForSourceHandler } from './get-campaigns-for-source.js';
import { getChannelsHandler } from './get-channels.js';
import { getCustomObjectsHandler } from './get-custom-objects.js';
import { getImportToListStatusHandler } from './get-import-to-list-status.js';
import { getLeadHandler } from './get-lead.js';
import { getLeadActivityHandler } from './get-lead-activity.js';
import { getLeadChangesHandler } from './get-lead-changes.js';
import { getMObjectsHandler } from './get-m-objects.js';
import { getMultipleLeadsHandler } from './get-multiple-leads.js';
import { getTagsHandler } from './get-tags.js';
import { importToListHandler } from './import-to-list.js';
import { listMObjectsHandler } from './list-m-objects.js';
import { listOperationHandler } from './list-operation.js';
import { mergeLeadsHandler } from './merge-leads.js';
import type { HandlerFactory, OperationContext, OperationHandler } from './operation-context.js';
import { requestCampaignHandler } from './request-campaign.js';
import { scheduleCampaignHandler } from './schedule-campaign.js';
import { syncCustomObjectsHandler } from './sync-custom-objects.js';
import { syncLeadHandler } from './sync-lead.js';
import { syncMObjectsHandler } from './sync-m-objects.js';
import { syncMultipleLeadsHandler } from './sync-multiple-leads.js';

/** The handler of each operation of the WSDL. */
export const OPERATION_HANDLERS: { readonly [Name in OperationName]: HandlerFactory } = Object.freeze({
  deleteCustomObjects: deleteCustomObjectsHandler,
  deleteMObjects: deleteMObjectsHandler,
  describeMObject: describeMObjectHandler,
  getCampaignsForSource: getCampaignsForSourceHandler,
  getChannels: getChannelsHandler,
  getCustomObjects: getCustomObjectsHandler,
  getImportToListStatus: getImportToListStatusHandler,
  getLead: getLeadHandler,
  getLeadActivity: getLeadActivityHandler,
  getLeadChanges: getLeadChangesHandler,
  getMObjects: getMObjectsHandler,
  getMultipleLeads: getMultipleLeadsHandler,
  getTags: getTagsHandler,
  importToList: importToListHandler,
  listMObjects: listMObjectsHandler,
  listOperation: listOperationHandler,
  mergeLeads: mergeLeadsHandler,
  requestCampaign: requestCampaignHandler,
  scheduleCampaign: scheduleCampaignHandler,
  syncCustomObjects: syncCustomObjectsHandler,
  syncLead: syncLeadHandler,
  syncMObjects: syncMObjectsHandler,
  syncMultipleLeads: syncMultipleLeadsHandler,
});

/** The handlers of one server. */
export function createHandlers(context: OperationContext): Record<string, OperationHandler> {
  return Object.fromEntries(
    Object.entries(OPERATION_HANDLERS).map(([name, factory]: [string, HandlerFactory]) => [name, factory(context)]),
  );
}
