/**
 * Between rosters and MILP column values, both ways: the roster a solution encodes (with
 * each person's break starts dealt out of the group counts y[g,j,t]) and the column
 * vector of a given roster (a MIP start for HiGHS). Pure.
 */
import { AppError } from '../../errors';
import type { MilpModel } from './milp-builder';
import type { RosterModel } from './roster-model';
import type { RosterProblem } from '../roster-problem-schema';
import type { RosterAssignment } from '../roster.types';
import { candidateAssignment } from './shift-candidates';
import { sum } from '../../common/sum';

/** A chosen candidate with its break starts (absolute minutes, one per break). */
export interface ChosenShift {
  candidate: number;
  breakStarts: number[];
}

/**
 * Whole counts summing to `total` from fractional ones: floors first, then the largest
 * remainders (the y columns are continuous, so an LP vertex may split a group's breaks).
 */
export function roundCounts(values: number[], total: number): number[] {
  const counts = values.map((v) => Math.max(0, Math.floor(v + 1e-6)));
  const order = values
    .map((v, i) => ({ i, rest: v - counts[i] }))
    .sort((p, q) => q.rest - p.rest || p.i - q.i);
  let placed = sum(counts);
  for (let k = 0; placed < total && order.length > 0; k = (k + 1) % order.length, placed++)
    counts[order[k].i]++;
  for (let k = order.length - 1; placed > total && k >= 0; k--) {
    const take = Math.min(counts[order[k].i], placed - total);
    counts[order[k].i] -= take;
    placed -= take;
  }
  return counts;
}

/**
 * The shifts a solution chooses. Members of a group are interchangeable, so the (rounded)
 * y counts of each break are dealt to the chosen members in staff order.
 */
export function solutionShifts(model: RosterModel, valueOf: (col: number) => number): ChosenShift[] {
  const out: ChosenShift[] = [];
  const columns = new Map<string, { start: number; value: number }[]>();
  for (const y of model.breakCols) {
    const key = `${y.group}_${y.breakIndex}`;
    columns.set(key, [...(columns.get(key) ?? []), { start: y.start, value: valueOf(y.col) }]);
  }
  model.groups.forEach((g, gi) => {
    const chosen = g.members.filter((ci) => valueOf(model.xCol[ci]) > 0.5);
    if (chosen.length === 0) return;
    const dealt = g.shift.breaks.map((b, j) => {
      const cols = columns.get(`${gi}_${j}`) ?? [];
      const counts = roundCounts(
        cols.map((c) => c.value),
        chosen.length,
      );
      const starts = cols.flatMap((c, m) => new Array<number>(counts[m]).fill(c.start));
      return chosen.map((_, m) => starts[m] ?? b.starts[Math.floor((b.starts.length - 1) / 2)]);
    });
    chosen.forEach((ci, m) => out.push({ candidate: ci, breakStarts: dealt.map((starts) => starts[m]) }));
  });
  return out.sort((a, b) => a.candidate - b.candidate);
}

export const shiftsToAssignments = (
  problem: RosterProblem,
  model: Pick<RosterModel, 'candidates'>,
  shifts: ChosenShift[],
): RosterAssignment[] =>
  shifts.map((s) => candidateAssignment(problem, model.candidates[s.candidate], s.breakStarts));

/**
 * The full column vector of a roster: x, n and y from the shifts, then every auxiliary
 * column at its cheapest feasible value, read off the rows — an equality row ending in a
 * ±1 pair of continuous columns (under/over, plus/minus) takes the difference; a `≤ 0` row
 * ending in one continuous column with −1 (a maximum) takes at least its left side.
 */
export function startVector(model: RosterModel, shifts: ChosenShift[]): Float64Array {
  const { milp } = model;
  const values = new Float64Array(milp.columns.length);
  const known = new Uint8Array(milp.columns.length);
  const set = (col: number, v: number): void => {
    values[col] = v;
    known[col] = 1;
  };
  model.xCol.forEach((col) => set(col, 0));
  model.groups.forEach((g) => set(g.nCol, 0));
  model.breakCols.forEach((y) => set(y.col, 0));
  const groupOf = new Map<number, number>();
  model.groups.forEach((g, gi) => g.members.forEach((ci) => groupOf.set(ci, gi)));
  const yCol = new Map(model.breakCols.map((y) => [`${y.group}_${y.breakIndex}_${y.start}`, y.col]));
  for (const s of shifts) {
    set(model.xCol[s.candidate], 1);
    const gi = groupOf.get(s.candidate);
    if (gi === undefined) throw new AppError('INTERNAL', `shift candidate ${s.candidate} is in no group`);
    values[model.groups[gi].nCol] += 1;
    s.breakStarts.forEach((start, j) => {
      const col = yCol.get(`${gi}_${j}_${start}`);
      if (col !== undefined) values[col] += 1;
    });
  }
  completeAuxiliaries(milp, values, known);
  return values;
}

function completeAuxiliaries(milp: MilpModel, values: Float64Array, known: Uint8Array): void {
  const continuousUnknown = (col: number): boolean => !known[col] && milp.columns[col].kind === 'continuous';
  for (const row of milp.rows) {
    const n = row.indices.length;
    const activity = (upTo: number): number => {
      let sum = 0;
      for (let i = 0; i < upTo; i++) sum += row.values[i] * values[row.indices[i]];
      return sum;
    };
    const [p, q] = [row.indices[n - 2], row.indices[n - 1]];
    if (
      row.lower === row.upper &&
      n >= 2 &&
      continuousUnknown(p) &&
      continuousUnknown(q) &&
      Math.abs(row.values[n - 2]) === 1 &&
      row.values[n - 1] === -row.values[n - 2]
    ) {
      // a·p − a·q = rhs − rest  →  p = max(0, ·/a), q = max(0, −·/a)
      const d = (row.upper - activity(n - 2)) / row.values[n - 2];
      values[p] = Math.max(0, d);
      values[q] = Math.max(0, -d);
    } else if (row.upper === 0 && !Number.isFinite(row.lower) && n >= 1 && continuousUnknown(q)) {
      if (row.values[n - 1] === -1) values[q] = Math.max(values[q], activity(n - 1));
    }
  }
  // Columns with a lower bound above zero that no row set (none today) start at that bound.
  milp.columns.forEach((c, i) => {
    if (!known[i] && values[i] < c.lower) values[i] = c.lower;
  });
}
