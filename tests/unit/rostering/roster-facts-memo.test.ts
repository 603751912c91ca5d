/**
 * The roster facts read each datetime once per problem and are shared between the checker, the
 * KPIs and the coverage (updateAssignment held the event loop for a quarter of a second on
 * 3,500 shifts mostly parsing the same dates again). These pin the shortcuts to the plain
 * computations they replace.
 */
import { isoDayOfWeek } from '../../../src/common/calendar';
import { localIsoToMinute, weekMinuteReader } from '../../../src/rostering/calendar-util';
import { coverageBySkill, workedShift, workedShifts } from '../../../src/rostering/roster-facts.validation';
import { rosterKpis } from '../../../src/rostering/roster-kpi';
import { checkRoster } from '../../../src/rostering/roster.validation';
import { rosterCoverage } from '../../../src/rostering/roster.service';
import { shiftLabel, timetableSheet } from '../../../src/rostering/roster.export';
import type { RosterDoc } from '../../../src/rostering/roster.doc';
import type { RosterAssignment } from '../../../src/rostering/roster.types';
import { largeProblem, largeRoster } from '../../helpers/large-roster';

const WEEK = '2025-03-03';

describe('weekMinuteReader', () => {
  it('reads every datetime as localIsoToMinute does, also past its memory', () => {
    const read = weekMinuteReader(WEEK);
    const samples = [
      '2025-03-03T00:00:00',
      '2025-03-03',
      '2025-03-04T07:30',
      '2025-03-09T23:59:30',
      '2025-03-10T06:00:00',
      '2025-03-02T22:00:00',
      '2025-03-05T10:15:00.500',
    ];
    for (const iso of samples) expect(read(iso)).toBe(localIsoToMinute(WEEK, iso));
    // more distinct datetimes than it remembers: the answers stay the same
    const many = Array.from({ length: 25_000 }, (_, m) => {
      const clock = [Math.floor((m % 1440) / 60), m % 60, m % 7].map((v) => String(v).padStart(2, '0'));
      return `2025-03-0${3 + (Math.floor(m / 1440) % 7)}T${clock.join(':')}`;
    });
    expect(many.map(read)).toEqual(many.map((iso) => localIsoToMinute(WEEK, iso)));
    for (const iso of samples) expect(read(iso)).toBe(localIsoToMinute(WEEK, iso));
  });
});

describe('worked shifts', () => {
  const problem = largeProblem(60, WEEK);
  const { assignments } = largeRoster(problem);

  it('are the facts computed from each datetime on its own', () => {
    const stranger: RosterAssignment = { ...assignments[0], staffId: 'nobody', shiftTemplateId: 'nothing' };
    for (const a of [...assignments, stranger]) {
      const w = workedShift(problem, a);
      expect(w).toMatchObject({
        day: localIsoToMinute(WEEK, a.date) / 1440,
        start: localIsoToMinute(WEEK, a.start),
        end: localIsoToMinute(WEEK, a.end),
        weekend: isoDayOfWeek(a.date) >= 6,
        breaks: a.breaks.map((b) => ({
          start: localIsoToMinute(WEEK, b.start),
          end: localIsoToMinute(WEEK, b.end),
          paid: b.paid,
        })),
      });
      expect(w.staff?.id).toBe(a.staffId === 'nobody' ? undefined : a.staffId);
      expect(w.paidHours).toBe(a.staffId === 'nobody' ? 0 : 8);
    }
  });

  it('give the checker, the KPIs and the coverage the same answers shared as computed alone', () => {
    const shifts = workedShifts(problem, assignments);
    expect(checkRoster(problem, assignments, shifts)).toEqual(checkRoster(problem, assignments));
    expect(checkRoster(problem, assignments).violations).toEqual([]);
    expect(rosterKpis(problem, assignments, shifts)).toEqual(rosterKpis(problem, assignments));
    expect(rosterCoverage(problem, assignments, shifts)).toEqual(rosterCoverage(problem, assignments));
    // a fresh copy of the problem (nothing remembered) agrees too
    const copy = structuredClone(problem);
    expect(coverageBySkill(copy, workedShifts(copy, assignments))).toEqual(coverageBySkill(problem, shifts));
  });
});

describe('timetableSheet', () => {
  it("lists each person's shifts of each day, in roster order", () => {
    const problem = largeProblem(40, WEEK);
    const { assignments } = largeRoster(problem);
    // a second shift the same day for one person shows in the same cell
    const extra = {
      ...assignments[1],
      start: `${assignments[1].date}T22:00:00`,
      end: `${assignments[1].date}T23:00:00`,
      breaks: [],
    };
    const all = [...assignments, extra];
    const doc = { week: WEEK, problem, assignments: all, kpis: { staff: [] } } as unknown as RosterDoc;
    const sheet = timetableSheet(doc);
    for (const row of sheet.rows) {
      for (let d = 0; d < 7; d++) {
        const date = `2025-03-0${3 + d}`;
        const expected = all
          .filter((a) => a.staffId === row.staffId && a.date === date)
          .map(shiftLabel)
          .join('; ');
        expect(row[date]).toBe(expected);
      }
    }
    expect(sheet.rows.find((r) => r.staffId === extra.staffId)?.[extra.date]).toContain('; 22:00-23:00');
  });
});
