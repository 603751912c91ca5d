/**
 * Seeded weekly roster instances: N staff, 15-minute intervals, three skills, full- and
 * part-time contracts, realistic availability and intraday demand peaks. Deterministic for
 * a given (staff, seed), so bench runs and tests compare like with like.
 */
import type { RosterProblemInput } from '../src/rostering/roster-problem-schema';
import { mulberry32 } from '../src/common/random';

export interface InstanceOptions {
  staff: number;
  seed?: number;
  intervalMinutes?: 15 | 30 | 60;
  /** Share of total contract capacity the requirement asks for (default 0.8). */
  load?: number;
  timeLimitSeconds?: number;
  /**
   * Breaks of the 8.5-hour templates: `window` (default) one unpaid 30-minute break that may
   * start up to an hour either side of mid-shift; `fixed` the same break pinned at mid-shift
   * (no placement to choose: the model without break variables in effect); `two` a paid
   * 15-minute break at +1:30…+2:30 and an unpaid 30-minute one at +3:30…+5:00.
   */
  breaks?: 'window' | 'fixed' | 'two';
}

type TemplateInput = RosterProblemInput['shiftTemplates'][number];

function withBreaks(t: TemplateInput, kind: InstanceOptions['breaks']): TemplateInput {
  if (!t.breakMinutes || kind === undefined || kind === 'window') return t;
  const { breakMinutes, ...rest } = t;
  const mid = Math.floor((t.durationMinutes - breakMinutes) / 2);
  if (kind === 'fixed')
    return {
      ...rest,
      breaks: [
        { durationMinutes: breakMinutes, paid: false, earliestStartMinutes: mid, latestStartMinutes: mid },
      ],
    };
  return {
    ...rest,
    breaks: [
      { durationMinutes: 15, paid: true, earliestStartMinutes: 90, latestStartMinutes: 150 },
      { durationMinutes: breakMinutes, paid: false, earliestStartMinutes: 210, latestStartMinutes: 300 },
    ],
  };
}

export const seededRandom = mulberry32;

const SKILLS = ['calls', 'chat', 'emails'] as const;
const SKILL_SHARE: Record<(typeof SKILLS)[number], number> = { calls: 0.55, chat: 0.25, emails: 0.2 };
const WEEKDAYS = [1, 2, 3, 4, 5];
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

const TEMPLATES: RosterProblemInput['shiftTemplates'] = [
  {
    id: 'early',
    start: '07:00',
    durationMinutes: 510,
    breakMinutes: 30,
    daysOfWeek: WEEKDAYS,
    skills: [...SKILLS],
  },
  {
    id: 'day',
    start: '09:00',
    durationMinutes: 510,
    breakMinutes: 30,
    daysOfWeek: ALL_DAYS,
    skills: [...SKILLS],
  },
  {
    id: 'mid',
    start: '11:00',
    durationMinutes: 510,
    breakMinutes: 30,
    daysOfWeek: WEEKDAYS,
    skills: [...SKILLS],
  },
  {
    id: 'late',
    start: '12:30',
    durationMinutes: 510,
    breakMinutes: 30,
    daysOfWeek: ALL_DAYS,
    skills: [...SKILLS],
  },
  {
    id: 'am4',
    start: '08:00',
    durationMinutes: 240,
    breakMinutes: 0,
    daysOfWeek: ALL_DAYS,
    skills: ['calls', 'chat'],
  },
  {
    id: 'pm4',
    start: '17:00',
    durationMinutes: 240,
    breakMinutes: 0,
    daysOfWeek: WEEKDAYS,
    skills: ['calls', 'chat'],
  },
];

/** Relative demand at minute-of-day `m` (0 when closed): peaks around 10:30 and 15:00. */
function demandShape(m: number, weekend: boolean): number {
  const open = weekend ? [9 * 60, 18 * 60] : [7 * 60, 21 * 60];
  if (m < open[0] || m >= open[1]) return 0;
  const h = m / 60;
  const peaks = Math.exp(-((h - 10.5) ** 2) / 3) + 0.8 * Math.exp(-((h - 15) ** 2) / 4);
  return (0.35 + peaks) * (weekend ? 0.5 : 1);
}

export function generateRosterInstance(opts: InstanceOptions): RosterProblemInput {
  const rnd = seededRandom(opts.seed ?? 7);
  const interval = opts.intervalMinutes ?? 15;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const staff: RosterProblemInput['staff'] = [];
  let capacityHours = 0;
  for (let i = 0; i < opts.staff; i++) {
    const fullTime = rnd() < 0.7;
    const skills = SKILLS.filter((s) => rnd() < { calls: 0.8, chat: 0.5, emails: 0.4 }[s]);
    if (skills.length === 0) skills.push(pick(SKILLS));
    const weekend = rnd() < 0.6;
    const availability: RosterProblemInput['staff'][number]['availability'] = [];
    if (fullTime) {
      for (const d of WEEKDAYS) availability.push({ dayOfWeek: d, from: '07:00', to: '21:00' });
      if (weekend) for (const d of [6, 7]) availability.push({ dayOfWeek: d, from: '08:00', to: '22:00' });
    } else {
      const days = ALL_DAYS.filter(() => rnd() < 0.65);
      const window = pick([
        ['07:00', '16:00'],
        ['08:00', '21:00'],
        ['11:00', '21:00'],
      ]);
      for (const d of days) availability.push({ dayOfWeek: d, from: window[0], to: window[1] });
    }
    const max = fullTime ? 40 : 20;
    capacityHours += fullTime ? 36 : 14;
    staff.push({
      id: `s${String(i + 1).padStart(3, '0')}`,
      skills,
      hourlyCost: Math.round((18 + rnd() * 12) * 100) / 100,
      minHoursWeek: fullTime ? 24 : 0,
      maxHoursWeek: max,
      maxDaysWeek: fullTime ? 5 : 4,
      maxConsecutiveDays: fullTime ? 5 : 4,
      availability,
      unavailableDates: rnd() < 0.1 ? ['2025-03-05'] : undefined,
      preferences: rnd() < 0.3 ? { undesiredDays: [pick(ALL_DAYS)] } : undefined,
      previousWeek:
        rnd() < 0.5
          ? {
              lastShiftEnd: `2025-03-02T${pick(['16:00', '20:00', '22:00'])}`,
              consecutiveDaysWorked: Math.floor(rnd() * 5),
            }
          : undefined,
    });
  }
  const perDay = (24 * 60) / interval;
  const shape: number[] = [];
  for (let d = 0; d < 7; d++) {
    for (let k = 0; k < perDay; k++) shape.push(demandShape(k * interval, d >= 5));
  }
  const shapeHours = shape.reduce((a, b) => a + b, 0) * (interval / 60);
  const requirements = SKILLS.map((skill) => {
    const scale = ((opts.load ?? 0.8) * capacityHours * SKILL_SHARE[skill]) / shapeHours;
    return { skill, values: shape.map((v) => Math.round(v * scale * (0.9 + 0.2 * rnd()))) };
  });
  return {
    weekStart: '2025-03-03',
    intervalMinutes: interval,
    staff,
    shiftTemplates: TEMPLATES.map((t) => withBreaks(t, opts.breaks)),
    requirements,
    options: { timeLimitSeconds: opts.timeLimitSeconds ?? 60, relativeGap: 0.01 },
  };
}
