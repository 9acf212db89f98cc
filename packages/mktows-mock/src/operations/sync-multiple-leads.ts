// syncMultipleLeads: every record upserted in order, one SyncStatus per record.
// Attribute names are checked for the whole batch before anything is written: by default one unknown
// name faults the whole call with 20105 and nothing is stored (Marketo documents 20105 as a fault, "the
// LeadRecord contains an attribute with a bad name"; it documents no per-record variant). Other record
// problems (unknown Id, missing keys, bad values, a taken foreign id) fail only their record, with the
// reason in SyncStatus.error, and the others are stored.
import { readLeadRecord } from '../lead-record-xml.js';
import type { SyncRules } from '../lead-sync.js';
import { checkAttributeNames, syncLeadRecord } from '../lead-sync.js';
import { MarketoFault } from '../marketo-fault.js';
import { asList, asRecord, optionalBoolean } from '../soap-values.js';
import type { OperationContext, OperationHandler } from './operation-context.js';

interface SyncStatusOutput {
  leadId: number;
  status: 'CREATED' | 'UPDATED' | 'FAILED';
  error?: string;
}

function failed(leadId: number | undefined, fault: MarketoFault): SyncStatusOutput {
  return { leadId: leadId ?? 0, status: 'FAILED', error: fault.detailMessage };
}

/**
 * The syncMultipleLeads handler.
 * @throws MarketoFault 20104 without leadRecordList, 20110 for a batch over maxBatchSize, 20105 for an
 *   unknown attribute name (unless `unknownAttributeInBatch` is `fail-record`)
 */
export function syncMultipleLeadsHandler(context: OperationContext): OperationHandler {
  return (args) => {
    // soap parses an empty <leadRecordList/> to null: an empty batch. Only a missing element is 20104.
    if (!Object.hasOwn(args, 'leadRecordList')) throw new MarketoFault(20104, 'leadRecordList is required');
    const items = asList(asRecord(args.leadRecordList)?.leadRecord);
    if (context.maxBatchSize !== undefined && items.length > context.maxBatchSize) {
      throw new MarketoFault(
        20110,
        `leadRecordList holds ${items.length} records; at most ${context.maxBatchSize} are supported`,
      );
    }
    const records = items.map((item) => {
      try {
        return readLeadRecord(item, undefined);
      } catch (error) {
        if (error instanceof MarketoFault) return error;
        throw error;
      }
    });
    if (context.unknownAttributeInBatch === 'fault') {
      for (const [index, record] of records.entries()) {
        if (record instanceof MarketoFault) continue;
        try {
          checkAttributeNames(record.attributes, context.instance.settings.fields);
        } catch (error) {
          if (error instanceof MarketoFault)
            throw new MarketoFault(error.code, `leadRecord ${index + 1}: ${error.detail ?? ''}`);
          throw error;
        }
      }
    }

    // syncMultipleLeads declares no context header: the no-header workspace rules apply.
    const rules: SyncRules = {
      dedupByEmail: optionalBoolean(args.dedupEnabled) ?? true,
      emailKeyUpdatesMatchedLead: false,
      target: { named: undefined },
    };
    const environment = context.instance.syncEnvironment();
    const syncStatus = records.map((record): SyncStatusOutput => {
      if (record instanceof MarketoFault) return failed(undefined, record);
      try {
        const result = syncLeadRecord(environment, record, rules);
        if (result.status === 'FAILED') return failed(record.id, result.failure);
        return { leadId: result.lead.id, status: result.status };
      } catch (error) {
        if (error instanceof MarketoFault) return failed(record.id, error);
        throw error;
      }
    });
    return { result: { syncStatusList: { syncStatus } } };
  };
}
