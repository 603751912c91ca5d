/**
 * The greedy heuristic's working roster: the remaining requirement per skill and interval
 * (planned with each shift's breaks at their middle start), each person's chosen
 * candidates, the value of adding a candidate and the per-person hard rules.
 */
import { DAYS_PER_WEEK, previousEndToReal } from '../calendar-util';
import { preferenceMisses } from '../milp/roster-constraints';
import type { RosterProblem } from '../roster-problem-schema';
import type { Candidate } from '../milp/shift-candidates';
import { sum } from '../../common/sum';

export const EPS = 1e-9;

export class GreedyState {
  /** Requirement minus planned coverage, per requirement index and interval. */
  readonly need: number[][];
  /** Chosen candidate indices per staff index. */
  readonly chosen: number[][];
  /** Candidate indices per staff index. */
  readonly byStaff: number[][];
  readonly skillIndex: Map<string, number>;
  private readonly lastEnd: (number | null)[];
  private readonly hours: number;
  /** Per person: worked-day bit mask, paid hours and shift spans, kept in step with `chosen`. */
  private readonly summary: { days: number; hours: number; spans: [number, number][] }[];

  constructor(
    readonly problem: RosterProblem,
    readonly candidates: Candidate[],
  ) {
    this.need = problem.requirements.map((r) => [...r.values]);
    this.chosen = problem.staff.map(() => []);
    this.byStaff = problem.staff.map(() => []);
    candidates.forEach((c, ci) => this.byStaff[c.staffIndex].push(ci));
    this.skillIndex = new Map(problem.requirements.map((r, k) => [r.skill, k]));
    this.lastEnd = problem.staff.map((s) =>
      s.previousWeek?.lastShiftEnd === undefined
        ? null
        : previousEndToReal(problem, s.previousWeek.lastShiftEnd),
    );
    this.hours = problem.intervalMinutes / 60;
    this.summary = problem.staff.map(() => ({ days: 0, hours: 0, spans: [] }));
  }

  private summarise(s: number): void {
    const shifts = this.chosen[s].map((ci) => this.candidates[ci].shift);
    this.summary[s] = {
      days: shifts.reduce((mask, x) => mask | (1 << x.day), 0),
      hours: sum(shifts, (x) => x.paidHours),
      spans: shifts.map((x): [number, number] => [x.start, x.end]),
    };
  }

  /** Coverage value of candidate ci against the current need (its own shifts excluded by the caller). */
  coverValue(ci: number): number {
    const c = this.candidates[ci];
    const k = this.skillIndex.get(c.skill);
    if (k === undefined) return 0;
    const { underCover, overCover } = this.problem.options.penalties;
    let value = 0;
    for (const { interval, fraction } of c.shift.nominalCoverage) {
      const useful = Math.min(fraction, Math.max(this.need[k][interval], 0));
      value += this.hours * (underCover * useful - overCover * (fraction - useful));
    }
    return value;
  }

  /** Net value of adding ci: coverage value − labour cost − preference misses. */
  gain(ci: number): number {
    const c = this.candidates[ci];
    const staff = this.problem.staff[c.staffIndex];
    return (
      this.coverValue(ci) -
      staff.hourlyCost * c.shift.paidHours -
      this.problem.options.penalties.preference * preferenceMisses(this.problem, c)
    );
  }

  private cover(ci: number, sign: 1 | -1): void {
    const c = this.candidates[ci];
    const k = this.skillIndex.get(c.skill);
    if (k === undefined) return;
    for (const { interval, fraction } of c.shift.nominalCoverage) this.need[k][interval] -= sign * fraction;
  }

  add(ci: number): void {
    const s = this.candidates[ci].staffIndex;
    this.chosen[s].push(ci);
    this.summarise(s);
    this.cover(ci, 1);
  }

  remove(ci: number): void {
    const s = this.candidates[ci].staffIndex;
    const own = this.chosen[s];
    own.splice(own.indexOf(ci), 1);
    this.summarise(s);
    this.cover(ci, -1);
  }

  paidHours(s: number): number {
    return this.summary[s].hours;
  }

  /** Whether `set` (candidate indices of person s) keeps every per-person hard rule except the minimum. */
  feasibleSet(s: number, set: number[]): boolean {
    const staff = this.problem.staff[s];
    const shifts = set.map((ci) => this.candidates[ci].shift).sort((a, b) => a.start - b.start);
    const rest = this.problem.options.minRestHours * 60;
    const days = new Set(shifts.map((x) => x.day));
    if (days.size !== shifts.length || days.size > staff.maxDaysWeek) return false;
    if (sum(shifts, (x) => x.paidHours) > staff.maxHoursWeek + EPS) return false;
    let previousEnd = this.lastEnd[s];
    for (const x of shifts) {
      if (previousEnd !== null && x.start < previousEnd + rest) return false;
      previousEnd = x.end;
    }
    const limit = staff.maxConsecutiveDays;
    if (limit !== undefined) {
      let run = staff.previousWeek?.consecutiveDaysWorked ?? 0;
      for (let d = 0; d < DAYS_PER_WEEK; d++) {
        run = days.has(d) ? run + 1 : 0;
        if (run > limit) return false;
      }
    }
    return true;
  }

  /** Whether ci can join its person's current shifts (the same rules as `feasibleSet`, incrementally). */
  canAdd(ci: number): boolean {
    const c = this.candidates[ci];
    const s = c.staffIndex;
    const staff = this.problem.staff[s];
    const sum = this.summary[s];
    const { day, start, end, paidHours } = c.shift;
    if (sum.days & (1 << day)) return false;
    if (sum.hours + paidHours > staff.maxHoursWeek + EPS) return false;
    if (this.chosen[s].length + 1 > staff.maxDaysWeek) return false;
    const rest = this.problem.options.minRestHours * 60;
    const prior = this.lastEnd[s];
    if (prior !== null && start < prior + rest) return false;
    for (const [a, b] of sum.spans) {
      if (start >= a ? start < b + rest : a < end + rest) return false;
    }
    const limit = staff.maxConsecutiveDays;
    if (limit !== undefined) {
      const mask = sum.days | (1 << day);
      let run = staff.previousWeek?.consecutiveDaysWorked ?? 0;
      for (let d = 0; d < DAYS_PER_WEEK; d++) {
        run = mask & (1 << d) ? run + 1 : 0;
        if (run > limit) return false;
      }
    }
    return true;
  }

  /** Every chosen candidate, in staff order. */
  all(): number[] {
    return this.chosen.flat();
  }
}
