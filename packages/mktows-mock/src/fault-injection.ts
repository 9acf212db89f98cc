// Seeded fault injection: for every eligible call, three draws from the PRNG decide (1) whether the call
// is delayed, (2) by how long, and (3) which fault, if any, it gets. Always drawing three numbers keeps the
// sequence of decisions the same for a seed whatever kinds of fault are configured.
import { ValidationError } from '@org/mktows-auth';

import { findMarketoFaultCode } from '@org/mktows-types';

import type { RandomSource } from './seeded-random.js';
import { createSeededRandom } from './seeded-random.js';

/** An injected Marketo fault and how often it happens. */
export interface InjectedMarketoFault {
  /** A documented Marketo code, e.g. 20011 (internal error) or 20023 (rate limit). */
  code: number;
  /** Probability per call, 0..1. */
  rate: number;
}

/**
 * The `faults` option. Every rate is a probability per call (0..1); the fault rates together must not
 * exceed 1. No injected fault applies a write, except `resetAfterCommit`, which exists to test duplicate
 * safety: the call is processed and committed, then the connection is reset so the client never sees the
 * response.
 */
export interface FaultInjectionOptions {
  /** Delay the call before processing: with probability `rate`, by `minMs`..`maxMs` (uniform). */
  latency?: { rate: number; minMs?: number; maxMs: number };
  /** Answer HTTP 503 Service Unavailable without processing the call. */
  http503?: number;
  /** Destroy the connection after reading the request, without processing it (ECONNRESET / socket hang up). */
  reset?: number;
  /** Process the call (writes applied), then destroy the connection instead of answering. */
  resetAfterCommit?: number;
  /** Answer HTTP 200 with a body that is not XML, without processing the call. */
  malformed?: number;
  /** Answer with these Marketo faults (after authentication and limits), without processing the call. */
  marketo?: readonly InjectedMarketoFault[];
  /** Only calls of these operations get faults (default: every operation). Others draw nothing. */
  operations?: readonly string[];
}

/** The transport-level faults (everything but Marketo faults). */
export type TransportFaultKind = 'http503' | 'reset' | 'resetAfterCommit' | 'malformed';

/** A fault for `server.failNext(...)`: a transport fault kind or a documented Marketo code. */
export type QueuedFault = TransportFaultKind | number;

const TRANSPORT_FAULT_KINDS: readonly TransportFaultKind[] = ['http503', 'reset', 'resetAfterCommit', 'malformed'];

/** What happens to one call. */
interface FaultDecision {
  /** Milliseconds to wait before processing (0: none). */
  latencyMs: number;
  /** A transport fault, or undefined. */
  transport: TransportFaultKind | undefined;
  /** A Marketo fault code to answer with, or undefined. */
  marketoCode: number | undefined;
}

const NO_FAULT: FaultDecision = Object.freeze({ latencyMs: 0, transport: undefined, marketoCode: undefined });

type Outcome = { kind: 'transport'; transport: TransportFaultKind } | { kind: 'marketo'; code: number };

function checkRate(field: string, rate: unknown): number {
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new ValidationError(field, 'must be a probability between 0 and 1');
  }
  return rate;
}

/** Decides, deterministically per seed, which calls get which injected faults. */
export class FaultInjector {
  private random: RandomSource;
  private queued: QueuedFault[] = [];
  private readonly outcomes: ReadonlyArray<{ upTo: number; outcome: Outcome }>;
  private readonly latency: { rate: number; minMs: number; maxMs: number } | undefined;
  private readonly operations: ReadonlySet<string> | undefined;

