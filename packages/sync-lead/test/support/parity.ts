// Running the same scenario over SOAP and over REST against one mock: the instance reset before each
// run, the outcome (result or error) and the stored leads captured, errors reduced to what both
// transports promise alike (class, retryable, the field of a ValidationError; Marketo codes are asserted
// by the scenarios that meet them, since SOAP and REST number them differently).
import type { MockLead, SeedLead } from '@org/mktows-mock';
import { MarketoError, type SyncLeadClient, SyncLeadError, ValidationError } from '../../src/index.js';
import type { MockFixture } from './mock.js';

/** An error as both transports must raise it. */
export interface ComparableError {
  name: string;
  retryable: boolean | undefined;
  field?: string;
}

/** A result or an error, comparable across transports. */
export type Comparable = unknown;

/** The parts of an error both transports promise alike. */
export function comparableError(error: unknown): ComparableError {
  if (error instanceof ValidationError) return { name: error.name, retryable: undefined, field: error.field };
  if (error instanceof SyncLeadError) return { name: error.name, retryable: error.retryable };
  throw error;
}

/** Replaces every error inside `value` (a syncLead result or a syncLeads result) by {@link comparableError}. */
export function comparable(value: unknown): Comparable {
  if (value instanceof Error) return { error: comparableError(value) };
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, comparable(item)]));
  }
  return value;
}

/** Every Marketo code in `value` (an error, or the results of a syncLeads run), in order. */
export function marketoCodes(value: unknown): number[] {
  if (value instanceof MarketoError) return [value.code];
  if (Array.isArray(value)) return value.flatMap(marketoCodes);
  if (typeof value === 'object' && value !== null && !(value instanceof Error)) return Object.values(value).flatMap(marketoCodes);
  return [];
}

/** What a scenario did on one transport. */
export interface Run {
  /** The scenario's result, or the error it threw (as thrown). */
  outcome: unknown;
  /** `server.leads()` afterwards. */
  leads: MockLead[];
}

/** A scenario: leads to seed, then calls on a client. */
export interface Scenario {
  seed?: readonly SeedLead[];
  run: (client: SyncLeadClient) => Promise<unknown>;
}

/** Runs `scenario` over SOAP, then over REST, each on a freshly reset instance of the same mock. */
export async function runBoth(mock: MockFixture, clients: { soap: SyncLeadClient; rest: SyncLeadClient }, scenario: Scenario): Promise<{ soap: Run; rest: Run }> {
  const once = async (client: SyncLeadClient): Promise<Run> => {
    mock.server.reset();
    for (const lead of scenario.seed ?? []) mock.server.addLead(lead);
    const outcome = await scenario.run(client).catch((error: unknown) => error);
    return { outcome, leads: mock.server.leads() };
  };
  const soap = await once(clients.soap);
  const rest = await once(clients.rest);
  return { soap, rest };
}
