// One timer per client for the attempts' timeouts: each attempt expires at its own deadline, a finished
// attempt never expires, and the timer never keeps a process alive on its own.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAttemptDeadlines } from '../src/attempt-deadlines.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('attempt deadlines', () => {
  it('expires each attempt at its own deadline, earliest first, whatever the order they started in', () => {
    const deadlines = createAttemptDeadlines();
    const expired: string[] = [];
    deadlines.watch(300, () => expired.push('slow'));
    deadlines.watch(100, () => expired.push('fast'));
    vi.advanceTimersByTime(99);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['fast']);
    vi.advanceTimersByTime(200);
    expect(expired).toEqual(['fast', 'slow']);
  });

  it('an attempt that finished in time never expires, and later attempts still do', () => {
    const deadlines = createAttemptDeadlines();
    const expire = vi.fn();
    const finished = deadlines.watch(100, expire);
    vi.advanceTimersByTime(50);
    finished();
    const later = vi.fn();
    deadlines.watch(100, later);
    vi.advanceTimersByTime(60); // past the first deadline, which is gone
    expect(expire).not.toHaveBeenCalled();
    expect(later).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40);
    expect(later).toHaveBeenCalledOnce();
  });

  it('uses one timer for many attempts, unref\'d, and clear() stops it', () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const deadlines = createAttemptDeadlines();
    for (let index = 0; index < 50; index += 1) deadlines.watch(1_000 + index, () => undefined)();
    expect(setTimeoutSpy).toHaveBeenCalledTimes(1);
    const timer = setTimeoutSpy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    const expire = vi.fn();
    deadlines.watch(10, expire);
    deadlines.clear();
    vi.advanceTimersByTime(2_000);
    expect(expire).not.toHaveBeenCalled();
  });
});
