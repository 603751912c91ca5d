/**
 * Coverage net of breaks. People who would take the same shift with the same skill are
 * interchangeable for coverage, so assignments are grouped by (day, template, skill):
 * n[g] = Σ x over the group. Each break of a group's shift gets one column per possible
 * start, y[g,j,t] = how many of the group start break j at t, with Σ_t y[g,j,t] = n[g]; the
 * coverage row subtracts the breaks that cover the interval.
 *
 * y is continuous: n[g] is whole (a sum of binaries) and each break column covers
 * consecutive intervals, so LP vertices are nearly always whole already; extraction rounds
 * by largest remainders and the break stage then re-places breaks only where that lowers
 * the penalty. As general integers (bounded by the group size) HiGHS' presolve ran 90 s
 * past a 45 s limit on 300 staff without reaching its interrupt checkpoints. This keeps the
 * break variables per group rather than per person (pyworkforce's BreakScheduler reads the
 * same, per shift and day with anonymous slots).
 */
import { sumTerms, type BuildContext, type ShiftGroup } from './build-context';
import { spanCoverage } from './shift-candidates';
import { problemClock } from '../calendar-util';

/** The n[g] columns and their link rows n[g] − Σ x = 0 (always built: coverage and breaks use them). */
export function addShiftGroups(ctx: BuildContext): void {
  const { problem, b, candidates } = ctx;
  const byKey = new Map<string, Omit<ShiftGroup, 'nCol'>>();
  candidates.forEach((c, i) => {
    const t = c.shift.templateIndex;
    const key = `${c.shift.day}_${t}_${problem.shiftTemplates[t].skills.indexOf(c.skill)}`;
    const g = byKey.get(key) ?? { key, skill: c.skill, shift: c.shift, members: [] };
    g.members.push(i);
    byKey.set(key, g);
  });
  for (const g of byKey.values()) {
    const nCol = b.addColumn(`n_${g.key}`, 'continuous', 0);
    b.addRow(
      `link_${g.key}`,
      [
        [nCol, 1],
        ...sumTerms(
          g.members.map((i) => ctx.xCol[i]),
          -1,
        ),
      ],
      0,
      0,
    );
    ctx.groups.push({ ...g, nCol });
  }
}

/** Exactly one start per person and break: Σ_t y[g,j,t] = n[g] for every group and break. */
export function addBreakRows(ctx: BuildContext): void {
  const { b } = ctx;
  ctx.groups.forEach((g, gi) => {
    g.shift.breaks.forEach((brk, j) => {
      const cols = brk.starts.map((start, m) => {
        const col = b.addColumn(`y_${g.key}_${j}_${m}`, 'continuous', 0, 0, g.members.length);
        ctx.breakCols.push({ group: gi, breakIndex: j, start, col });
        return col;
      });
      b.addRow(`brk_${g.key}_${j}`, [...sumTerms(cols), [g.nCol, -1]], 0, 0);
    });
  });
}

/**
 * Coverage per interval and skill: Σ fraction·n[g] − Σ breakShare·y + under − over =
 * requirement. `under` costs `penalties.underCover` and `over` `penalties.overCover` per
 * agent-hour. Without `addBreakRows` (no y columns) the coverage is gross.
 */
export function addCoverageRows(ctx: BuildContext): void {
  const { problem, b } = ctx;
  const size = problem.intervalMinutes;
  const hours = size / 60;
  const clock = problemClock(problem);
  const perSkill = new Map<string, Map<number, Map<number, number>>>();
  const add = (skill: string, interval: number, col: number, value: number): void => {
    const rows = perSkill.get(skill) ?? new Map<number, Map<number, number>>();
    const terms = rows.get(interval) ?? new Map<number, number>();
    terms.set(col, (terms.get(col) ?? 0) + value);
    rows.set(interval, terms);
    perSkill.set(skill, rows);
  };
  for (const g of ctx.groups) {
    for (const { interval, fraction } of g.shift.coverage) add(g.skill, interval, g.nCol, fraction);
  }
  for (const y of ctx.breakCols) {
    const g = ctx.groups[y.group];
    const duration = g.shift.breaks[y.breakIndex].durationMinutes;
    for (const { interval, fraction } of spanCoverage(clock, y.start, y.start + duration, size))
      add(g.skill, interval, y.col, -fraction);
  }
  problem.requirements.forEach((req, k) => {
    const rows = perSkill.get(req.skill) ?? new Map<number, Map<number, number>>();
    req.values.forEach((value, i) => {
      const terms = rows.get(i);
      if (!terms && value <= 0) return;
      const under = b.addColumn(`u_${k}_${i}`, 'continuous', problem.options.penalties.underCover * hours);
      const over = b.addColumn(`o_${k}_${i}`, 'continuous', problem.options.penalties.overCover * hours);
      b.addRow(`cov_${k}_${i}`, [...(terms ?? []), [under, 1], [over, -1]], value, value);
    });
  });
}
