/**
 * Greedy fallback roster when the MILP returns no solution in time. Repeatedly takes the
 * (skill, interval) with the largest remaining shortfall and adds the eligible shift with
 * the best net value (penalty saved − labour cost − over-cover − preference) that keeps
 * every hard rule; then tops up people below minHoursWeek. The result is checked by the
 * independent checker like any other roster.
 */
import { DAYS_PER_WEEK, localIsoToMinute } from './calendar.util';
import { preferenceMisses } from './roster-constraints.model';
import type { RosterProblem } from './roster-problem.schema';
import type { Candidate } from './shift-candidates.model';

interface PersonState {
  days: Set<number>;
  hours: number;
  spans: [number, number][];
}

const EPS = 1e-9;
/** Favours long shifts when reaching minimum hours, so few days are used up. */
const LONG_SHIFT_BONUS = 1000;

function makeFeasibility(problem: RosterProblem, people: PersonState[]) {
  const rest = problem.options.minRestHours * 60;
  const lastEnd = problem.staff.map((s) =>
    s.previousWeek?.lastShiftEnd === undefined
      ? null
      : localIsoToMinute(problem.weekStart, s.previousWeek.lastShiftEnd),
  );
  return (c: Candidate): boolean => {
    const staff = problem.staff[c.staffIndex];
    const p = people[c.staffIndex];
    const { day, start, end, paidHours } = c.shift;
    if (p.days.has(day)) return false;
    if (p.hours + paidHours > staff.maxHoursWeek + EPS) return false;
    if (p.days.size + 1 > staff.maxDaysWeek) return false;
    const prior = lastEnd[c.staffIndex];
    if (prior !== null && start < prior + rest) return false;
    for (const [a, b] of p.spans) {
      if (start >= a ? start < b + rest : a < end + rest) return false;
    }
    const limit = staff.maxConsecutiveDays;
    if (limit !== undefined) {
      let run = staff.previousWeek?.consecutiveDaysWorked ?? 0;
      for (let d = 0; d < DAYS_PER_WEEK; d++) {
        run = d === day || p.days.has(d) ? run + 1 : 0;
        if (run > limit) return false;
      }
    }
    return true;
  };
}

/** Returns the indices of the chosen candidates. */
export function greedyRoster(problem: RosterProblem, candidates: Candidate[]): number[] {
  const hours = problem.intervalMinutes / 60;
  const { underCover, overCover, preference } = problem.options.penalties;
  const skillIndex = new Map(problem.requirements.map((r, k) => [r.skill, k]));
  const need = problem.requirements.map((r) => [...r.values]);
  const index = problem.requirements.map((r) => r.values.map((): number[] => []));
  candidates.forEach((c, ci) => {
    const k = skillIndex.get(c.skill);
    if (k !== undefined) for (const { interval } of c.shift.coverage) index[k][interval].push(ci);
  });
  const people: PersonState[] = problem.staff.map(() => ({ days: new Set(), hours: 0, spans: [] }));
  const feasible = makeFeasibility(problem, people);
  const chosen: number[] = [];
  const byStaff: number[][] = problem.staff.map(() => []);
  candidates.forEach((c, ci) => byStaff[c.staffIndex].push(ci));

  const gain = (c: Candidate): number => {
    const k = skillIndex.get(c.skill)!;
    let value = 0;
    for (const { interval, fraction } of c.shift.coverage) {
      const useful = Math.min(fraction, Math.max(need[k][interval], 0));
      value += hours * (underCover * useful - overCover * (fraction - useful));
    }
    const staff = problem.staff[c.staffIndex];
    return value - staff.hourlyCost * c.shift.paidHours - preference * preferenceMisses(problem, c);
  };
  const assign = (ci: number): void => {
    const c = candidates[ci];
    const p = people[c.staffIndex];
    p.days.add(c.shift.day);
    p.hours += c.shift.paidHours;
    p.spans.push([c.shift.start, c.shift.end]);
    const k = skillIndex.get(c.skill)!;
    for (const { interval, fraction } of c.shift.coverage) need[k][interval] -= fraction;
    chosen.push(ci);
  };

  const topUpMinimumHours = (): void =>
    problem.staff.forEach((staff, s) => {
      if (people[s].hours >= staff.minHoursWeek - EPS) return;
      const own = (byStaff[s] ?? [])
        .map((ci) => ({ ci, g: gain(candidates[ci]) + LONG_SHIFT_BONUS * candidates[ci].shift.paidHours }))
        .sort((a, b) => b.g - a.g);
      for (const { ci } of own) {
        if (people[s].hours >= staff.minHoursWeek - EPS) break;
        if (feasible(candidates[ci])) assign(ci);
      }
    });

  // Minimum hours first (those hours are paid anyway), then shortfalls, then any remainder.
  topUpMinimumHours();
  const dead = new Uint8Array(candidates.length);
  const exhausted = need.map((row) => row.map(() => false));
  for (;;) {
    let bestK = -1;
    let bestI = -1;
    need.forEach((row, k) =>
      row.forEach((v, i) => {
        if (v > EPS && !exhausted[k][i] && (bestK < 0 || v > need[bestK][bestI])) [bestK, bestI] = [k, i];
      }),
    );
    if (bestK < 0) break;
    let pick = -1;
    let pickGain = 0;
    for (const ci of index[bestK][bestI]) {
      if (dead[ci]) continue;
      // Assignments only add restrictions: once infeasible, a candidate stays infeasible.
      if (!feasible(candidates[ci])) {
        dead[ci] = 1;
        continue;
      }
      const g = gain(candidates[ci]);
      if (g > pickGain) [pick, pickGain] = [ci, g];
    }
    if (pick < 0) exhausted[bestK][bestI] = true;
    else assign(pick);
  }

  topUpMinimumHours();
  return chosen;
}