  /** @throws ValidationError naming the option when a rate, latency or code is invalid */
  constructor(
    options: FaultInjectionOptions | undefined,
    private readonly seed: number,
  ) {
    this.random = createSeededRandom(seed);
    const outcomes: Array<{ upTo: number; outcome: Outcome }> = [];
    let total = 0;
    const add = (field: string, rate: number | undefined, outcome: Outcome): void => {
      if (rate === undefined) return;
      total += checkRate(field, rate);
      outcomes.push({ upTo: total, outcome });
    };
    add('faults.reset', options?.reset, { kind: 'transport', transport: 'reset' });
    add('faults.resetAfterCommit', options?.resetAfterCommit, { kind: 'transport', transport: 'resetAfterCommit' });
    add('faults.http503', options?.http503, { kind: 'transport', transport: 'http503' });
    add('faults.malformed', options?.malformed, { kind: 'transport', transport: 'malformed' });
    for (const [index, fault] of (options?.marketo ?? []).entries()) {
      if (!findMarketoFaultCode(fault.code)) {
        throw new ValidationError(`faults.marketo[${index}].code`, "must be one of Marketo's documented fault codes");
      }
      add(`faults.marketo[${index}].rate`, fault.rate, { kind: 'marketo', code: fault.code });
    }
    // A little slack for floating-point sums such as 0.1 + 0.2.
    if (total > 1 + 1e-9) throw new ValidationError('faults', 'rates must add up to at most 1');
    this.outcomes = outcomes;

    const latency = options?.latency;
    if (latency) {
      const minMs = latency.minMs ?? 0;
      if (!(Number.isFinite(minMs) && minMs >= 0 && Number.isFinite(latency.maxMs) && latency.maxMs >= minMs)) {
        throw new ValidationError('faults.latency', 'needs 0 <= minMs <= maxMs (finite milliseconds)');
      }
      this.latency = { rate: checkRate('faults.latency.rate', latency.rate), minMs, maxMs: latency.maxMs };
    }
    this.operations = options?.operations ? new Set(options.operations) : undefined;
  }

  /** Whether any fault or latency is configured at all. */
  get active(): boolean {
    return this.outcomes.length > 0 || this.latency !== undefined;
  }

  /**
   * Queues faults for the next calls, one each, in order, whatever their operation. Queued faults come
   * before the seeded ones and draw nothing from the PRNG, so the seeded sequence is unchanged.
   * @throws ValidationError for an unknown kind or an undocumented code
   */
  enqueue(faults: readonly QueuedFault[]): void {
    for (const [index, fault] of faults.entries()) {
      const known =
        typeof fault === 'number' ? findMarketoFaultCode(fault) !== undefined : TRANSPORT_FAULT_KINDS.includes(fault);
      if (!known) {
        throw new ValidationError(
          `faults[${index}]`,
          `must be ${TRANSPORT_FAULT_KINDS.join(', ')} or one of Marketo's documented fault codes`,
        );
      }
    }
    this.queued.push(...faults);
  }

  /** The decision for the next call of `operation` (undefined when the SOAPAction named none). */
  next(operation: string | undefined): FaultDecision {
    const queued = this.queued.shift();
    if (queued !== undefined) {
      return typeof queued === 'number'
        ? { latencyMs: 0, transport: undefined, marketoCode: queued }
        : { latencyMs: 0, transport: queued, marketoCode: undefined };
    }
    if (!this.active) return NO_FAULT;
    if (this.operations && (operation === undefined || !this.operations.has(operation))) return NO_FAULT;
    const latencyDraw = this.random();
    const latencyAmountDraw = this.random();
    const faultDraw = this.random();
    const latency = this.latency;
    const latencyMs =
      latency && latencyDraw < latency.rate
        ? Math.round(latency.minMs + latencyAmountDraw * (latency.maxMs - latency.minMs))
        : 0;
    const outcome = this.outcomes.find(({ upTo }) => faultDraw < upTo)?.outcome;
    return {
      latencyMs,
      transport: outcome?.kind === 'transport' ? outcome.transport : undefined,
      marketoCode: outcome?.kind === 'marketo' ? outcome.code : undefined,
    };
  }

  /** Starts the sequence again from the seed and drops queued faults. */
  reset(): void {
    this.random = createSeededRandom(this.seed);
    this.queued = [];
  }
}
