/**
 * Deterministic demo staff and availability: the same seed and anchor date always give
 * the same people, contracts, weekly patterns and leave. Own PRNG (mulberry32), never
 * Math.random. Pure: no store, no I/O.
 */
import { addDays } from '../src/common/calendar';
import { mulberry32 } from '../src/common/random';

export interface GeneratedStaff {
  employeeNo: string;
  name: string;
  skills: string[];
  contract: { minHoursWeek: number; maxHoursWeek: number; maxDaysWeek: number; maxConsecutiveDays: number };
  hourlyCost: number;
  preferences: {
    desiredDays: number[];
    undesiredDays: number[];
    desiredShifts: string[];
    undesiredShifts: string[];
  };
}

export interface GeneratedAvailability {
  employeeNo: string;
  weekly: { dayOfWeek: number; from: string; to: string }[];
  exceptions: { date: string; available: boolean; from: string | null; to: string | null; reason: string }[];
}

export interface GeneratedSite {
  staff: GeneratedStaff[];
  availability: GeneratedAvailability[];
}

export interface StaffGeneratorOptions {
  /** PRNG seed (default 20240601). */
  seed?: number;
  /** Number of people (default DEMO_STAFF_COUNT). */
  count?: number;
  /** Monday `YYYY-MM-DD` from which leave is placed (the next 8 weeks). */
  anchorDate: string;
}

export { mulberry32 };

/**
 * Sized so that the MEAN-basis plan of a demo week can be rostered: calls peak at ~72
 * scheduled agents on Monday morning while the e-mails of the weekend (arrivals are 24/7,
 * the channel opens Mon–Fri) are due by Monday noon (~39 agents), with a third of the
 * people part-time and some on leave.
 */
export const DEMO_STAFF_COUNT = 150;

const FIRST = [
  'Alex',
  'Sam',
  'Jordan',
  'Priya',
  'Mohammed',
  'Olivia',
  'Liam',
  'Amelia',
  'Noah',
  'Isla',
  'Kwame',
  'Sofia',
  'Mateusz',
  'Chloe',
  'Hiroshi',
  'Fatima',
  'Daniel',
  'Grace',
  'Ravi',
  'Ella',
  'Tomás',
  'Aisha',
  'Ben',
  'Zara',
  'Lukas',
  'Maya',
  'Oscar',
  'Leah',
  'Ibrahim',
  'Freya',
];
const LAST = [
  'Smith',
  'Jones',
  'Patel',
  'Khan',
  'Williams',
  'Brown',
  'Nowak',
  'Taylor',
  'Davies',
  'Evans',
  'Okafor',
  'Garcia',
  'Wilson',
  'Murphy',
  'Chen',
  'Ali',
  'Roberts',
  'Walker',
  'Singh',
  'Kowalski',
  'Hughes',
  'Edwards',
  'Green',
  'Hall',
  'Wood',
  'Yilmaz',
  'Clarke',
  'Moreno',
  'Sato',
  'Lewis',
];

type Window = { dayOfWeek: number; from: string; to: string };
const days = (list: number[], from: string, to: string): Window[] =>
  list.map((d) => ({ dayOfWeek: d, from, to }));
const WEEKDAYS = [1, 2, 3, 4, 5];

/** Weekly patterns for full-time staff (all cover at least five 8-hour shifts). */
const FULL_TIME_PATTERNS: Window[][] = [
  days([1, 2, 3, 4, 5, 6], '08:00', '20:00'),
  days(WEEKDAYS, '08:00', '20:00'),
  days(WEEKDAYS, '08:00', '18:00'),
  [...days(WEEKDAYS, '10:00', '20:00'), ...days([6], '09:00', '17:00')],
  [...days([1, 2, 3, 4], '08:00', '20:00'), ...days([6], '09:00', '17:00')],
];
const SATURDAY_DEPENDENT = 4;

