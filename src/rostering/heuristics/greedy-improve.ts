/**
 * Improvement and repair for the greedy roster: re-plans one person's whole week at a time
 * against everybody else's shifts (a small exact search over days: at most one shift a day,
 * rest, day, hour and consecutive-day limits, and the contract minimum as a hard rule).
 * A person below their minimum is thereby repaired whenever their week allows it.
 */
import { DAYS_PER_WEEK, previousEndToReal } from '../calendar-util';
import { EPS, type GreedyState } from './greedy-state';
import { sum } from '../../common/sum';

/** Search nodes per person and re-plan; the search keeps its best week when it stops. */
const NODE_LIMIT = 20_000;

interface Option {
  ci: number;
  value: number;
  start: number;
  end: number;
  hours: number;
  weekend: boolean;
}

/** Value of a week for person s: Σ option values − contract deviation − weekend excess. */
function weekPenalty(
  state: GreedyState,
  s: number,
  hours: number,
  weekend: number,
  weekendMax: number,
): number {
  const staff = state.problem.staff[s];
  const p = state.problem.options.penalties;
  const target = staff.targetHoursWeek ?? staff.maxHoursWeek;
  return (
    p.contractDeviation * Math.abs(hours - target) + p.weekendFairness * Math.max(0, weekend - weekendMax)
  );
}

function optionOf(state: GreedyState, ci: number): Option {
  const { shift } = state.candidates[ci];
  return {
    ci,
    value: state.gain(ci),
    start: shift.start,
    end: shift.end,
    hours: shift.paidHours,
    weekend: shift.weekend,
  };
}

/** Person s's options per day, best first: the best skill per (day, template), as skills share the geometry. */
function optionsByDay(state: GreedyState, s: number): Option[][] {
  const byDay: Option[][] = Array.from({ length: DAYS_PER_WEEK }, () => []);
  const best = new Map<string, Option>();
  for (const ci of state.byStaff[s]) {
    const { shift } = state.candidates[ci];
    const key = `${shift.day}_${shift.templateIndex}`;
    const option = optionOf(state, ci);
    const held = best.get(key);
    if (!held || option.value > held.value) best.set(key, option);
  }
  for (const o of best.values()) byDay[state.candidates[o.ci].shift.day].push(o);
  byDay.forEach((options) => options.sort((a, b) => b.value - a.value || b.hours - a.hours));
  return byDay;
}

/** Search bounds from day d on: the most value, and the longest shift of each day (longest first). */
function boundsFrom(byDay: Option[][]): { bestValueFrom: number[]; hoursFrom: number[][] } {
  const bestValueFrom = new Array<number>(DAYS_PER_WEEK + 1).fill(0);
  const hoursFrom: number[][] = Array.from({ length: DAYS_PER_WEEK + 1 }, () => []);
  for (let d = DAYS_PER_WEEK - 1; d >= 0; d--) {
    bestValueFrom[d] = bestValueFrom[d + 1] + Math.max(0, ...byDay[d].map((o) => o.value));
    hoursFrom[d] = [...hoursFrom[d + 1], Math.max(0, ...byDay[d].map((o) => o.hours))].sort((a, b) => b - a);
  }
  return { bestValueFrom, hoursFrom };
}

interface WeekSearch {
  byDay: Option[][];
  bestValueFrom: number[];
  hoursFrom: number[][];
  evaluate: (set: Option[]) => number;
  best: { set: Option[] | null; value: number };
}

