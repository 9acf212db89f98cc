// The day a client's daily quota counts in: Marketo's day, which starts at midnight US Central time,
// by the client's clock (its `now` option), worked out again only when the day may have changed.
import { marketoQuotaDay, nextMarketoQuotaReset } from '@org/mktows-types';

/** A quota day: its name and when it ends (epoch ms). */
interface QuotaDay {
  day: string;
  endsAt: number;
}

/** Returns the current quota day by `now`, worked out again only when the day may have changed. */
export function createQuotaCalendar(now: () => Date): () => QuotaDay {
  let current: QuotaDay | undefined;
  let lastSeen = Number.NEGATIVE_INFINITY;
  return () => {
    const time = now().getTime();
    // A clock set back (tests, replays) can put the time in an earlier day: work it out again then too.
    if (current === undefined || time >= current.endsAt || time < lastSeen) {
      current = { day: marketoQuotaDay(time), endsAt: nextMarketoQuotaReset(time).getTime() };
    }
    lastSeen = time;
    return current;
  };
}
