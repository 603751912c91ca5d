/**
 * Roster MILP benchmark: seeded instances of 20…500 staff (15-minute intervals, three
 * skills, one 30-minute break per 8.5-hour shift that may move an hour either side of
 * mid-shift), solved with HiGHS from the greedy roster as a MIP start, every roster
 * re-checked by the independent checker. Times are printed as ratios to the 20-staff
 * baseline of the same run; the greedy roster's cost as a ratio to the proven optimum
 * (or to HiGHS' best when not proven).
 *
 * A second table solves the 300-staff instance three ways — breaks fixed at mid-shift (no
 * placement: the model of old), placed in their windows, and two breaks per shift — to show
 * what break placement costs in time.
 *
 *   npm run bench:roster -- 20 60 150 300 500     (sizes optional; time limit via ROSTER_TIME_LIMIT)
 *   ROSTER_BREAKS_ONLY=1 npm run bench:roster      (only the break comparison)
 */
import { printTable, ratio } from './harness';
import { generateRosterInstance, type InstanceOptions } from './roster-instances';
import { checkRoster } from '../src/rostering/roster.validation';
import { parseRosterProblem } from '../src/rostering/roster-problem.validation';
import { solveRoster } from '../src/rostering/roster-solver';
import type { RosterResult } from '../src/rostering/roster.types';

export const DEFAULT_SIZES = [20, 60, 150, 300, 500];

const pct = (v: number | null): string => (v === null ? '-' : `${(100 * v).toFixed(2)}%`);

async function solve(
  options: InstanceOptions,
): Promise<{ r: RosterResult; violations: number; rss: number }> {
  const problem = parseRosterProblem(generateRosterInstance(options));
  const r = await solveRoster(problem);
  return {
    r,
    violations: checkRoster(problem, r.assignments).violations.length,
    rss: process.memoryUsage().rss / 2 ** 20,
  };
}

/** A row for the table: seconds with two decimals (printTable writes a whole 1.00 as "1"); the JSON lines keep the number. */
const secondsFixed = (row: Record<string, string | number>): Record<string, string | number> => ({
  ...row,
  seconds: Number(row.seconds).toFixed(2),
});

export async function runRosterBench(sizes: number[] = DEFAULT_SIZES, timeLimitSeconds = 60): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  let baseline: number | null = null;
  for (const n of sizes) {
    const { r, violations, rss } = await solve({ staff: n, seed: 42, timeLimitSeconds });
    baseline ??= r.seconds;
    const k = r.kpis;
    const best = r.status === 'OPTIMAL' ? r.objective : (r.milpObjective ?? r.objective);
    rows.push({
      staff: n,
      vars: r.model?.variables ?? 0,
      bins: r.model?.binaries ?? 0,
      rows: r.model?.rows ?? 0,
      status: r.status,
      source: r.source ?? '-',
      seconds: +r.seconds.toFixed(2),
      'time/20': ratio(r.seconds, baseline),
      gap: pct(r.gap),
      objective: r.objective === null ? '-' : Math.round(r.objective),
      'greedy/opt': best && r.greedyObjective ? ratio(r.greedyObjective, best) : '-',
      cover: k ? k.skills.map((s) => `${s.coveragePercent ?? '-'}`).join('/') : '-',
      underH: k ? k.skills.reduce((a, s) => a + s.underStaffedHours, 0) : '-',
      labour: k ? Math.round(k.labourCost) : '-',
      violations,
      rssMiB: Math.round(rss),
    });
    console.log(JSON.stringify({ ...rows[rows.length - 1], timing: r.timing }));
  }
  printTable(
    `Roster MILP (HiGHS WASM, time limit ${timeLimitSeconds} s, gap 1%, greedy MIP start)`,
    rows.map(secondsFixed),
  );
  console.log(
    '\ncover = coverage % per skill (calls/chat/emails); greedy/opt = greedy objective ÷ optimum (HiGHS best when not proven)',
  );
}

export async function runBreakComparison(staff = 300, timeLimitSeconds = 60): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  let fixed: number | null = null;
  for (const breaks of ['fixed', 'window', 'two'] as const) {
    const { r, violations } = await solve({ staff, seed: 42, timeLimitSeconds, breaks });
    fixed ??= r.seconds;
    rows.push({
      breaks,
      breakCols: r.model?.breakColumns ?? '-',
      status: r.status,
      source: r.source ?? '-',
      seconds: +r.seconds.toFixed(2),
      'time/fixed': ratio(r.seconds, fixed),
      gap: pct(r.gap),
      objective: r.objective === null ? '-' : Math.round(r.objective),
      'greedy/opt': r.objective && r.greedyObjective ? ratio(r.greedyObjective, r.objective) : '-',
      underH: r.kpis ? r.kpis.skills.reduce((a, s) => a + s.underStaffedHours, 0) : '-',
      violations,
    });
    console.log(JSON.stringify(rows[rows.length - 1]));
  }
  printTable(
    `Break placement, ${staff} staff (time limit ${timeLimitSeconds} s, gap 1%)`,
    rows.map(secondsFixed),
  );
  console.log(
    '\nfixed = break pinned at mid-shift (no choice); window = one 30-min break within ±1 h of mid-shift; two = paid 15 min + unpaid 30 min in windows. breakCols = break-start count columns',
  );
}

if (require.main === module) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const limit = Number(process.env.ROSTER_TIME_LIMIT ?? 60);
  void (async () => {
    if (process.env.ROSTER_BREAKS_ONLY !== '1')
      await runRosterBench(sizes.length > 0 ? sizes : DEFAULT_SIZES, limit);
    await runBreakComparison(300, limit);
  })();
}
