/** The roster week's real time line against its wall clock, across both clock changes of 2026 in London. */
import { FIXED_CLOCK, weekClock } from '../../../src/rostering/week-clock';
import { localIsoToReal, realToLocalIso } from '../../../src/rostering/calendar-util';

const SAT_22 = 5 * 1440 + 22 * 60;
const SUN = 6 * 1440;

describe('week clock', () => {
  it('spring: Sat 22:00 → Sun 06:00 is 7 real hours and 22:00 + 8 h ends 07:00', () => {
    const clock = weekClock('2026-03-23', 'Europe/London');
    expect(clock.changes).toBe(true);
    expect(clock.toReal(SUN + 6 * 60) - clock.toReal(SAT_22)).toBe(420);
    const end = clock.toReal(SAT_22) + 480;
    expect(realToLocalIso('2026-03-23', clock, end)).toBe('2026-03-29T07:00:00');
    expect(clock.passes(SUN + 90)).toEqual([]); // 01:30 never happens
    expect(clock.toReal(SUN + 90)).toBe(clock.toReal(SUN + 120)); // reads as the jump
  });

  it('autumn: Sat 22:00 → Sun 06:00 is 9 real hours, 22:00 + 8 h ends 05:00 and 01:30 happens twice', () => {
    const clock = weekClock('2026-10-19', 'Europe/London');
    expect(clock.toReal(SUN + 6 * 60) - clock.toReal(SAT_22)).toBe(540);
    const start = clock.toReal(SAT_22);
    expect(realToLocalIso('2026-10-19', clock, start + 480)).toBe('2026-10-25T05:00:00');
    const passes = clock.passes(SUN + 90);
    expect(passes).toHaveLength(2);
    expect(passes[1] - passes[0]).toBe(60);
    expect(localIsoToReal('2026-10-19', clock, '2026-10-25T01:30:00')).toBe(passes[0]);
    expect(localIsoToReal('2026-10-19', clock, '2026-10-25T01:30:00', passes[1] + 5)).toBe(passes[1]);
  });

  it('slots: none of the skipped hour, both passes of the repeated one, plain days unchanged', () => {
    const spring = weekClock('2026-03-23', 'Europe/London');
    const autumn = weekClock('2026-10-19', 'Europe/London');
    const slot = (clock: typeof spring, hour: number): number =>
      clock.slotMinutes((SUN + hour * 60) / 60, 60);
    expect([slot(spring, 0), slot(spring, 1), slot(spring, 2)]).toEqual([60, 0, 60]);
    expect([slot(autumn, 0), slot(autumn, 1), slot(autumn, 2)]).toEqual([60, 120, 60]);
    const hours = (clock: typeof spring): Record<number, number> => {
      const start = clock.toReal(SAT_22);
      return Object.fromEntries(
        clock.shares(start, start + 480, 60).map((s) => [(s.interval * 60 - SUN) / 60, s.fraction]),
      );
    };
    expect(hours(spring)).toEqual({ [-2]: 1, [-1]: 1, 0: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 });
    expect(hours(autumn)).toEqual({ [-2]: 1, [-1]: 1, 0: 1, 1: 1, 2: 1, 3: 1, 4: 1 });
    // one pass of the repeated hour is half of that slot
    const first = autumn.passes(SUN + 60)[0];
    expect(autumn.shares(first, first + 60, 60)).toEqual([{ interval: (SUN + 60) / 60, fraction: 0.5 }]);
  });

  it('a week without a change (or no zone) keeps real = wall', () => {
    const clock = weekClock('2026-03-02', 'Europe/London');
    expect(clock.changes).toBe(false);
    expect(clock.toReal(SAT_22)).toBe(SAT_22);
    expect(FIXED_CLOCK.shares(90, 150, 60)).toEqual([
      { interval: 1, fraction: 0.5 },
      { interval: 2, fraction: 0.5 },
    ]);
    expect(weekClock('2026-03-23', undefined)).toBe(FIXED_CLOCK);
  });
});
