/**
 * Explains what cannot be met before (and after) solving: requirement intervals no eligible
 * staff can cover, and people whose minimum hours exceed the hours they could work.
 */
import { DAY_NAMES } from '../common/calendar';
import { minuteLabel, minuteToLocalIso } from './calendar-util';
import type { RosterProblem } from './roster-problem-schema';
import type { Candidate, ShiftInstance } from './milp/shift-candidates';
import type { StaffIssue, UncoverableRange } from './roster.types';
import { sum } from '../common/sum';

const EPS = 1e-6;

type Requirement = RosterProblem['requirements'][number];

/** Most agents with the skill present per interval: Σ over staff of their best fraction (candidates come staff by staff). */
function mostPresent(skill: string, candidates: Candidate[], intervals: number): Float64Array {
  const most = new Float64Array(intervals);
  let staffIndex = -1;
  let best = new Map<number, number>();
  const flush = (): void => {
    for (const [i, f] of best) most[i] += f;
    best = new Map<number, number>();
  };
  for (const c of candidates) {
    if (c.skill !== skill) continue;
    if (c.staffIndex !== staffIndex) {
      flush();
      staffIndex = c.staffIndex;
    }
    for (const { interval, fraction } of c.shift.coverage)
      best.set(interval, Math.max(best.get(interval) ?? 0, fraction));
  }
  flush();
  return most;
}

/** Why interval i of a skill cannot be covered, from the most specific cause to the least. */
function reasons(
  problem: RosterProblem,
  skill: string,
  most: Float64Array,
  shifts: ShiftInstance[],
): (i: number) => string {
  const templateCovers = new Set<number>();
  for (const s of shifts) {
    if (!problem.shiftTemplates[s.templateIndex].skills.includes(skill)) continue;
    for (const { interval } of s.coverage) templateCovers.add(interval);
  }
  const skilled = problem.staff.some((s) => s.skills.includes(skill));
  return (i: number): string => {
    const max = most[i];
    if (max > EPS) return `at most ${+max.toFixed(2)} agents with skill ${skill} can be present`;
    if (!templateCovers.has(i)) return `no shift template with skill ${skill} covers this time`;
    if (!skilled) return `nobody has skill ${skill}`;
    return `nobody with skill ${skill} is available`;
  };
}

/** Runs of uncoverable intervals of one requirement that share a reason. */
function uncoverableRuns(
  problem: RosterProblem,
  req: Requirement,
  most: Float64Array,
  reasonOf: (i: number) => string,
): UncoverableRange[] {
  const size = problem.intervalMinutes;
  const out: UncoverableRange[] = [];
  const short = (i: number): boolean => req.values[i] > most[i] + EPS;
  let i = 0;
  while (i < req.values.length) {
    if (!short(i)) {
      i++;
      continue;
    }
    const reason = reasonOf(i);
    let j = i;
    let required = 0;
    let maxPossible = Infinity;
    while (j < req.values.length && short(j) && reasonOf(j) === reason) {
      required = Math.max(required, req.values[j]);
      maxPossible = Math.min(maxPossible, most[j]);
      j++;
    }
    out.push({
      skill: req.skill,
      start: minuteToLocalIso(problem.weekStart, i * size),
      end: minuteToLocalIso(problem.weekStart, j * size),
      required,
      maxPossible: +maxPossible.toFixed(4),
      reason: `${reason} on ${minuteLabel(i * size)}–${minuteLabel(j * size)} (required ${required})`,
    });
    i = j;
  }
  return out;
}

/** Requirement intervals whose demand exceeds the most agents that could be present. */
export function uncoverableRequirements(
  problem: RosterProblem,
  candidates: Candidate[],
  shifts: ShiftInstance[],
): UncoverableRange[] {
  const intervals = problem.requirements[0]?.values.length ?? 0;
  return problem.requirements.flatMap((req) => {
    const most = mostPresent(req.skill, candidates, intervals);
    return uncoverableRuns(problem, req, most, reasons(problem, req.skill, most, shifts));
  });
}

/** "Ada Lovelace (st-a)", or the id alone when the problem has no name. */
export const personLabel = (staff: { id: string; name?: string }): string =>
  staff.name ? `${staff.name} (${staff.id})` : staff.id;

const hoursText = (h: number): string => `${+h.toFixed(2)} h`;

/**
 * People whose minHoursWeek exceeds an upper bound on the hours they could work: the best
 * maxDaysWeek days of their eligible shifts, capped at maxHoursWeek (rest and consecutive
 * days are ignored here; the solver-based diagnosis catches those). The reason names the
 * person, the minimum, the bound and the days it comes from.
 */
export function staffHourIssues(problem: RosterProblem, candidates: Candidate[]): StaffIssue[] {
  const issues: StaffIssue[] = [];
  const perStaffDay = problem.staff.map(() => new Array<number>(7).fill(0));
  for (const c of candidates) {
    const perDay = perStaffDay[c.staffIndex];
    perDay[c.shift.day] = Math.max(perDay[c.shift.day], c.shift.paidHours);
  }
  problem.staff.forEach((staff, s) => {
    if (staff.minHoursWeek <= 0) return;
    const perDay = perStaffDay[s];
    const best = sum([...perDay].sort((a, b) => b - a).slice(0, staff.maxDaysWeek));
    const most = +Math.min(best, staff.maxHoursWeek).toFixed(2);
    if (most >= staff.minHoursWeek - EPS) return;
    const days = perDay.flatMap((h, d) => (h > 0 ? [`${DAY_NAMES[d]} ${hoursText(h)}`] : []));
    const from = days.length > 0 ? `shifts fit ${days.join(', ')}` : 'no shift fits their availability';
    issues.push({
      staffId: staff.id,
      code: 'MIN_HOURS_ABOVE_SHIFTS',
      minHoursWeek: staff.minHoursWeek,
      reachableHours: most,
      reason:
        `${personLabel(staff)}: minimum ${hoursText(staff.minHoursWeek)} this week exceeds the ` +
        `${hoursText(most)} they can work (${from}; at most ${staff.maxDaysWeek} days, ` +
        `${hoursText(staff.maxHoursWeek)})`,
    });
  });
  return issues;
}
