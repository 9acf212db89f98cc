// Small helpers for honouring an AbortSignal promptly around work that cannot itself be cancelled.
import { AbortError } from './errors.js';

/** Throws the package's AbortError when `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError(signal.reason);
}

/**
 * Settles like `promise`, or rejects as soon as `signal` fires with `onAbort()`'s error. The
 * promise keeps running; its later rejection is observed so it never surfaces as unhandled.
 */
export function raceWithSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => Error): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(onAbort());
  }
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        // Passes the underlying rejection through unchanged: callers map soap's non-Error rejections.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(error);
      },
    );
  });
}

/** A signal that fires when any of its sources fires, and a way to detach it from them. */
interface LinkedSignal {
  signal: AbortSignal;
  /** Removes the listeners from the sources (call when the work is done). */
  dispose(): void;
}

/**
 * Links `sources` into one signal. Written out rather than `AbortSignal.any`, whose dependent signals
 * were retained in some Node 20 releases: a long bulk run makes one per call.
 */
export function linkSignals(sources: ReadonlyArray<AbortSignal | undefined>): LinkedSignal {
  const present = sources.filter((source): source is AbortSignal => source !== undefined);
  // One source is its own link: no controller and no listener per call (the common case, a call
  // without a signal of its own, costs nothing here).
  if (present.length === 1) return { signal: present[0]!, dispose: () => undefined };
  const controller = new AbortController();
  const already = present.find((source) => source.aborted);
  if (already) {
    controller.abort(already.reason);
    return { signal: controller.signal, dispose: () => undefined };
  }
  const listeners = present.map((source) => {
    const listener = (): void => controller.abort(source.reason);
    source.addEventListener('abort', listener, { once: true });
    return [source, listener] as const;
  });
  return {
    signal: controller.signal,
    dispose: () => {
      for (const [source, listener] of listeners) source.removeEventListener('abort', listener);
    },
  };
}
