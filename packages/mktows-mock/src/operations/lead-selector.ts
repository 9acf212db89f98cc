// LeadSelector, the abstract type whose subtype a request names with xsi:type: LeadKeySelector (keys),
// StaticListSelector (a list's members) or LastUpdateAtSelector (leads updated in a window). Read into
// a LeadSelection, and resolved to the leads it selects, each with the sequence number a stream position
// resumes after: the lead's Id (keys, window: ascending Id) or its list membership number (joining order).
import { parseW3CDateTime } from '../time-format.js';
import type { MarketoInstance } from '../instance/marketo-instance.js';
import type { StaticList } from '../instance/static-lists.js';
import type { LeadKeyType } from '../lead-lookup.js';
import { leadKeyTypeOf, matchLeadsByKey } from '../lead-lookup.js';
import type { StoredLead } from '../lead-store.js';
import { MarketoFault } from '../marketo-fault.js';
import { asRecord, listItems, optionalDateTime, optionalInteger, optionalText } from '../soap-values.js';
import { findList } from './list-lookup.js';

/** The most keys a LeadKeySelector may carry. */
const MAX_SELECTOR_KEYS = 100;

/** Marketo's longest LastUpdateAtSelector window: 30 days (fault 20022 beyond). */
const MAX_UPDATE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** What a LeadSelector selects. */
type LeadSelection =
  | { kind: 'keys'; keyType: LeadKeyType; keyValues: string[] }
  | { kind: 'list'; list: StaticList }
  | { kind: 'updated'; oldest: number; latest: number | undefined };

/** A selected lead and the sequence number a stream position resumes after. */
interface SelectedLead {
  lead: StoredLead;
  seq: number;
}

function subtypeOf(selector: Record<string, unknown>): string | undefined {
  const xsiType = optionalText(asRecord(selector.attributes)?.['xsi:type']);
  if (xsiType !== undefined) return xsiType.slice(xsiType.indexOf(':') + 1);
  if ('keyType' in selector || 'keyValues' in selector) return 'LeadKeySelector';
  if ('staticListName' in selector || 'staticListId' in selector) return 'StaticListSelector';
  if ('oldestUpdatedAt' in selector || 'latestUpdatedAt' in selector) return 'LastUpdateAtSelector';
  return undefined;
}

function dateTimeOf(value: unknown, name: string): number | undefined {
  const ms = optionalDateTime(value);
  if (ms !== undefined && Number.isNaN(ms)) throw new MarketoFault(20110, `${name} must be a W3C date-time`);
  return ms;
}

/**
 * A time window, checked against Marketo's 30-day limit (an open end counts from now).
 * @throws MarketoFault 20110 when latest is before oldest, 20022 for a window over 30 days
 */
function updateWindow(oldest: number, latest: number | undefined, now: number): LeadSelection {
  if (latest !== undefined && latest < oldest)
    throw new MarketoFault(20110, 'latestUpdatedAt is before oldestUpdatedAt');
  if ((latest ?? now) - oldest > MAX_UPDATE_WINDOW_MS) {
    throw new MarketoFault(20022, 'oldestUpdatedAt and latestUpdatedAt (or now) are more than 30 days apart');
  }
  return { kind: 'updated', oldest, latest };
}

/**
 * Reads a LeadSelector. Keys beyond {@link MAX_SELECTOR_KEYS} are dropped (`tooManyKeys: 'drop'`, as
 * getMultipleLeads documents) or refused (`'fault'`, 20110, as getLeadChanges documents).
 * @throws MarketoFault 20109 for a selector without what its subtype needs, 20110/20102/20111/20022 for bad values
 */
export function readLeadSelector(
  value: unknown,
  instance: MarketoInstance,
  tooManyKeys: 'drop' | 'fault',
): LeadSelection | undefined {
  const selector = asRecord(value);
  if (!selector) return undefined;
  switch (subtypeOf(selector)) {
    case 'LeadKeySelector': {
      const keyValues = listItems(selector.keyValues, 'stringItem')
        .map((item) => optionalText(item))
        .filter((item): item is string => item !== undefined);
      const keyType = leadKeyTypeOf(optionalText(selector.keyType), keyValues[0]);
      if (keyValues.length === 0) throw new MarketoFault(20109, 'keyValues needs at least one stringItem');
      if (keyValues.length > MAX_SELECTOR_KEYS && tooManyKeys === 'fault') {
        throw new MarketoFault(
          20110,
          `keyValues holds ${keyValues.length} keys; at most ${MAX_SELECTOR_KEYS} are allowed`,
        );
      }
      return { kind: 'keys', keyType, keyValues: keyValues.slice(0, MAX_SELECTOR_KEYS) };
    }
    case 'StaticListSelector':
      return {
        kind: 'list',
        list: findList(instance, optionalInteger(selector.staticListId), optionalText(selector.staticListName)),
      };
    case 'LastUpdateAtSelector': {
      const oldest = dateTimeOf(selector.oldestUpdatedAt, 'oldestUpdatedAt');
      if (oldest === undefined) throw new MarketoFault(20109, 'LastUpdateAtSelector needs oldestUpdatedAt');
      return updateWindow(oldest, dateTimeOf(selector.latestUpdatedAt, 'latestUpdatedAt'), instance.now());
    }
    default:
      throw new MarketoFault(
        20110,
        'leadSelector must be a LeadKeySelector, StaticListSelector or LastUpdateAtSelector',
      );
  }
}

/** The deprecated top-level `lastUpdatedAt` of getMultipleLeads, as an open LastUpdateAtSelector. */
export function lastUpdatedAtSelection(value: unknown, instance: MarketoInstance): LeadSelection | undefined {
  const oldest = typeof value === 'string' ? parseW3CDateTime(value) : dateTimeOf(value, 'lastUpdatedAt');
  return oldest === undefined ? undefined : updateWindow(oldest, undefined, instance.now());
}

/** The leads a selection selects, in stream order, with their sequence numbers. */
export function selectedLeads(instance: MarketoInstance, selection: LeadSelection): SelectedLead[] {
  switch (selection.kind) {
    case 'keys': {
      const leads = new Map<number, StoredLead>();
      for (const keyValue of selection.keyValues) {
        for (const lead of matchLeadsByKey(instance.leads, selection.keyType, keyValue)) leads.set(lead.id, lead);
      }
      return [...leads.values()].sort((a, b) => a.id - b.id).map((lead) => ({ lead, seq: lead.id }));
    }
    case 'list':
      return instance.lists.membersAfter(selection.list, 0).flatMap(([leadId, seq]) => {
        const lead = instance.leads.get(leadId);
        return lead ? [{ lead, seq }] : [];
      });
    case 'updated': {
      const { oldest, latest } = selection;
      return instance.leads
        .all()
        .filter((lead) => lead.updatedAt >= oldest && (latest === undefined || lead.updatedAt <= latest))
        .map((lead) => ({ lead, seq: lead.id }));
    }
  }
}

/** A canonical description of a selection, for stream position fingerprints. */
export function selectionKey(selection: LeadSelection): unknown {
  switch (selection.kind) {
    case 'keys':
      return ['keys', selection.keyType, selection.keyValues];
    case 'list':
      return ['list', selection.list.id];
    case 'updated':
      return ['updated', selection.oldest, selection.latest ?? null];
  }
}
