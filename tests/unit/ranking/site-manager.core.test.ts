import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import type { RosterProblem } from '../../../src/rostering/roster-problem-schema';
import { personHabits, siteManagerEdits } from '../../../src/ranking/site-manager.core';
import type { LabelledShift } from '../../../src/ranking/ranking-label.core';
import { addDays } from '../../../src/common/calendar';

const WEEK = '2026-03-02';

/** 40 people (every fourth part-time), early / day / late eight-hour shifts and a short one. */
function problem(): RosterProblem {
  return parseRosterProblem({
    weekStart: WEEK,
    intervalMinutes: 60,
    staff: Array.from({ length: 40 }, (_, i) => ({
      id: `p${String(i).padStart(2, '0')}`,
      skills: ['calls'],
      hourlyCost: 20,
      minHoursWeek: 0,
      maxHoursWeek: i % 4 === 0 ? 24 : 40,
      maxDaysWeek: 5,
      availability: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, from: '00:00', to: '24:00' })),
    })),
    shiftTemplates: [
      {
        id: 'E',
        start: '07:00',
        durationMinutes: 480,
        breakMinutes: 0,
        daysOfWeek: [1, 2, 3, 4, 5],
        skills: ['calls'],
      },
      {
        id: 'D',
        start: '09:00',
        durationMinutes: 480,
        breakMinutes: 0,
        daysOfWeek: [1, 2, 3, 4, 5],
        skills: ['calls'],
      },
      {
        id: 'L',
        start: '12:00',
        durationMinutes: 480,
        breakMinutes: 0,
        daysOfWeek: [1, 2, 3, 4, 5],
        skills: ['calls'],
      },
      {
        id: 'S',
        start: '16:00',
        durationMinutes: 240,
        breakMinutes: 0,
        daysOfWeek: [1, 2, 3, 4, 5],
        skills: ['calls'],
      },
    ],
    requirements: [{ skill: 'calls', values: Array.from({ length: 168 }, () => 1) }],
  });
}

/** Everyone on the late shift every weekday. */
const allLate = (p: RosterProblem): LabelledShift[] =>
  p.staff.flatMap((s) =>
    [0, 1, 2, 3, 4].map((d) => ({
      staffId: s.id,
      date: addDays(WEEK, d),
      shiftTemplateId: 'L',
      skill: 'calls',
    })),
  );

describe('siteManagerEdits (the simulated manager of any site)', () => {
  it('is deterministic from the seed, and another seed edits differently', () => {
    const p = problem();
    expect(siteManagerEdits(p, allLate(p), 17)).toEqual(siteManagerEdits(p, allLate(p), 17));
    expect(siteManagerEdits(p, allLate(p), 18)).not.toEqual(siteManagerEdits(p, allLate(p), 17));
  });

  it('keeps person, day, skill and shift length; part-timers do not close; favourites are kept', () => {
    const p = problem();
    const moves = siteManagerEdits(p, allLate(p), 17);
    expect(moves.length).toBeGreaterThan(20);
    for (const m of moves) {
      expect(m.fromTemplateId).toBe('L');
      expect(['E', 'D']).toContain(m.toShiftTemplateId);
      expect(m.skill).toBe('calls');
    }
    const partTimers = p.staff.filter((s) => s.maxHoursWeek <= 24).map((s) => s.id);
    const closing = moves.filter((m) => m.habit === 'PART_TIME_NO_CLOSE');
    expect(new Set(closing.map((m) => m.staffId))).toEqual(new Set(partTimers));
    expect(closing.every((m) => m.toShiftTemplateId === 'E')).toBe(true);
    for (const m of moves.filter((x) => x.habit === 'FAVOURITE'))
      expect(
        personHabits(
          p,
          p.staff.findIndex((s) => s.id === m.staffId),
          17,
        ).favourite,
      ).toBe(m.toShiftTemplateId);
  });

  it("a person's habits are the same in every week", () => {
    const p = problem();
    const later = { ...p, weekStart: addDays(WEEK, 7 * 9) };
    p.staff.forEach((_, i) => expect(personHabits(later, i, 17)).toEqual(personHabits(p, i, 17)));
  });
});
