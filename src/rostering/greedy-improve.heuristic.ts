/**
 * Improvement and repair for the greedy roster: re-plans one person's whole week at a time
 * against everybody else's shifts (a small exact search over days: at most one shift a day,
 * rest, day, hour and consecutive-day limits, and the contract minimum as a hard rule).
 * A person below their minimum is thereby repaired whenever their week allows it.
 */
import { DAYS_PER_WEEK, localIsoToMinute } from './calendar.util';
import { EPS, type GreedyState } from './greedy-state.heuristic';

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

/**
 * Re-plans person s against the others. Returns true when the week changed. A week below
 * the minimum never wins over one that meets it.
 */
export function replanPerson(state: GreedyState, s: number, weekendMax: number): boolean {
  const { problem, candidates } = state;
  const staff = problem.staff[s];
  const current = [...state.chosen[s]];
  for (const ci of current) state.remove(ci);

  // Best skill per (day, template): skills share the geometry, so only the value differs.
  const byDay: Option[][] = Array.from({ length: DAYS_PER_WEEK }, () => []);
  const best = new Map<string, Option>();
  for (const ci of state.byStaff[s]) {
    const c = candidates[ci];
    const key = `${c.shift.day}_${c.shift.templateIndex}`;
    const value = state.gain(ci);
    const held = best.get(key);
    if (!held || value > held.value)
      best.set(key, {
        ci,
        value,
        start: c.shift.start,
        end: c.shift.end,
        hours: c.shift.paidHours,
        weekend: c.shift.weekend,
      });
  }
  for (const o of best.values()) byDay[candidates[o.ci].shift.day].push(o);
  byDay.forEach((options) => options.sort((a, b) => b.value - a.value || b.hours - a.hours));
  const bestValueFrom = new Array<number>(DAYS_PER_WEEK + 1).fill(0);
  const hoursFrom: number[][] = Array.from({ length: DAYS_PER_WEEK + 1 }, () => []);
  for (let d = DAYS_PER_WEEK - 1; d >= 0; d--) {
    bestValueFrom[d] = bestValueFrom[d + 1] + Math.max(0, ...byDay[d].map((o) => o.value));
    hoursFrom[d] = [...hoursFrom[d + 1], Math.max(0, ...byDay[d].map((o) => o.hours))].sort((a, b) => b - a);
  }

  const rest = problem.options.minRestHours * 60;
  const lastEnd =
    staff.previousWeek?.lastShiftEnd === undefined
      ? null
      : localIsoToMinute(problem.weekStart, staff.previousWeek.lastShiftEnd);
  const limit = staff.maxConsecutiveDays ?? DAYS_PER_WEEK + 31;
  const evaluate = (set: Option[]): number => {
    const hours = set.reduce((a, o) => a + o.hours, 0);
    const weekend = set.filter((o) => o.weekend).length;
    return set.reduce((a, o) => a + o.value, 0) - weekPenalty(state, s, hours, weekend, weekendMax);
  };
  const currentOptions = current.map((ci) => {
    const c = candidates[ci];
    return {
      ci,
      value: state.gain(ci),
      start: c.shift.start,
      end: c.shift.end,
      hours: c.shift.paidHours,
      weekend: c.shift.weekend,
    };
  });
  const currentMeetsMin = currentOptions.reduce((a, o) => a + o.hours, 0) >= staff.minHoursWeek - EPS;
  let bestSet: Option[] | null = currentMeetsMin ? currentOptions : null;
  let bestValue = currentMeetsMin ? evaluate(currentOptions) : -Infinity;
  const incumbentValue = bestValue;

  let nodes = 0;
  const chosen: Option[] = [];
  const search = (d: number, hours: number, value: number, prevEnd: number | null, run: number): void => {
    if (++nodes > NODE_LIMIT) return;
    if (value + bestValueFrom[d] <= bestValue + EPS && bestSet !== null) return;
    const daysLeft = staff.maxDaysWeek - chosen.length;
    const reachable = hours + hoursFrom[d].slice(0, Math.max(daysLeft, 0)).reduce((a, h) => a + h, 0);
    if (reachable < staff.minHoursWeek - EPS) return;
    if (d === DAYS_PER_WEEK) {
      if (hours < staff.minHoursWeek - EPS) return;
      const total = evaluate(chosen);
      if (total > bestValue + EPS) [bestValue, bestSet] = [total, [...chosen]];
      return;
    }
    if (daysLeft > 0 && run < limit) {
      for (const o of byDay[d]) {
        if (hours + o.hours > staff.maxHoursWeek + EPS) continue;
        if (prevEnd !== null && o.start < prevEnd + rest) continue;
        chosen.push(o);
        search(d + 1, hours + o.hours, value + o.value, o.end, run + 1);
        chosen.pop();
      }
    }
    search(d + 1, hours, value, prevEnd, 0);
  };
  search(0, 0, 0, lastEnd, staff.previousWeek?.consecutiveDaysWorked ?? 0);

  const next = bestSet ?? currentOptions;
  for (const o of next) state.add(o.ci);
  return bestSet !== null && bestValue > incumbentValue + 1e-6;
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