/** DEMO_STAFF_COUNT people: team leads, calls, calls + emails, emails, e-mails + outbound, calls + outbound; full- and part-time. */
export function generateStaff(options: StaffGeneratorOptions): GeneratedSite {
  const rand = mulberry32(options.seed ?? 20240601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const count = options.count ?? DEMO_STAFF_COUNT;
  const staff: GeneratedStaff[] = [];
  const availability: GeneratedAvailability[] = [];
  const names = new Set<string>();

  for (let i = 1; i <= count; i++) {
    const employeeNo = `E${String(i).padStart(4, '0')}`;
    let name = `${pick(FIRST)} ${pick(LAST)}`;
    while (names.has(name)) name = `${pick(FIRST)} ${pick(LAST)}`;
    names.add(name);

    // Role mix by position, so the mix is stable whatever the PRNG draws.
    const slot = i % 10;
    const teamLead = i % 10 === 0;
    const skills = teamLead
      ? ['team_lead', 'calls', 'emails']
      : slot <= 3
        ? ['calls']
        : slot <= 6
          ? ['calls', 'emails']
          : slot === 7
            ? ['emails']
            : slot === 8
              ? ['emails', 'outbound']
              : ['calls', 'outbound'];
    const partTime = !teamLead && i !== 1 && rand() < 0.35;

    let weekly: Window[];
    let contract: GeneratedStaff['contract'];
    if (partTime) {
      const workDays = between(3, 4);
      const start = between(0, 4);
      const chosen = Array.from({ length: workDays }, (_, k) => WEEKDAYS[(start + k) % 5]!).sort(
        (a, b) => a - b,
      );
      const morning = rand() < 0.5;
      weekly = days(chosen, morning ? '08:00' : '14:00', morning ? '14:00' : '20:00');
      if (rand() < 0.3) weekly.push(...days([6], '09:00', '17:00'));
      const max = pick([16, 20, 24]);
      contract = {
        // reachable with the 4-hour part-time shifts that fit the 6-hour windows, also when
        // a partial absence (an appointment) takes one of them
        minHoursWeek: Math.min(max - 8, (workDays - 1) * 4),
        maxHoursWeek: max,
        maxDaysWeek: workDays,
        maxConsecutiveDays: workDays,
      };
    } else {
      let pattern = teamLead ? 2 : i === 1 ? 1 : between(0, FULL_TIME_PATTERNS.length - 1);
      // Mon–Thu + Saturday reaches full-time hours only through the Saturday shift, which serves calls.
      if (pattern === SATURDAY_DEPENDENT && !skills.includes('calls')) pattern = 1;
      weekly = FULL_TIME_PATTERNS[pattern]!.map((w) => ({ ...w }));
      contract = {
        // five 8-hour shifts with a 30-minute unpaid break reach the 37.5 h target; the
        // minimum of four shifts leaves room for a partial absence (an appointment)
        minHoursWeek: 30,
        maxHoursWeek: 37.5,
        maxDaysWeek: 5,
        maxConsecutiveDays: 5,
      };
    }
    const base = teamLead ? 24 : skills.includes('outbound') ? 17.5 : 16;
    const hourlyCost = Math.round((base + rand() * 3) * 4) / 4;

    const exceptions: GeneratedAvailability['exceptions'] = [];
    const r = rand();
    if (r < 0.15) {
      // a block of annual leave: 1-5 working days within the next 8 weeks
      const first = addDays(options.anchorDate, between(0, 7) * 7 + between(0, 4));
      const length = between(1, 5);
      for (let d = 0, placed = 0; placed < length && d < 9; d++) {
        const date = addDays(first, d);
        const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
        if (dow === 0 || dow === 6) continue;
        exceptions.push({ date, available: false, from: null, to: null, reason: 'annual leave' });
        placed++;
      }
    } else if (r < 0.22) {
      exceptions.push({
        date: addDays(options.anchorDate, between(0, 13)),
        available: false,
        from: null,
        to: null,
        reason: 'sickness',
      });
    } else if (r < 0.27) {
      exceptions.push({
        date: addDays(options.anchorDate, between(0, 3) * 7 + 2),
        available: false,
        from: '08:00',
        to: '12:00',
        reason: 'appointment',
      });
    } else if (r < 0.3 && partTime) {
      exceptions.push({
        date: addDays(options.anchorDate, between(0, 3) * 7 + 5),
        available: true,
        from: '09:00',
        to: '17:00',
        reason: 'extra shift offered',
      });
    }

    const preferences: GeneratedStaff['preferences'] = {
      desiredDays: [],
      undesiredDays: rand() < 0.2 ? [6] : [],
      desiredShifts: !partTime && rand() < 0.3 ? [pick(['early', 'middle', 'late'])] : [],
      undesiredShifts: [],
    };
    staff.push({ employeeNo, name, skills, contract, hourlyCost, preferences });
    availability.push({ employeeNo, weekly, exceptions });
  }
  return { staff, availability };
}
