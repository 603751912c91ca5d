/**
 * The repair family: re-solve a published week with every unaffected assignment fixed.
 * Outside the free region (conflicted days, plus the whole week of people whose contract
 * forces a change) each person keeps exactly their published shift of the day, or stays
 * off. Inside it, changes are priced: `personChangeCost` once per person whose shifts
 * differ from the published ones, `assignmentChangeCost` per shift added or dropped.
 * Under-cover (priced by the coverage family) outweighs both, so the gap is covered first.
 */
import { addDays } from '../../common/calendar';
import type { BuildContext } from './roster-constraints';
import type { RosterProblem } from '../roster-problem-schema';
import type { RosterAssignment } from '../roster.types';
import type { Candidate } from './shift-candidates';

export interface FixedAssignments {
  /** The published roster the repair starts from. */
  published: RosterAssignment[];
  /** Day indices 0…6 (0 = weekStart) that may change. */
  freeDays: number[];
  /** Staff whose whole week may change (a week-level rule such as a lowered contract). */
  freeStaff: string[];
  personChangeCost: number;
  assignmentChangeCost: number;
}

const keyOf = (staffId: string, date: string, templateId: string, skill: string): string =>
  `${staffId}|${date}|${templateId}|${skill}`;

export const assignmentKey = (a: RosterAssignment): string =>
  keyOf(a.staffId, a.date, a.shiftTemplateId, a.skill);

function candidateKey(problem: RosterProblem, c: Candidate): string {
  return keyOf(
    problem.staff[c.staffIndex].id,
    addDays(problem.weekStart, c.shift.day),
    problem.shiftTemplates[c.shift.templateIndex].id,
    c.skill,
  );
}

/**
 * Change prices that dominate every other per-shift term of the objective (labour cost,
 * contract deviation, preferences, weekend fairness), so an unchanged shift is never
 * swapped for a cheaper one; the under-cover price of about one agent-hour outweighs them.
 */
export function repairChangeCosts(problem: RosterProblem): { person: number; assignment: number } {
  const p = problem.options.penalties;
  const paid = Math.max(0, ...problem.shiftTemplates.map((t) => (t.durationMinutes - t.breakMinutes) / 60));
  const cost = Math.max(0, ...problem.staff.map((s) => s.hourlyCost));
  const perShift = cost * paid + p.contractDeviation * paid + 2 * p.preference + p.weekendFairness;
  const person = Math.ceil(2 * perShift) + 1;
  return { person, assignment: Math.ceil(person / 2) };
}

interface FixSets {
  published: Set<string>;
  freeDays: Set<number>;
  freeStaff: Set<string>;
}

/** Fixes person s's closed days (`fix_s_d`, `off_s_d`); returns the candidates of the open days, with whether each was published. */
function fixClosedDays(ctx: BuildContext, sets: FixSets, s: number): [number, boolean][] {
  const { problem, b, candidates } = ctx;
  const free = sets.freeStaff.has(problem.staff[s].id);
  const own = ctx.byStaff[s];
  const changes: [number, boolean][] = [];
  for (let d = 0; d < 7; d++) {
    const day = own.filter((ci) => candidates[ci].shift.day === d);
    if (day.length === 0) continue;
    const kept = day.filter((ci) => sets.published.has(candidateKey(problem, candidates[ci])));
    if (!free && !sets.freeDays.has(d)) {
      kept.forEach((ci) => b.addRow(`fix_${s}_${d}_${ci}`, [[ctx.xCol[ci], 1]], 1, 1));
      const others = day.filter((ci) => !kept.includes(ci)).map((ci): [number, number] => [ctx.xCol[ci], 1]);
      if (others.length > 0) b.addRow(`off_${s}_${d}`, others, -Infinity, 0);
      continue;
    }
    for (const ci of day) changes.push([ci, kept.includes(ci)]);
  }
  return changes;
}

/** Person s's priced change rows (`chg_s_i`, `zchg_s`); returns the published shifts counted as dropped. */
function addChangeRows(
  ctx: BuildContext,
  fixed: FixedAssignments,
  s: number,
  changes: [number, boolean][],
  lost: number,
): number {
  const { b } = ctx;
  let dropped = 0;
  const z = b.addColumn(`zchg_${s}`, 'continuous', fixed.personChangeCost, lost > 0 ? 1 : 0, 1);
  for (const [ci, wasPublished] of changes) {
    const x = ctx.xCol[ci];
    // published: dropping it means z ≥ 1 − x, priced through −cost on x plus a constant;
    // not published: adding it means z ≥ x, priced at +cost
    const sign = wasPublished ? 1 : -1;
    b.addRow(
      `chg_${s}_${ci}`,
      [
        [z, 1],
        [x, sign],
      ],
      wasPublished ? 1 : 0,
      Infinity,
    );
    b.addCost(x, -sign * fixed.assignmentChangeCost);
    if (wasPublished) dropped++;
  }
  return dropped;
}

/** Adds the fixing rows (`fix_s_d`, `off_s_d`) and the priced change rows (`chg_s_i`, `zchg_s`). */
export function addFixedAssignmentRows(ctx: BuildContext, fixed: FixedAssignments): void {
  const { problem, b, candidates } = ctx;
  const sets: FixSets = {
    published: new Set(fixed.published.map(assignmentKey)),
    freeDays: new Set(fixed.freeDays),
    freeStaff: new Set(fixed.freeStaff),
  };
  let droppedForSure = 0;
  problem.staff.forEach((staff, s) => {
    const keys = new Set(ctx.byStaff[s].map((ci) => candidateKey(problem, candidates[ci])));
    // published shifts of this person that no candidate can keep any more (e.g. leave)
    const lost = fixed.published.filter((a) => a.staffId === staff.id && !keys.has(assignmentKey(a))).length;
    droppedForSure += lost;
    const changes = fixClosedDays(ctx, sets, s);
    if (changes.length === 0 && lost === 0) return;
    droppedForSure += addChangeRows(ctx, fixed, s, changes, lost);
  });
  // the constant part of the change count (every published shift priced as dropped until kept)
  if (droppedForSure > 0)
    b.addColumn('chg_base', 'continuous', fixed.assignmentChangeCost * droppedForSure, 1, 1);
}
