/**
 * weekFrame places instants without asking luxon inside a 24-hour local day; this pins it to the
 * exact per-instant conversion it replaced, over ordinary and clock-change weeks of several zones
 * (whole-hour, half-hour and 30-minute daylight saving) and every supported interval.
 */
import { DateTime } from 'luxon';
import { parseWeek, weekFrame } from '../../../src/staffing/week-slots';

/** The slot of every instant of the week by luxon's wall clock, one conversion per instant. */
function referenceInstants(week: string, intervalMinutes: number, timeZone: string): number[][] {
  const monday = parseWeek(week, timeZone);
  const perDay = 1440 / intervalMinutes;
  const out: number[][] = Array.from({ length: 7 * perDay }, () => []);
  const end = monday.plus({ days: 7 }).startOf('day').toMillis();
  for (let t = monday.toMillis(); t < end; t += intervalMinutes * 60_000) {
    const local = DateTime.fromMillis(t, { zone: timeZone });
    const day = Math.round(
      (Date.UTC(local.year, local.month - 1, local.day) -
        Date.UTC(monday.year, monday.month - 1, monday.day)) /
        86_400_000,
    );
    if (day < 0 || day > 6) continue;
    out[day * perDay + Math.floor((local.hour * 60 + local.minute) / intervalMinutes)]?.push(t);
  }
  return out;
}

const CASES: [string, string][] = [
  ['Europe/London', '2026-11-23'],
  ['Europe/London', '2026-03-23'],
  ['Europe/London', '2026-10-19'],
  ['America/New_York', '2026-03-02'],
  ['America/New_York', '2026-10-26'],
  ['Asia/Kolkata', '2026-06-15'],
  ['Australia/Lord_Howe', '2026-03-30'],
  ['Australia/Lord_Howe', '2026-09-28'],
  ['UTC', '2026-02-23'],
];

describe('weekFrame instants', () => {
  it.each(CASES)('match the per-instant conversion in %s, week %s', (zone, week) => {
    for (const minutes of [5, 15, 30, 60]) {
      const frame = weekFrame(week, minutes, zone);
      expect(frame.slots.map((s) => s.instants)).toEqual(referenceInstants(week, minutes, zone));
    }
  });
});
