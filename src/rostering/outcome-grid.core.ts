/**
 * Actual volumes onto the roster's interval grid, for plan versus actual. Pure.
 *
 * The roster grid is WALL-CLOCK (staffing/week-slots.ts, rostering/calendar-util.ts): every
 * day has 1440 / size slots and slot r starts at local r × size minutes. A volume bucket is
 * ELAPSED time: value c of a local day starts c × interval after local midnight, so a day
 * has 23 or 25 hourly values when the clocks change. Each value therefore goes to the slot
 * of its own wall-clock start (volume-calendar.ts `dayLocalMinutes`), never to c × interval:
 * in autumn both passes of the repeated hour land in (and add up in) the same slots, in
 * spring the skipped hour's slots get nothing, and every later hour stays on its own clock.
 */
import { badInput } from '../errors';

const DAY_MINUTES = 1440;

/**
 * One day of a channel's values onto the roster grid of `size` minutes: each value is spread
 * evenly over the minutes from its wall-clock start `startMinutes[c]` (default c ×
 * channelMinutes, a day without a clock change). Values that share slots add up. Null
 * where no value overlaps.
 */
export function toGrid(
  values: readonly (number | null)[],
  channelMinutes: number,
  size: number,
  startMinutes?: readonly number[],
): (number | null)[] {
  if (startMinutes && startMinutes.length < values.length)
    throw badInput(
      `startMinutes must have one entry per value (${values.length}), got ${startMinutes.length}`,
    );
  const out: (number | null)[] = new Array<number | null>(DAY_MINUTES / size).fill(null);
  values.forEach((v, c) => {
    if (v === null || v === undefined) return;
    const from = startMinutes?.[c] ?? c * channelMinutes;
    const to = Math.min(from + channelMinutes, DAY_MINUTES);
    for (let r = Math.floor(from / size); r * size < to; r++) {
      const overlap = Math.min(to, (r + 1) * size) - Math.max(from, r * size);
      out[r] = (out[r] ?? 0) + (v * overlap) / channelMinutes;
    }
  });
  return out;
}
