/**
 * Issue 11: the demo's contract targets are reachable with its shift templates. For every
 * generated person, the best paid hours of a template that fits each day's availability
 * window and serves one of the person's skills, summed over at most maxDaysWeek days, reach
 * the contract minimum; full-timers reach their 37.5-hour target (the maximum) exactly.
 */
import templates from '../../../seeds/shift-templates.json';
import { generateStaff } from '../../../seeds/staff.generator';

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

describe('demo contracts and shift templates', () => {
  const site = generateStaff({ anchorDate: '2026-12-07' });

  /** Best paid hours per day of the week (Monday = 1) from the templates that fit. */
  const bestPerDay = (i: number): number[] => {
    const person = site.staff[i]!;
    const windows = site.availability[i]!.weekly;
    return [1, 2, 3, 4, 5, 6, 7].map((day) =>
      templates.reduce((best, t) => {
        const start = minutes(t.start);
        const fits =
          t.daysOfWeek.includes(day) &&
          t.skills.some((s) => person.skills.includes(s)) &&
          windows.some(
            (w) =>
              w.dayOfWeek === day && minutes(w.from) <= start && start + t.durationMinutes <= minutes(w.to),
          );
        return fits ? Math.max(best, (t.durationMinutes - t.breakMinutes) / 60) : best;
      }, 0),
    );
  };

  it('every person can reach the contract minimum within maxDaysWeek days', () => {
    const short = site.staff.flatMap((p, i) => {
      const top = bestPerDay(i)
        .sort((a, b) => b - a)
        .slice(0, p.contract.maxDaysWeek)
        .reduce((a, b) => a + b, 0);
      return top >= p.contract.minHoursWeek ? [] : [`${p.employeeNo}: ${top} < ${p.contract.minHoursWeek}`];
    });
    expect(short).toEqual([]);
  });

  it('full-timers can work exactly their 37.5-hour target: five 8-hour shifts with a 30-minute break', () => {
    const fullTime = site.staff.flatMap((p, i) => (p.contract.maxHoursWeek === 37.5 ? [i] : []));
    expect(fullTime.length).toBeGreaterThan(site.staff.length / 2);
    for (const i of fullTime) {
      const days = bestPerDay(i).filter((h) => h === 7.5);
      expect({ staff: site.staff[i]!.employeeNo, days: days.length >= 5 }).toEqual({
        staff: site.staff[i]!.employeeNo,
        days: true,
      });
    }
  });
});
