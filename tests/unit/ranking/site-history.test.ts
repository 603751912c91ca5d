import { applySiteMoves } from '../../../src/ranking/ranking.seed';
import { siteManagerEdits } from '../../../src/ranking/site-manager.core';
import { candidateAssignment, weekShifts } from '../../../src/rostering/milp/shift-candidates';
import { applyChange } from '../../../src/rostering/roster-edit.core';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import type { RosterAssignment } from '../../../src/rostering/roster.types';
import { checkRoster } from '../../../src/rostering/roster.validation';

const WEEK = '2026-03-02';
const weekdays = [1, 2, 3, 4, 5];

/** 12 people (every fourth part-time) on the late shift every weekday; p00 is available from noon on Mondays only. */
function site() {
  const problem = parseRosterProblem({
    weekStart: WEEK,
    intervalMinutes: 15,
    staff: Array.from({ length: 12 }, (_, i) => ({
      id: `p${String(i).padStart(2, '0')}`,
      skills: ['calls'],
      hourlyCost: 20,
      minHoursWeek: 0,
      maxHoursWeek: i % 4 === 0 ? 24 : 40,
      maxDaysWeek: 5,
      availability: weekdays.map((dayOfWeek) => ({
        dayOfWeek,
        from: i === 0 && dayOfWeek === 1 ? '12:00' : '00:00',
        to: '24:00',
      })),
    })),
    shiftTemplates: ['07:00', '09:00', '12:00'].map((start, i) => ({
      id: 'EDL'[i],
      start,
      durationMinutes: 480,
      breakMinutes: 30,
      daysOfWeek: weekdays,
      skills: ['calls'],
    })),
    requirements: [{ skill: 'calls', values: Array.from({ length: 7 * 96 }, () => 1) }],
  });
  const late = weekShifts(problem).filter((s) => s.templateIndex === 2);
  const proposed: RosterAssignment[] = problem.staff.flatMap((_, staffIndex) =>
    late.slice(0, 3).map((shift) => candidateAssignment(problem, { staffIndex, shift, skill: 'calls' })),
  );
  return { problem, proposed };
}

const sorted = (a: RosterAssignment[]) =>
  [...a].sort((x, y) => x.staffId.localeCompare(y.staffId) || x.date.localeCompare(y.date));

describe('applySiteMoves (the demo history’s manager edits)', () => {
  it('gives the roster the manual MOVE edits give, and drops the moves of anyone who would break a rule', () => {
    const { problem, proposed } = site();
    const moves = siteManagerEdits(problem, proposed, 17);
    const p00 = moves.filter((m) => m.staffId === 'p00');
    expect(p00.some((m) => m.date === WEEK)).toBe(true); // moved to an early shift before noon
    const { assignments, kept } = applySiteMoves(problem, proposed, moves);
    expect(kept).toEqual(moves.filter((m) => m.staffId !== 'p00'));
    expect(kept.length).toBeGreaterThan(0);
    const byEdits = kept.reduce(
      (roster, m) =>
        applyChange(problem, roster, {
          action: 'MOVE',
          staffId: m.staffId,
          date: m.date,
          toShiftTemplateId: m.toShiftTemplateId,
          toSkill: m.skill,
        }),
      proposed,
    );
    expect(sorted(assignments)).toEqual(sorted(byEdits));
    expect(checkRoster(problem, assignments).violations).toEqual([]);
    expect(assignments.filter((a) => a.staffId === 'p00')).toEqual(
      proposed.filter((a) => a.staffId === 'p00'),
    );
  });
});
