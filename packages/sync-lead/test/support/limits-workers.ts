// Worker processes for the multi-process limit tests (limits-worker.mjs runs the built package).
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const workerScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'limits-worker.mjs');

/** What a worker reports for one lead. */
export interface WorkerOutcome {
  status: 'CREATED' | 'UPDATED' | 'FAILED';
  errorName?: string;
  code?: number;
  message?: string;
}

/** Settings of a worker (see limits-worker.mjs). */
export interface WorkerSettings {
  endpoint: string;
  userId: string;
  secretKey: string;
  store: { url: string; key?: string; leaseMs?: number; whenUnavailable?: 'wait' | 'fail' };
  rateLimit?: { calls: number; windowMs: number } | false;
  concurrency?: number;
  dailyQuota?: number | false;
  prefix: string;
  leads: number;
  mode: 'each' | 'bulk';
  batchSize?: number;
}

/** A running worker. */
export interface Worker {
  child: ChildProcess;
  /** Resolves when the worker has its client and waits for {@link Worker.go}. */
  ready: Promise<void>;
  /** Resolves with the time (Date.now()) of the worker's first request. */
  started: Promise<number>;
  /** Resolves with one outcome per lead when the worker is done. */
  outcomes: Promise<WorkerOutcome[]>;
  /** Lets the worker start syncing. */
  go(): void;
}

/** Forks a worker; it connects nothing until it syncs. */
export function startWorker(settings: WorkerSettings): Worker {
  const child = fork(workerScript, [JSON.stringify(settings)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit').then(([code, signal]) => new Error(`worker ${settings.prefix} exited (${String(code ?? signal)}) before it said so`));
  const message = <T>(pick: (message: Record<string, unknown>) => T | undefined): Promise<T> =>
    Promise.race([
      new Promise<T>((resolve) => {
        const listener = (received: unknown): void => {
          const value = pick(received as Record<string, unknown>);
          if (value === undefined) return;
          child.off('message', listener);
          resolve(value);
        };
        child.on('message', listener);
      }),
      exited.then((error) => Promise.reject(error)),
    ]);
  const worker: Worker = {
    child,
    ready: message((received) => (received.ready === true ? true : undefined)).then(() => undefined),
    started: message((received) => received.started as number | undefined),
    outcomes: message((received) => received.outcomes as WorkerOutcome[] | undefined),
    go: () => child.send('go'),
  };
  // Each is awaited by some tests only: a worker killed on purpose must not surface as unhandled.
  for (const promise of [worker.started, worker.outcomes, worker.ready]) promise.catch(() => undefined);
  return worker;
}

/** Starts workers, waits until all are ready, then lets them go together. */
export async function startWorkers(settings: WorkerSettings[]): Promise<Worker[]> {
  const workers = settings.map(startWorker);
  await Promise.all(workers.map((worker) => worker.ready));
  for (const worker of workers) worker.go();
  return workers;
}
