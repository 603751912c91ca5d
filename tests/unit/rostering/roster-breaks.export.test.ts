/** Breaks as the exports and the coverage sheet show them. */
import { shiftLabel } from '../../../src/rostering/roster.export';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { rosterCoverage } from '../../../src/rostering/roster.service';
import type { RosterAssignment } from '../../../src/rostering/roster.types';
import { demand, person, problem } from './roster.fixtures';

const shift = (staffId: string, breakStart: string, breakEnd: string): RosterAssignment => ({
  staffId,
  date: '2025-03-03',
  shiftTemplateId: 'day',
  start: '2025-03-03T08:00:00',
  end: '2025-03-03T16:00:00',
  skill: 'calls',
  breaks: [{ start: `2025-03-03T${breakStart}:00`, end: `2025-03-03T${breakEnd}:00`, paid: false }],
});

describe('breaks in exports', () => {
  it('labels a timetable cell with its breaks, paid ones marked', () => {
    expect(shiftLabel(shift('a', '11:00', '12:00'))).toBe('08:00-16:00 calls, break 11:00-12:00');
    const paid = {
      ...shift('a', '11:00', '12:00'),
      breaks: [{ start: '2025-03-03T10:00:00', end: '2025-03-03T10:15:00', paid: true }],
    };
    expect(shiftLabel(paid)).toBe('08:00-16:00 calls, break 10:00-10:15 (paid)');
  });

  it('counts people on break apart from those working in the coverage sheet', () => {
    const p = parseRosterProblem(
      problem({
        staff: [person('a', 10), person('b', 10)],
        shiftTemplates: [
          {
            id: 'day',
            start: '08:00',
            durationMinutes: 480,
            breaks: [
              { durationMinutes: 60, paid: false, earliestStartMinutes: 180, latestStartMinutes: 300 },
            ],
            daysOfWeek: [1],
            skills: ['calls'],
          },
        ],
        requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 16, n: 1 }]) }],
      }),
    );
    const [calls] = rosterCoverage(p, [shift('a', '11:00', '12:00'), shift('b', '12:00', '13:00')]);
    expect(calls.scheduled.slice(10, 14)).toEqual([2, 1, 1, 2]);
    expect(calls.onBreak!.slice(10, 14)).toEqual([0, 1, 1, 0]);
  });
});
