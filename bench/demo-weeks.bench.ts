/**
 * Can every week of the demo seed be planned? For each anchor Monday from `from` to `to`
 * (the seed's anchor is the week it runs in), builds the eight weeks the seed places leave
 * in, with the seed's holidays closed, and checks every contract minimum against the shifts
 * the person can work (bench/demo-weeks.ts). With `solve=YYYY-MM-DD` it also solves that
 * anchor's eight weeks with the greedy roster (every one the checker passes is a roster
 * that meets every hard rule, the minimums included).
 *
 *   npm run bench:demo-weeks -- [from=2025-12-01] [to=2027-12-27] [solve=2027-03-22]
 *
 * Exit 1 when a week cannot be planned.
 */
import { performance } from 'node:perf_hooks';
import { addDays, mondayOf } from '../src/common/calendar';
import { solveRoster } from '../src/rostering/roster-solver';
import { demoSeedWeeks, demoWeekIssues } from './demo-weeks';

function arg(name: string, fallback: string): string {
  const hit = process.argv.slice(2).find((a) => a.startsWith(`${name}=`));
  return hit ? hit.slice(name.length + 1) : fallback;
}

async function main(): Promise<number> {
  const from = mondayOf(arg('from', '2025-12-01'));
  const to = arg('to', '2027-12-27');
  const solve = arg('solve', '');
  const started = performance.now();
  let weeks = 0;
  const failed: string[] = [];
  for (let anchor = from; anchor <= to; anchor = addDays(anchor, 7)) {
    for (const { week, built } of demoSeedWeeks(anchor)) {
      weeks++;
      for (const issue of demoWeekIssues(built))
        failed.push(`anchor ${anchor}, week ${week}: ${issue.reason}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${weeks} (anchor, week) pairs checked in ${seconds.toFixed(1)} s: ${failed.length} issues`);
  for (const f of failed) console.log(`  ${f}`);
  if (solve) {
    for (const { week, built } of demoSeedWeeks(mondayOf(solve))) {
      const t = performance.now();
      const r = await solveRoster(built.problem, { heuristicOnly: true });
      const ms = Math.round(performance.now() - t);
      console.log(
        `  solve ${week}: ${r.status} (${r.assignments.length} shifts, ${ms} ms)${r.message ? ` ${r.message}` : ''}`,
      );
      if (r.status === 'INFEASIBLE' || r.status === 'ERROR') failed.push(`${week}: ${r.status}`);
    }
  }
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
