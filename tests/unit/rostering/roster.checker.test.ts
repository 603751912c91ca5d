import { addDays } from '../../../src/common/calendar';
import { checkRoster } from '../../../src/rostering/roster.validation';
import { rosterKpis } from '../../../src/rostering/roster-kpi';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import type { RosterAssignment } from '../../../src/rostering/roster.types';
import { buildRosterModel } from '../../../src/rostering/milp/roster-model';
import { demand, person, problem } from './roster.fixtures';

const shift = (
  staffId: string,
  date: string,
  id: string,
  start: string,
  end: string,
  skill = 'calls',
): RosterAssignment => ({
  staffId,
  date,
  shiftTemplateId: id,
  start: `${date}T${start}:00`,
  end: `${end.includes('T') ? end : `${date}T${end}`}:00`,
  skill,
  // The night template's legacy 60-minute break: mid-shift is 01:30, its window 00:30–02:30.
  breaks:
    id === 'night'
      ? [{ start: `${addDays(date, 1)}T01:30:00`, end: `${addDays(date, 1)}T02:30:00`, paid: false }]
      : [],
});

const p = parseRosterProblem(
  problem({
    staff: [
      person('a', 10, {
        skills: ['calls'],
        availability: [
          { dayOfWeek: 1, from: '06:00', to: '24:00' },
          { dayOfWeek: 2, from: '00:00', to: '06:00' },
          { dayOfWeek: 3, from: '06:00', to: '22:00' },
        ],
        unavailableDates: ['2025-03-05'],
      }),
    ],
    shiftTemplates: [
      {
        id: 'night',
        start: '22:00',
        durationMinutes: 480,
        breakMinutes: 60,
        daysOfWeek: [1],
        skills: ['calls'],
      },
      {
        id: 'early',
        start: '06:00',
        durationMinutes: 480,
        breakMinutes: 0,
        daysOfWeek: [1, 3],
        skills: ['calls'],
      },
    ],
    requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 6, to: 14, n: 1 }]) }],
  }),
);
const rulesOf = (as: RosterAssignment[]): string[] => checkRoster(p, as).violations.map((v) => v.rule);

describe('checkRoster', () => {
  it('accepts a night shift crossing midnight into next-day availability', () => {
    expect(rulesOf([shift('a', '2025-03-03', 'night', '22:00', '2025-03-04T06:00')])).toEqual([]);
  });

  describe('breaks', () => {
    const night = shift('a', '2025-03-03', 'night', '22:00', '2025-03-04T06:00');
    const withBreak = (start: string, end: string, paid = false): RosterAssignment => ({
      ...night,
      breaks: [{ start: `2025-03-04T${start}:00`, end: `2025-03-04T${end}:00`, paid }],
    });

    it('accepts a break anywhere inside its window, edges included', () => {
      expect(rulesOf([withBreak('00:30', '01:30')])).toEqual([]);
      expect(rulesOf([withBreak('02:30', '03:30')])).toEqual([]);
    });

    it('fails a break moved outside its window', () => {
      const report = checkRoster(p, [withBreak('02:45', '03:45')]);
      expect(report.violations.map((v) => v.rule)).toEqual(['BREAK']);
      expect(report.violations[0].message).toMatch(
        /break 1 starts Tue 02:45, outside its window Tue 00:30–Tue 02:30/,
      );
      expect(rulesOf([withBreak('00:15', '01:15')])).toEqual(['BREAK']);
    });

    it('fails a missing break, a wrong length and a wrong pay flag', () => {
      expect(rulesOf([{ ...night, breaks: [] }])).toEqual(['BREAK']);
      expect(rulesOf([withBreak('01:00', '01:30')])).toEqual(['BREAK']);
      expect(rulesOf([withBreak('01:00', '02:00', true)])).toEqual(['BREAK']);
    });

    it('counts nobody on break as coverage', () => {
      const kpi = rosterKpis(p, [withBreak('01:00', '02:00')]);
      expect(kpi.staff[0].paidHours).toBe(7);
    });
  });

  it('flags availability (unavailable date), skill, template day and template time', () => {
    expect(rulesOf([shift('a', '2025-03-05', 'early', '06:00', '14:00')])).toEqual(['AVAILABILITY']);
    expect(rulesOf([shift('a', '2025-03-03', 'early', '06:00', '14:00', 'chat')])).toEqual([
      'SKILL',
      'SKILL',
    ]);
    expect(rulesOf([shift('a', '2025-03-04', 'early', '06:00', '14:00')])).toEqual([
      'TEMPLATE_DAY',
      'AVAILABILITY',
    ]);
    expect(rulesOf([shift('a', '2025-03-03', 'early', '07:00', '15:00')])).toEqual(['TEMPLATE_TIME']);
    expect(rulesOf([shift('zz', '2025-03-03', 'early', '06:00', '14:00')])).toEqual(['UNKNOWN_REFERENCE']);
  });

  it('flags two shifts a day and short rest', () => {
    expect(
      rulesOf([
        shift('a', '2025-03-03', 'early', '06:00', '14:00'),
        shift('a', '2025-03-03', 'night', '22:00', '2025-03-04T06:00'),
      ]),
    ).toEqual(['ONE_SHIFT_PER_DAY', 'REST']);
  });

  it('reports coverage shortfalls as warnings, not violations', () => {
    const report = checkRoster(p, []);
    expect(report.violations).toEqual([]);
    expect(report.warnings).toEqual([
      { kind: 'UNDER_COVER', message: 'calls Mon 06:00–Mon 14:00: short by up to 1' },
    ]);
  });

  it('agrees with the builder on cross-midnight eligibility (the night shift is a candidate)', () => {
    const ids = buildRosterModel(p).candidates.map(
      (c) => `${c.shift.day}:${p.shiftTemplates[c.shift.templateIndex].id}`,
    );
    expect(ids).toEqual(['0:night', '0:early']);
  });
});

describe('rosterKpis', () => {
  it('computes coverage, hours, cost and fairness from assignments', () => {
    const k = rosterKpis(p, [shift('a', '2025-03-03', 'early', '06:00', '14:00')]);
    expect(k.skills).toEqual([
      { skill: 'calls', requiredHours: 8, coveragePercent: 100, underStaffedHours: 0, overStaffedHours: 0 },
    ]);
    expect(k.labourCost).toBe(80);
    expect(k.staff[0]).toMatchObject({
      staffId: 'a',
      paidHours: 8,
      deviation: -52,
      shifts: 1,
      weekendShifts: 0,
    });
    expect(k.fairness).toEqual({
      hoursDeviationStdDev: 0,
      weekendShiftsMin: 0,
      weekendShiftsMax: 0,
      weekendShiftsSpread: 0,
    });
    expect(k.preferencesMetPercent).toBeNull();
  });

  it('does not count the unpaid mid-shift break as coverage', () => {
    const k = rosterKpis(p, [shift('a', '2025-03-03', 'night', '22:00', '2025-03-04T06:00')]);
    // 8 h shift, 1 h break 01:30–02:30: 7 agent-hours present, all over-cover (no requirement at night).
    expect(k.skills[0].overStaffedHours).toBe(7);
    expect(k.staff[0].paidHours).toBe(7);
  });
});
