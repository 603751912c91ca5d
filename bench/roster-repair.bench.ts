/**
 * Repair benchmark: the 300-staff instance is solved and "published"; five seeded random
 * absences (a rostered person, a whole day of leave) then break it. The repair (unaffected
 * assignments fixed, only the conflicted days free) is timed against a full re-solve of
 * the same changed week in the same run, and both are compared with the published roster:
 * changed assignments, coverage and labour cost.
 *
 *   npm run bench:repair -- [staff=300] [absences=5]      (time limit via ROSTER_TIME_LIMIT, default 60 s)
 */
import { daysBetween } from '../src/common/calendar';
import { performance } from 'node:perf_hooks';
import { printTable, ratio } from './harness';
import { generateRosterInstance, seededRandom } from './roster-instances';
import { findConflicts, WEEK_RULES } from '../src/rostering/roster-conflicts.core';
import { parseRosterProblem } from '../src/rostering/roster-problem.validation';
import type { RosterProblem } from '../src/rostering/roster-problem-schema';
import { solveRepair } from '../src/rostering/roster-repair-solver';
import { figures, rosterChanges } from '../src/rostering/roster-repair.service';
import { rosterKpis } from '../src/rostering/roster-kpi';
import { solveRoster } from '../src/rostering/roster-solver';
import type { RosterAssignment } from '../src/rostering/roster.types';

/** The week after `count` seeded absences on rostered days (minimum hours credited per day, as the builder does). */
export function withAbsences(
  problem: RosterProblem,
  published: RosterAssignment[],
  count: number,
  seed: number,
): { problem: RosterProblem; absences: RosterAssignment[] } {
  const rnd = seededRandom(seed);
  const pool = [...published];
  const absences: RosterAssignment[] = [];
  while (absences.length < count && pool.length > 0) {
    const [a] = pool.splice(Math.floor(rnd() * pool.length), 1);
    if (!absences.some((x) => x.staffId === a.staffId)) absences.push(a);
  }
  const staff = problem.staff.map((s) => {
    const off = absences.filter((a) => a.staffId === s.id).map((a) => a.date);
    if (off.length === 0) return s;
    const perDay = s.maxDaysWeek > 0 ? s.minHoursWeek / s.maxDaysWeek : 0;
    return {
      ...s,
      unavailableDates: [...(s.unavailableDates ?? []), ...off],
      minHoursWeek: Math.max(0, Math.round((s.minHoursWeek - off.length * perDay) * 100) / 100),
    };
  });
  return { problem: parseRosterProblem({ ...problem, staff }), absences };
}

export async function runRepairBench(size = 300, count = 5, timeLimitSeconds = 60): Promise<void> {
  const problem = parseRosterProblem(generateRosterInstance({ staff: size, seed: 42, timeLimitSeconds }));
  const plan = await solveRoster(problem);
  if (plan.status !== 'OPTIMAL' && plan.status !== 'FEASIBLE')
    throw new Error(`publish solve: ${plan.status}`);
  const published = plan.assignments;
  const { problem: changed, absences } = withAbsences(problem, published, count, 7);
  const ids = absences.map((a) => a.staffId);
  const conflicts = findConflicts(changed, published, ids);

  const t0 = performance.now();
  const repair = await solveRepair({
    problem: changed,
    published,
    freeDays: [...new Set(conflicts.map((c) => daysBetween(changed.weekStart, c.assignment.date)))],
    freeStaff: [...new Set(conflicts.filter((c) => WEEK_RULES.has(c.rule)).map((c) => c.assignment.staffId))],
    conflictStaff: [...new Set(conflicts.map((c) => c.assignment.staffId))],
    timeLimitSeconds,
    relativeGap: 0.01,
  });
  const repairSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const full = await solveRoster(changed);
  const fullSeconds = (performance.now() - t1) / 1000;

  const before = figures(rosterKpis(problem, published));
  const row = (name: string, seconds: number, r: typeof full): Record<string, string | number> => {
    const c = rosterChanges(published, r.assignments);
    const f = figures(rosterKpis(changed, r.assignments));
    return {
      method: name,
      status: r.status,
      seconds: +seconds.toFixed(2),
      'time/full': ratio(seconds, fullSeconds),
      changed: c.added + c.removed,
      added: c.added,
      removed: c.removed,
      people: c.staff,
      coverage: f.coveragePercent ?? '-',
      underH: f.underStaffedHours,
      labour: Math.round(f.labourCost),
    };
  };
  const rows = [row('repair', repairSeconds, repair.result), row('full re-solve', fullSeconds, full)];
  printTable(
    `Roster repair, ${size} staff, ${absences.length} absences (${conflicts.length} conflicts on ${new Set(absences.map((a) => a.date)).size} days), time limit ${timeLimitSeconds} s`,
    rows,
  );
  console.log(
    `\npublished: ${published.length} assignments, coverage ${before.coveragePercent} %, labour ${Math.round(before.labourCost)}; published solve ${plan.seconds.toFixed(2)} s (${plan.status}); repair widened: ${repair.widened}`,
  );
  for (const r of rows) console.log(JSON.stringify(r));
}

if (require.main === module) {
  const [size, count] = process.argv.slice(2).map(Number);
  const limit = Number(process.env.ROSTER_TIME_LIMIT ?? 60);
  void runRepairBench(size > 0 ? size : 300, count > 0 ? count : 5, limit);
}
