// syncLead: one record, keys and workspace rules per lead-sync.ts; returnLead=true adds the stored record.
import { toLeadRecordOutput } from '../lead-record-xml.js';
import { readLeadRecord } from '../lead-record-xml.js';
import { syncLeadRecord } from '../lead-sync.js';
import { MarketoFault } from '../marketo-fault.js';
import { asRecord, optionalBoolean, optionalText } from '../soap-values.js';
import type { OperationContext, OperationHandler } from './operation-context.js';

/**
 * The syncLead handler.
 * @throws MarketoFault 20104 without leadRecord, 20017 without returnLead, and the faults of syncLeadRecord
 */
export function syncLeadHandler(context: OperationContext): OperationHandler {
  return (args, headers) => {
    // soap parses an empty <leadRecord/> to null: that is a record without keys (20109 unless a cookie is
    // given); only a missing element is 20104.
    if (!Object.hasOwn(args, 'leadRecord')) throw new MarketoFault(20104, 'leadRecord is required');
    const returnLead = optionalBoolean(args.returnLead);
    if (returnLead === undefined) throw new MarketoFault(20017, 'returnLead (true or false) is required');
    const record = readLeadRecord(args.leadRecord, optionalText(args.marketoCookie));
    const targetWorkspace = optionalText(asRecord(headers.MktowsContextHeader)?.targetWorkspace);
    const { instance } = context;
    const target = instance.settings.workspaces.target(targetWorkspace);

    const result = syncLeadRecord(instance.syncEnvironment(), record, {
      dedupByEmail: true,
      emailKeyUpdatesMatchedLead: true,
      target,
    });
    if (result.status === 'FAILED') {
      const leadId = record.id ?? 0;
      return {
        result: { leadId, syncStatus: { leadId, status: 'FAILED', error: result.failure.detailMessage } },
      };
    }
    const leadId = result.lead.id;
    return {
      result: {
        leadId,
        syncStatus: { leadId, status: result.status },
        ...(returnLead ? { leadRecord: toLeadRecordOutput(result.lead, instance.settings.fields) } : {}),
      },
    };
  };
}
