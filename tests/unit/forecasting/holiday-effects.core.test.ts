import { seasonalNaiveForecaster } from '../../../src/forecasting/models/seasonal-naive';
import {
  applyHolidaysAhead,
  arrivalEffects,
  maskHolidayHistory,
} from '../../../src/forecasting/holiday-effects.core';
import { checkFactor } from '../../../src/holidays/holiday-effect';

const SLOTS = 4;
/** Three weeks of 4 slots a day: day d, slot s holds 10·(d % 7) + s. */
const history = Array.from({ length: 21 * SLOTS }, (_, i) => 10 * (Math.floor(i / SLOTS) % 7) + (i % SLOTS));
const open = history.map(() => true);

describe('holidays ahead', () => {
  it('a CLOSED day next week is exactly 0 and a factor day is scaled', () => {
    const model = seasonalNaiveForecaster.fit({ values: history, periods: [SLOTS, 7 * SLOTS] });
    const f = model.forecast(7 * SLOTS);
    const out = applyHolidaysAhead(
      f,
      [
        { day: 2, effect: { kind: 'CLOSED' } },
        { day: 4, effect: { kind: 'FACTOR', factor: 0.5 } },
      ],
      SLOTS,
    );
    for (let s = 0; s < SLOTS; s++) {
      const closed = 2 * SLOTS + s;
      expect([
        out.mean[closed],
        out.lo80[closed],
        out.hi80[closed],
        out.lo95[closed],
        out.hi95[closed],
      ]).toEqual([0, 0, 0, 0, 0]);
      const scaled = 4 * SLOTS + s;
      expect(out.mean[scaled]).toBe(f.mean[scaled] * 0.5);
      expect(out.hi95[scaled]).toBe(f.hi95[scaled] * 0.5);
      expect(out.mean[scaled]).toBe((40 + s) * 0.5);
    }
    // Other days are untouched.
    expect(out.mean.slice(0, 2 * SLOTS)).toEqual(f.mean.slice(0, 2 * SLOTS));
  });

  it('refuses factors outside [0, 5], naming the field', () => {
    expect(() => checkFactor(7)).toThrow('factor must be in [0, 5], got 7');
    expect(() => checkFactor(NaN)).toThrow('factor must be in [0, 5]');
  });
});

describe('holidays in the history', () => {
  it('a past holiday takes the values of the same weekday a week earlier and is masked out', () => {
    const hit = history.slice();
    for (let s = 0; s < SLOTS; s++) hit[15 * SLOTS + s] = 0; // day 15 (a Monday-like day 1) closed
    const out = maskHolidayHistory(hit, open, [15], SLOTS);
    expect(out.values.slice(15 * SLOTS, 16 * SLOTS)).toEqual(history.slice(8 * SLOTS, 9 * SLOTS));
    expect(out.open.slice(15 * SLOTS, 16 * SLOTS)).toEqual([false, false, false, false]);
    expect(out.open.filter((o) => !o)).toHaveLength(SLOTS);
  });

  it('uses the week after when there is no week before, and skips other holidays', () => {
    const out = maskHolidayHistory(history, open, [1, 8], SLOTS);
    expect(out.values.slice(1 * SLOTS, 2 * SLOTS)).toEqual(history.slice(15 * SLOTS, 16 * SLOTS));
    expect(out.values.slice(8 * SLOTS, 9 * SLOTS)).toEqual(history.slice(15 * SLOTS, 16 * SLOTS));
  });
});

describe('holiday effects on arrivals', () => {
  const ahead = [
    { date: '2026-12-25', effect: { kind: 'CLOSED' as const } },
    { date: '2026-12-24', effect: { kind: 'FACTOR' as const, factor: 0.6 } },
  ];
  it('a CLOSED day offers a LIVE channel nothing; a DEFERRED channel’s items still arrive', () => {
    expect(arrivalEffects('LIVE', ahead)).toEqual(ahead);
    expect(arrivalEffects('DEFERRED', ahead)).toEqual([ahead[1]]);
  });
});
