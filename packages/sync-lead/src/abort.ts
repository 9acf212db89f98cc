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
