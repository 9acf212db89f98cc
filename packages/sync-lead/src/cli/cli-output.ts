// What the CLI prints: a result as text or one JSON object, a failure as one line.
import { MarketoError, SyncFailedError, TransportError, ValidationError } from '../errors.js';
import type { SyncLeadResult } from '../sync-lead-result.js';

/** The result as printed: one JSON object and a newline, or a human-readable summary. */
export function formatResult(result: SyncLeadResult, json: boolean): string {
  if (json) return `${JSON.stringify(result)}\n`;
  const lines = [`${result.status} lead ${result.leadId}`];
  if (result.lead) {
    lines.push(`  Email: ${result.lead.email ?? '(none)'}`);
    if (result.lead.foreignSysPersonId) lines.push(`  ForeignSysPersonId: ${result.lead.foreignSysPersonId} (${result.lead.foreignSysType ?? '?'})`);
    for (const [name, value] of Object.entries(result.lead.attributes)) {
      lines.push(`  ${name}: ${value instanceof Date ? value.toISOString() : String(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A failure as one line for stderr and as a JSON-able object. */
export function describeFailure(error: unknown): { line: string; json: Record<string, unknown> } {
  const line = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ');
  if (error instanceof MarketoError) {
    return {
      line: line(`Marketo error ${error.code}: ${error.faultString || error.message}`),
      json: { name: error.name, code: error.code, message: error.message, retryable: error.retryable },
    };
  }
  if (error instanceof SyncFailedError) {
    return { line: line(error.message), json: { name: error.name, message: error.message, reason: error.reason } };
  }
  if (error instanceof TransportError) {
    return {
      line: line(error.message),
      json: { name: error.name, message: error.message, httpStatus: error.httpStatus, errorCode: error.errorCode, limit: error.limit },
    };
  }
  if (error instanceof ValidationError) {
    return { line: line(error.message), json: { name: error.name, message: error.message, field: error.field, rule: error.rule } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { line: line(message), json: { name: error instanceof Error ? error.name : 'Error', message } };
}
