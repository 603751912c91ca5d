import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import {
  datedSpans,
  previousWeekOf,
  rosterProblemFromData,
  type RosterSourceData,
} from '../../../src/rostering/roster-problem-builder';
import type { RosterAssignment } from '../../../src/rostering/roster.types';
import { availabilityDoc, REQUIREMENT, staffDoc, TEMPLATES, WEEK } from './roster.seed';

const data = (extra: Partial<RosterSourceData> = {}): RosterSourceData => ({
  week: WEEK,
  staff: [staffDoc('st-a', 'Ada', 10)],
  availability: [availabilityDoc('st-a')],
  templates: TEMPLATES,
  requirement: REQUIREMENT,
  previousAssignments: [],
  options: { timeLimitSeconds: 5, relativeGap: 0 },
  ...extra,
});

describe('rosterProblemFromData', () => {
  it('builds a problem the core accepts, with contract, cost and one window per day', () => {
    const { problem, notes } = rosterProblemFromData(data());
    expect(notes).toEqual([]);
    const parsed = parseRosterProblem(problem);
    expect(parsed.staff[0]).toMatchObject({
      id: 'st-a',
      name: 'Ada',
      hourlyCost: 10,
      minHoursWeek: 0,
      maxHoursWeek: 40,
      maxDaysWeek: 5,
      maxConsecutiveDays: 5,
    });
    expect(parsed.staff[0].availability).toHaveLength(7);
    expect(parsed.staff[0].preferences).toBeUndefined();
    expect(parsed.shiftTemplates.map((t) => t.id)).toEqual(['tpl-early', 'tpl-late']);
    expect(parsed.options).toMatchObject({ timeLimitSeconds: 5, relativeGap: 0, minRestHours: 11 });
  });

  it('credits whole days of absence against the contract minimum, pro rata', () => {
    const contract = { minHoursWeek: 35, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 };
    const sick = availabilityDoc('st-a', '06:00', '22:00', [
      { date: '2025-03-04', available: false, from: null, to: null, reason: 'sickness' },
      { date: '2025-03-05', available: false, from: '10:00', to: '12:00', reason: 'dentist' },
    ]);
    const { problem, notes } = rosterProblemFromData(
      data({ staff: [staffDoc('st-a', 'Ada', 10, { contract })], availability: [sick] }),
    );
    // one whole day off: 35 − 35/5; the two-hour appointment is not a day of absence
    expect(parseRosterProblem(problem).staff[0].minHoursWeek).toBe(28);
    expect(notes).toEqual([
      'staff E-st-a: minimum hours 35 → 28 for 1 day of absence or closure (2025-03-04)',
    ]);

    const { problem: none } = rosterProblemFromData(
      data({ staff: [staffDoc('st-a', 'Ada', 10, { contract })] }),
    );
    expect(parseRosterProblem(none).staff[0].minHoursWeek).toBe(35);
  });

  it('rosters nobody on a day the site is closed, crediting the contract minimum as for leave', () => {
    const contract = { minHoursWeek: 35, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 };
    const { problem, notes } = rosterProblemFromData(
      data({ staff: [staffDoc('st-a', 'Ada', 10, { contract })], closedDates: ['2025-03-07'] }),
    );
    const ada = parseRosterProblem(problem).staff[0];
    expect(ada.availability.filter((w) => w.dayOfWeek === 5)).toEqual([]);
    expect(ada.availability).toHaveLength(6);
    expect(ada.unavailableDates).toEqual(['2025-03-07']);
    expect(ada.minHoursWeek).toBe(28);
    expect(notes).toEqual([
      'site closed on 2025-03-07: nobody is rostered on those days',
      'staff E-st-a: minimum hours 35 → 28 for 1 day of absence or closure (2025-03-07)',
    ]);
  });

  it('credits a usual working day an appointment leaves without any shift, as a day off', () => {
    const contract = { minHoursWeek: 35, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 };
    // Early 06:00–14:00 and Late 14:00–22:00; Wednesday's 10:00–18:00 appointment leaves
    // 06:00–10:00 and 18:00–22:00, where neither fits; Friday is closed
    const appointment = availabilityDoc('st-a', '06:00', '22:00', [
      { date: '2025-03-05', available: false, from: '10:00', to: '18:00', reason: 'appointment' },
      // Saturday: a 4-hour appointment leaves 10:00–22:00, where Late fits
      { date: '2025-03-08', available: false, from: '06:00', to: '10:00', reason: 'appointment' },
    ]);
    const { problem, notes } = rosterProblemFromData(
      data({
        staff: [staffDoc('st-a', 'Ada', 10, { contract })],
        availability: [appointment],
        closedDates: ['2025-03-07'],
      }),
    );
    // 35 − 2 × 35/5
    expect(parseRosterProblem(problem).staff[0].minHoursWeek).toBe(21);
    expect(notes).toContain(
      'staff E-st-a: minimum hours 35 → 21 for 2 days of absence or closure (2025-03-05, 2025-03-07)',
    );
  });

  it('credits only days of the weekly pattern, and never more than the pro-rata rule (rounded down)', () => {
    const contract = { minHoursWeek: 8, maxHoursWeek: 20, maxDaysWeek: 3, maxConsecutiveDays: 3 };
    const partTime = availabilityDoc('st-a', '06:00', '14:00', [
      { date: '2025-03-03', available: false, from: null, to: null, reason: 'leave' },
      { date: '2025-03-04', available: false, from: '07:00', to: '08:00', reason: 'appointment' },
      // Thursday is not a working day: leave on it credits nothing
      { date: '2025-03-06', available: false, from: null, to: null, reason: 'leave' },
    ]);
    partTime.weekly = partTime.weekly.filter((w) => [1, 2, 3].includes(w.dayOfWeek));
    const { problem, notes } = rosterProblemFromData(
      data({ staff: [staffDoc('st-a', 'Ada', 10, { contract })], availability: [partTime] }),
    );
    // Monday's leave and Tuesday's appointment (Early 06:00–14:00 no longer fits): 8 − 2 × 8/3 = 2.666…
    expect(parseRosterProblem(problem).staff[0].minHoursWeek).toBe(2.66);
    expect(notes).toEqual([
      'staff E-st-a: minimum hours 8 → 2.66 for 2 days of absence or closure (2025-03-03, 2025-03-04)',
    ]);
  });

  it('applies dated exceptions: whole-day leave, a timed appointment, extra availability', () => {
    const pattern = availabilityDoc('st-a', '06:00', '22:00', [
      { date: '2025-03-04', available: false, from: null, to: null, reason: 'leave' },
      { date: '2025-03-05', available: false, from: '10:00', to: '12:00', reason: 'dentist' },
      { date: '2025-03-06', available: true, from: '22:00', to: '24:00', reason: 'overtime' },
    ]);
    expect(datedSpans(pattern, '2025-03-04')).toEqual([]);
    expect(datedSpans(pattern, '2025-03-05')).toEqual([
      { start: 360, end: 600 },
      { start: 720, end: 1320 },
    ]);
    expect(datedSpans(pattern, '2025-03-06')).toEqual([{ start: 360, end: 1440 }]);
    expect(datedSpans(undefined, '2025-03-06')).toEqual([]);

    const { problem } = rosterProblemFromData(data({ availability: [pattern] }));
    const ada = parseRosterProblem(problem).staff[0];
    expect(ada.unavailableDates).toEqual(['2025-03-04']);
    expect(ada.availability.filter((w) => w.dayOfWeek === 3)).toEqual([
      { dayOfWeek: 3, from: '06:00', to: '10:00' },
      { dayOfWeek: 3, from: '12:00', to: '22:00' },
    ]);
    expect(ada.availability.filter((w) => w.dayOfWeek === 4)).toEqual([
      { dayOfWeek: 4, from: '06:00', to: '24:00' },
    ]);
  });

  it('maps preferences by template name, drops empty lists, and leaves out what cannot be rostered', () => {
    const { problem, notes } = rosterProblemFromData(
      data({
        staff: [
          staffDoc('st-a', 'Ada', 10, {
            preferences: {
              desiredDays: [1, 2],
              undesiredDays: [],
              desiredShifts: ['Early'],
              undesiredShifts: ['Nope'],
            },
          }),
          staffDoc('st-x', 'Xi', 10, { skills: [] }),
          staffDoc('st-y', 'Yu', 10),
        ],
        templates: [
          ...TEMPLATES,
          { ...TEMPLATES[0], _id: 'tpl-mail', name: 'Mail', skills: ['emails'] },
          { ...TEMPLATES[0], _id: 'tpl-mixed', name: 'Mixed', skills: ['emails', 'calls'] },
        ],
      }),
    );
    const parsed = parseRosterProblem(problem);
    expect(parsed.staff.map((s) => s.id)).toEqual(['st-a', 'st-y']);
    expect(parsed.staff[0].preferences).toEqual({ desiredDays: [1, 2], desiredShifts: ['tpl-early'] });
    expect(parsed.shiftTemplates.map((t) => [t.id, t.skills])).toEqual([
      ['tpl-early', ['calls']],
      ['tpl-late', ['calls']],
      ['tpl-mixed', ['calls']],
    ]);
    expect(notes).toEqual([
      'shift template Mail left out: none of its skills (emails) is required',
      'staff E-st-x left out: no skills',
      'staff E-st-y has no availability: not rostered',
    ]);
    expect(parsed.staff[1].availability).toEqual([]);
  });

  it('carries the previous published week over: last shift end and the run of worked days to Sunday', () => {
    const shift = (date: string, end: string): RosterAssignment => ({
      staffId: 'st-a',
      date,
      shiftTemplateId: 'tpl-late',
      start: `${date}T14:00:00`,
      end,
      skill: 'calls',
      breaks: [],
    });
    const previous = [
      shift('2025-02-24', '2025-02-24T22:00:00'),
      shift('2025-02-28', '2025-02-28T22:00:00'),
      shift('2025-03-01', '2025-03-01T22:00:00'),
      shift('2025-03-02', '2025-03-03T02:00:00'),
    ];
    expect(previousWeekOf(WEEK, 'st-a', previous)).toEqual({
      lastShiftEnd: '2025-03-03T02:00:00',
      consecutiveDaysWorked: 3,
    });
    expect(previousWeekOf(WEEK, 'st-b', previous)).toBeUndefined();
    const { problem } = rosterProblemFromData(data({ previousAssignments: previous }));
    expect(parseRosterProblem(problem).staff[0].previousWeek).toEqual({
      lastShiftEnd: '2025-03-03T02:00:00',
      consecutiveDaysWorked: 3,
    });
  });
});