/** Branch and bound over the days of person s's week, improving `search.best` in place. */
function searchWeek(state: GreedyState, s: number, search: WeekSearch): void {
  const { problem } = state;
  const staff = problem.staff[s];
  const { byDay, bestValueFrom, hoursFrom, best } = search;
  const rest = problem.options.minRestHours * 60;
  const limit = staff.maxConsecutiveDays ?? DAYS_PER_WEEK + 31;
  let nodes = 0;
  const chosen: Option[] = [];
  const step = (d: number, hours: number, value: number, prevEnd: number | null, run: number): void => {
    if (++nodes > NODE_LIMIT) return;
    if (value + bestValueFrom[d] <= best.value + EPS && best.set !== null) return;
    const daysLeft = staff.maxDaysWeek - chosen.length;
    const reachable = hours + sum(hoursFrom[d].slice(0, Math.max(daysLeft, 0)));
    if (reachable < staff.minHoursWeek - EPS) return;
    if (d === DAYS_PER_WEEK) {
      if (hours < staff.minHoursWeek - EPS) return;
      const total = search.evaluate(chosen);
      if (total > best.value + EPS) [best.value, best.set] = [total, [...chosen]];
      return;
    }
    if (daysLeft > 0 && run < limit) {
      for (const o of byDay[d]) {
        if (hours + o.hours > staff.maxHoursWeek + EPS) continue;
        if (prevEnd !== null && o.start < prevEnd + rest) continue;
        chosen.push(o);
        step(d + 1, hours + o.hours, value + o.value, o.end, run + 1);
        chosen.pop();
      }
    }
    step(d + 1, hours, value, prevEnd, 0);
  };
  const lastEnd = staff.previousWeek?.lastShiftEnd;
  const start = lastEnd === undefined ? null : previousEndToReal(problem, lastEnd);
  step(0, 0, 0, start, staff.previousWeek?.consecutiveDaysWorked ?? 0);
}

/**
 * Re-plans person s against the others. Returns true when the week changed. A week below
 * the minimum never wins over one that meets it.
 */
export function replanPerson(state: GreedyState, s: number, weekendMax: number): boolean {
  const staff = state.problem.staff[s];
  const current = [...state.chosen[s]];
  for (const ci of current) state.remove(ci);
  const byDay = optionsByDay(state, s);
  const evaluate = (set: Option[]): number => {
    const hours = sum(set, (o) => o.hours);
    const weekend = set.filter((o) => o.weekend).length;
    return sum(set, (o) => o.value) - weekPenalty(state, s, hours, weekend, weekendMax);
  };
  const currentOptions = current.map((ci) => optionOf(state, ci));
  const currentMeetsMin = sum(currentOptions, (o) => o.hours) >= staff.minHoursWeek - EPS;
  const best = {
    set: currentMeetsMin ? currentOptions : null,
    value: currentMeetsMin ? evaluate(currentOptions) : -Infinity,
  };
  const incumbentValue = best.value;
  searchWeek(state, s, { byDay, ...boundsFrom(byDay), evaluate, best });
  for (const o of best.set ?? currentOptions) state.add(o.ci);
  return best.set !== null && best.value > incumbentValue + 1e-6;
}

/** Weekend shifts of the busiest person other than s. */
function weekendMaxOthers(counts: number[], s: number): number {
  let most = 0;
  counts.forEach((c, i) => {
    if (i !== s && c > most) most = c;
  });
  return most;
}

/**
 * Re-plans every person in turn until a full pass changes nothing, `maxPasses` is reached
 * or the deadline (performance.now() milliseconds) passes. People below their minimum go first.
 */
export function improveRoster(state: GreedyState, deadline: number, maxPasses = 6): void {
  const n = state.problem.staff.length;
  const weekendCount = (s: number): number =>
    state.chosen[s].filter((ci) => state.candidates[ci].shift.weekend).length;
  const counts = Array.from({ length: n }, (_, s) => weekendCount(s));
  const order = Array.from({ length: n }, (_, s) => s).sort(
    (a, b) =>
      state.paidHours(a) -
      state.problem.staff[a].minHoursWeek -
      (state.paidHours(b) - state.problem.staff[b].minHoursWeek),
  );
  for (let pass = 0; pass < maxPasses; pass++) {
    let changed = false;
    for (const s of order) {
      if (performance.now() > deadline) return;
      if (replanPerson(state, s, weekendMaxOthers(counts, s))) changed = true;
      counts[s] = weekendCount(s);
    }
    if (!changed) return;
  }
}
