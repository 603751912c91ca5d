/**
 * Roster MILP benchmark: seeded instances of 20…500 staff (15-minute intervals, three
 * skills), solved with HiGHS, every roster re-checked by the independent checker, plus the
 * greedy heuristic for comparison. Times are printed as ratios to the 20-staff baseline of
 * the same run and the heuristic's cost as a ratio to the MILP's.
 *
 *   npm run bench:roster -- 20 60 150 300 500     (sizes optional; time limit via ROSTER_TIME_LIMIT)
 */
import { printTable, ratio } from './harness';
import { generateRosterInstance } from './roster-instances';
import { checkRoster } from '../src/rostering/roster.checker';
import { parseRosterProblem } from '../src/rostering/roster-problem.validation';
import { solveRoster } from '../src/rostering/roster.solver';

export const DEFAULT_SIZES = [20, 60, 150, 300, 500];

export async function runRosterBench(sizes: number[] = DEFAULT_SIZES, timeLimitSeconds = 60): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  let baseline: number | null = null;
  for (const n of sizes) {
    const input = generateRosterInstance({ staff: n, seed: 42, timeLimitSeconds });
    const problem = parseRosterProblem(input);
    const milp = await solveRoster(problem);
    const heap = process.memoryUsage().rss / 2 ** 20;
    const greedy = await solveRoster(problem, { heuristicOnly: true });
    const checked = checkRoster(problem, milp.assignments).violations.length;
    const checkedGreedy = checkRoster(problem, greedy.assignments).violations.length;
    baseline ??= milp.seconds;
    const k = milp.kpis;
    rows.push({
      staff: n,
      vars: milp.model?.variables ?? 0,
      bins: milp.model?.binaries ?? 0,
      rows: milp.model?.rows ?? 0,
      status: `${milp.status}${milp.heuristic ? '*' : ''}`,
      seconds: +milp.seconds.toFixed(2),
      'time/20': ratio(milp.seconds, baseline),
      gap: milp.gap === null ? '-' : `${(100 * milp.gap).toFixed(2)}%`,
      objective: milp.objective === null ? '-' : Math.round(milp.objective),
      cover: k ? k.skills.map((s) => `${s.coveragePercent ?? '-'}`).join('/') : '-',
      underH: k ? k.skills.reduce((a, s) => a + s.underStaffedHours, 0) : '-',
      overH: k ? k.skills.reduce((a, s) => a + s.overStaffedHours, 0) : '-',
      labour: k ? Math.round(k.labourCost) : '-',
      wkndMax: k?.fairness.weekendShiftsMax ?? '-',
      prefs: k?.preferencesMetPercent ?? '-',
      violations: checked,
      greedyS: +greedy.seconds.toFixed(2),
      'greedy/milp': milp.objective && greedy.objective ? ratio(greedy.objective, milp.objective) : '-',
      greedyViol: checkedGreedy,
      rssMiB: Math.round(heap),
    });
    console.log(JSON.stringify(rows[rows.length - 1]));
  }
  printTable(`Roster MILP (HiGHS WASM, time limit ${timeLimitSeconds} s, gap 1%)`, rows);
  console.log('\ncover = coverage % per skill (calls/chat/emails); * = heuristic fallback roster');
}

if (require.main === module) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const limit = Number(process.env.ROSTER_TIME_LIMIT ?? 60);
  void runRosterBench(sizes.length > 0 ? sizes : DEFAULT_SIZES, limit);
}
