/**
 * Audit: weeks of very early years failed inside: `staffingPlan(week: "0001-01-01")` and
 * `staffing(week: "0100-01-04")` with INTERNAL "index NaN outside 0..671", the staffing CSV
 * export with 500, a roster job with a stack from weekFrame; "9999-12-27" named
 * "+010000-01-01" instead of `week`. Every week and date argument now lies in DATE_YEARS.
 */
import { assertWeek } from '../../../src/rostering/roster.service';
import { DATE_YEARS, isIsoDate } from '../../../src/common/calendar';
import { parseWeek, weekFrame } from '../../../src/staffing/week-slots';

const refusal = (run: () => unknown): { code?: string; message: string; details?: unknown } => {
  try {
    run();
  } catch (e) {
    return e as { code?: string; message: string; details?: unknown };
  }
  throw new Error('not refused');
};

const HOSTILE = ['0001-01-01', '0100-01-04', '0000-01-03', '1899-12-25', '3000-01-06', '9999-12-27'];

describe('week arguments of years outside DATE_YEARS', () => {
  it.each(HOSTILE)('parseWeek and weekFrame refuse %s with BAD_USER_INPUT naming week', (week) => {
    for (const run of [() => parseWeek(week, 'Europe/Amsterdam'), () => weekFrame(week, 15, 'UTC')]) {
      const err = refusal(run);
      expect(err.code).toBe('BAD_USER_INPUT');
      expect(err.message).toBe(`week must be in the years 1900–2999, got "${week}"`);
      expect(err.details).toEqual([{ field: 'week', message: 'not in the years 1900–2999' }]);
    }
  });

  it.each(HOSTILE)('assertWeek (roster jobs, rosters, ranking) refuses %s naming the field', (week) => {
    const err = refusal(() => assertWeek(week, 'from'));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.message).toBe(`from must be in the years 1900–2999, got "${week}"`);
  });

  it('keeps the first and last Mondays of the range, and plain malformed dates say so', () => {
    expect(weekFrame('1900-01-01', 60, 'Europe/Amsterdam').slots).toHaveLength(168);
    expect(weekFrame('2999-12-30', 60, 'UTC').slots).toHaveLength(168);
    expect(isIsoDate(`${DATE_YEARS.min}-01-01`) && isIsoDate(`${DATE_YEARS.max}-12-31`)).toBe(true);
    expect(refusal(() => parseWeek('2026-02-30', 'UTC')).message).toBe(
      'week must be a date YYYY-MM-DD, got "2026-02-30"',
    );
  });
});
