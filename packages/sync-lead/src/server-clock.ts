// What a client learned about the server's clock. Marketo refuses signatures whose timestamp is more
// than 15 minutes off its own clock (fault 20016); when that happens the fault response's HTTP `Date`
// header tells how far off this machine is, and later signatures are shifted by that much.
import { computeClockOffsetMs } from '@org/mktows-auth';

// The Date header has one-second resolution and the response took some time to arrive: differences
// smaller than this are noise, not a wrong clock, and must not move a correct clock.
const SIGNIFICANT_SKEW_MS = 60_000;

/** The correction a client applies to its clock when signing. */
interface ServerClock {
  /** Milliseconds to add to the local clock when signing (0 until a skew was observed). */
  readonly offsetMs: number;
  /** Learns from a fault response's `Date` header, received at `receivedAt` by the local clock. */
  observe(serverDate: Date, receivedAt: Date): void;
}

/** Creates a clock correction that starts at zero. */
export function createServerClock(): ServerClock {
  let offsetMs = 0;
  return {
    get offsetMs() {
      return offsetMs;
    },
    observe(serverDate, receivedAt) {
      const skew = computeClockOffsetMs(serverDate, receivedAt);
      offsetMs = Math.abs(skew) >= SIGNIFICANT_SKEW_MS ? skew : 0;
    },
  };
}
