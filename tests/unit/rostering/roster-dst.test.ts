/**
 * A night shift across a clock change (Europe/London, 2026): a template is a local start plus
 * durationMinutes of real time, so the shift is paid its 8 hours, its local end moves
 * (07:00 in spring, 05:00 in autumn), and it covers no slot of the skipped hour and both
 * passes of the repeated one. Greedy, MILP and checker must agree (no violations).
 */
import { solveRoster } from '../../../src/rostering/roster-solver';
import { checkRoster } from '../../../src/rostering/roster.validation';
import { rosterKpis } from '../../../src/rostering/roster-kpi';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import type { RosterProblemInput } from '../../../src/rostering/roster-problem-schema';

/** 1 emails agent Sat 22:00 → Sun 06:00 (wall-clock slots, 60 minutes). */
function night(
  weekStart: string,
  sundayTo = '06:00',
  timeZone: string | null = 'Europe/London',
): RosterProblemInput {
  const values = new Array<number>(7 * 24).fill(0);
  for (let h = 5 * 24 + 22; h < 6 * 24 + 6; h++) values[h] = 1;
  return {
    weekStart,
    ...(timeZone ? { timeZone } : {}),
    intervalMinutes: 60,
    staff: [
      {
        id: 'nina',
        skills: ['emails'],
        hourlyCost: 20,
        minHoursWeek: 0,
        maxHoursWeek: 40,
        maxDaysWeek: 5,
        availability: [
          { dayOfWeek: 6, from: '22:00', to: '24:00' },
          { dayOfWeek: 7, from: '00:00', to: sundayTo },
        ],
      },
    ],
    shiftTemplates: [
      {
        id: 'night-sat',
        start: '22:00',
        durationMinutes: 480,
        breaks: [],
        daysOfWeek: [6],
        skills: ['emails'],
      },
    ],
    requirements: [{ skill: 'emails', values }],
    options: { timeLimitSeconds: 10, relativeGap: 0 },
  };
}

describe('a night shift across a clock change', () => {
  it('autumn (2026-10-25): paid 8 h, ends 05:00 local, covers both passes of 01:00 and not 05:00', async () => {
    const r = await solveRoster(night('2026-10-19'));
    expect(r.violations).toEqual([]);
    expect(r.assignments.map((a) => [a.start, a.end])).toEqual([
      ['2026-10-24T22:00:00', '2026-10-25T05:00:00'],
    ]);
    expect(r.kpis!.staff[0].paidHours).toBe(8);
    expect(r.kpis!.labourCost).toBe(160);
    const emails = r.kpis!.skills[0];
    expect(emails.requiredHours).toBe(8);
    expect(emails.underStaffedHours).toBe(1); // 05:00–06:00 local: the shift has ended
    expect(emails.overStaffedHours).toBe(0);
  });

  it('spring (2026-03-29): the shift ends 07:00 local, so availability to 06:00 does not admit it', async () => {
    const r = await solveRoster(night('2026-03-23'));
    expect(r.violations).toEqual([]);
    expect(r.assignments).toEqual([]);
  });

  it('spring with availability to 08:00: paid 8 h, ends 07:00, nobody in the skipped 01:00 slot', async () => {
    const r = await solveRoster(night('2026-03-23', '08:00'));
    expect(r.violations).toEqual([]);
    expect(r.assignments.map((a) => [a.start, a.end])).toEqual([
      ['2026-03-28T22:00:00', '2026-03-29T07:00:00'],
    ]);
    expect(r.kpis!.staff[0].paidHours).toBe(8);
    const p = parseRosterProblem(night('2026-03-23', '08:00'));
    const checked = checkRoster(p, r.assignments);
    expect(checked.violations).toEqual([]);
    const emails = rosterKpis(p, r.assignments).skills[0];
    expect(emails.underStaffedHours).toBe(1); // the 01:00 slot never happens
    expect(emails.overStaffedHours).toBe(1); // 06:00–07:00 local
  });

  it('the checker refuses the wall-clock end (22:00–06:00 is not 480 minutes that night)', () => {
    for (const [week, date, next] of [
      ['2026-03-23', '2026-03-28', '2026-03-29'],
      ['2026-10-19', '2026-10-24', '2026-10-25'],
    ]) {
      const p = parseRosterProblem(night(week, '08:00'));
      const { violations } = checkRoster(p, [
        {
          staffId: 'nina',
          date,
          shiftTemplateId: 'night-sat',
          start: `${date}T22:00:00`,
          end: `${next}T06:00:00`,
          skill: 'emails',
          breaks: [],
        },
      ]);
      expect(violations.map((v) => v.rule)).toEqual(['TEMPLATE_TIME']);
    }
  });

  it.each([
    // spring: 4 real hours after Sat 22:00 is 03:00 on the clock; 02:30 is only 3.5 h in
    ['spring', '2026-03-23', '2026-03-28', '2026-03-29T07:00:00', ['02:30', '03:00'], 'Sun 03:00–Sun 04:00'],
    // autumn: 4 real hours after Sat 22:00 is the second 01:00 on the clock
    ['autumn', '2026-10-19', '2026-10-24', '2026-10-25T05:00:00', ['00:30', '01:00'], 'Sun 01:00–Sun 02:00'],
  ])(
    '%s: a break outside its window is reported in local clock times',
    (_, week, date, end, [from, to], window) => {
      const input = night(week, '08:00');
      const p = parseRosterProblem({
        ...input,
        shiftTemplates: input.shiftTemplates.map((t) => ({
          ...t,
          breaks: [{ durationMinutes: 30, earliestStartMinutes: 240, latestStartMinutes: 300, paid: false }],
        })),
      });
      const sunday = end.slice(0, 10);
      const { violations } = checkRoster(p, [
        {
          staffId: 'nina',
          date,
          shiftTemplateId: 'night-sat',
          start: `${date}T22:00:00`,
          end,
          skill: 'emails',
          breaks: [{ start: `${sunday}T${from}:00`, end: `${sunday}T${to}:00`, paid: false }],
        },
      ]);
      expect(violations.map((v) => v.message)).toEqual([
        `nina ${date} night-sat: break 1 starts Sun ${from}, outside its window ${window}`,
      ]);
    },
  );

  it('without a time zone every day is 24 h (problems written before it)', async () => {
    const r = await solveRoster(night('2026-10-19', '06:00', null));
    expect(r.assignments.map((a) => a.end)).toEqual(['2026-10-25T06:00:00']);
    expect(r.kpis!.skills[0].underStaffedHours).toBe(0);
  });
});
