/**
 * Every week the demo seed covers can be planned: its contract minimums, credited for days
 * off, fit the shifts each person can work. Built from the seed's own generators and JSON
 * through the server's pure problem builder (bench/demo-weeks.ts); `npm run
 * bench:demo-weeks` sweeps every anchor Monday of the holiday calendar.
 *
 * Week 2027-03-22 (seed anchored there) was infeasible: Good Friday (2027-03-26) is closed
 * and a Wednesday appointment 08:00–12:00 left staff-0027 (Wed–Fri 08:00–14:00, 3 days,
 * minimum 8 h) and staff-0100 (Mon–Fri 08:00–18:00, 5 days, minimum 30 h) no shift that
 * day, uncredited.
 */
import holidayFile from '../../../seeds/holidays.json';
import { mondayOf } from '../../../src/common/calendar';
import { enumerateCandidates } from '../../../src/rostering/milp/shift-candidates';
import { staffHourIssues } from '../../../src/rostering/roster-diagnosis';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { demoSeedWeeks, demoSite, demoWeekIssues, demoWeekProblem } from '../../../bench/demo-weeks';

const WEEK = '2027-03-22';

describe('the demo week 2027-03-22 (Good Friday closed, appointments on Wednesday)', () => {
  const built = demoWeekProblem(demoSite(WEEK), WEEK);
  const problem = parseRosterProblem(built.problem);
  const entry = (id: string) => problem.staff.find((s) => s.id === id)!;

  it('credits the appointment day and the closed Friday, pro rata', () => {
    // 8 − 2 × 8/3 = 2.666… → 2.66 (rounded down); 30 − 2 × 30/5 = 18
    expect(entry('staff-0027').minHoursWeek).toBe(2.66);
    expect(entry('staff-0100').minHoursWeek).toBe(18);
    expect(built.notes).toEqual(
      expect.arrayContaining([
        'site closed on 2027-03-26: nobody is rostered on those days',
        'staff E0027: minimum hours 8 → 2.66 for 2 days of absence or closure (2027-03-24, 2027-03-26)',
        'staff E0100: minimum hours 30 → 18 for 2 days of absence or closure (2027-03-24, 2027-03-26)',
      ]),
    );
    // a full-timer whose Friday alone is closed: 30 − 30/5
    expect(built.notes).toContain(
      'staff E0001: minimum hours 30 → 24 for 1 day of absence or closure (2027-03-26)',
    );
    expect(demoWeekIssues(built)).toEqual([]);
  });

  it('names the person and the numbers when a minimum cannot be met (the minimums held before)', () => {
    // what the week asked before the appointment was credited: 30 − 30/5 and 8 − 8/3
    const before = {
      ...problem,
      staff: problem.staff.map((s) =>
        s.id === 'staff-0100'
          ? { ...s, minHoursWeek: 24 }
          : s.id === 'staff-0027'
            ? { ...s, minHoursWeek: 5.33 }
            : s,
      ),
    };
    // staff-0100: early/day/middle (7.5 h paid) fit Mon, Tue, Thu; Wednesday 12:00–18:00 fits none
    // staff-0027: part-time morning (4 h) fits Thu; Wednesday 12:00–14:00 fits none
    expect(staffHourIssues(before, enumerateCandidates(before))).toEqual([
      {
        staffId: 'staff-0027',
        code: 'MIN_HOURS_ABOVE_SHIFTS',
        minHoursWeek: 5.33,
        reachableHours: 4,
        reason:
          'Kwame Williams (staff-0027): minimum 5.33 h this week exceeds the 4 h they can work (shifts fit Thu 4 h; at most 3 days, 20 h)',
      },
      {
        staffId: 'staff-0100',
        code: 'MIN_HOURS_ABOVE_SHIFTS',
        minHoursWeek: 24,
        reachableHours: 22.5,
        reason:
          'Ella Sato (staff-0100): minimum 24 h this week exceeds the 22.5 h they can work (shifts fit Mon 7.5 h, Tue 7.5 h, Thu 7.5 h; at most 5 days, 37.5 h)',
      },
    ]);
  });
});

describe('every week the demo seed covers', () => {
  // the seed anchored in a holiday's week: its appointments, sickness and leave fall on and
  // around the closed days (the eight weeks from each anchor)
  const anchors = [...new Set(holidayFile.dates.map((h) => mondayOf(h.date)))];

  it.each(anchors)('anchored %s: no contract minimum above the shifts its person can work', (anchor) => {
    const failing = demoSeedWeeks(anchor).flatMap(({ week, built }) =>
      demoWeekIssues(built).map((i) => `${week}: ${i.reason}`),
    );
    expect(failing).toEqual([]);
  });
});
