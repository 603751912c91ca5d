/** refreshProblem: the given people rebuilt from current documents, everything else as stored. */
import { refreshProblem } from '../../../src/rostering/roster-refresh.core';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { availabilityDoc, staffDoc } from '../../integration/rostering/roster.seed';
import { person, problem } from './roster.fixtures';

const stored = parseRosterProblem(
  problem({
    staff: [
      person('st-a', 10, { previousWeek: { lastShiftEnd: '2025-03-02T22:00:00', consecutiveDaysWorked: 2 } }),
      person('st-b', 12),
    ],
  }),
);

describe('refreshProblem', () => {
  it('rebuilds a person from current data: leave becomes an unavailable date, the previous week is kept', () => {
    const leave = availabilityDoc('st-a', '06:00', '22:00', [
      { date: '2025-03-05', available: false, from: null, to: null, reason: 'leave' },
    ]);
    const p = refreshProblem(stored, ['st-a'], [staffDoc('st-a', 'Ada', 11)], [leave]);
    const a = p.staff.find((s) => s.id === 'st-a')!;
    expect(a.unavailableDates).toEqual(['2025-03-05']);
    expect(a.hourlyCost).toBe(11);
    expect(a.previousWeek).toEqual({ lastShiftEnd: '2025-03-02T22:00:00', consecutiveDaysWorked: 2 });
    // untouched: the other person, the templates and the requirement
    expect(p.staff.find((s) => s.id === 'st-b')).toEqual(stored.staff[1]);
    expect(p.shiftTemplates).toEqual(stored.shiftTemplates);
    expect(p.requirements).toEqual(stored.requirements);
  });

  it('keeps the site closed on its closed days when it rebuilds a person', () => {
    const p = refreshProblem(
      stored,
      ['st-a'],
      [staffDoc('st-a', 'Ada', 10)],
      [availabilityDoc('st-a')],
      ['2025-03-05'],
    );
    const a = p.staff.find((s) => s.id === 'st-a')!;
    expect(a.unavailableDates).toEqual(['2025-03-05']);
    expect(a.availability.some((w) => w.dayOfWeek === 3)).toBe(false);
  });

  it('drops a person who is no longer active (or no longer stored)', () => {
    const inactive = refreshProblem(stored, ['st-a'], [staffDoc('st-a', 'Ada', 10, { active: false })], []);
    expect(inactive.staff.map((s) => s.id)).toEqual(['st-b']);
    expect(refreshProblem(stored, ['st-b'], [], []).staff.map((s) => s.id)).toEqual(['st-a']);
  });
});
