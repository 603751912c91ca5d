/**
 * Ranker benchmark on the 300-staff instance: 26 weeks of seeded synthetic published
 * history (each person on about `maxDaysWeek` random days and templates), then
 *   - feature rows for the 26 weeks, training (temporal split, newest 4 validate) and
 *     scoring one week, timed;
 *   - the solve with the learned rewards against the same solve without them, in the same run.
 *
 *   npm run bench:ranker -- [staff=300] [weeks=26]     (time limit via ROSTER_TIME_LIMIT, default 60 s)
 */
import { performance } from 'node:perf_hooks';
import { printTable, ratio } from './harness';
import { generateRosterInstance, seededRandom } from './roster-instances';
import { addDays } from '../src/common/calendar';
import { historyWeek, type RankerWeek, weekCandidates, weekRows } from '../src/ranking/ranker-dataset.core';
import { decideRewards } from '../src/ranking/ranker-rewards.core';
import { predictForest, trainRanker } from '../src/ranking/ranker.core';
import type { LabelledShift } from '../src/ranking/ranking-label.core';
import { parseRosterProblem } from '../src/rostering/roster-problem.validation';
import type { RosterProblem } from '../src/rostering/roster-problem-schema';
import { solveRoster } from '../src/rostering/roster-solver';

const staffCount = Number(process.argv[2] ?? 300);
const weekCount = Number(process.argv[3] ?? 26);
const timeLimit = Number(process.env.ROSTER_TIME_LIMIT ?? 60);

/** A seeded "published" roster: each person on random distinct days, one random candidate per day. */
function syntheticPublished(problem: RosterProblem, seed: number): LabelledShift[] {
  const rnd = seededRandom(seed);
  const byStaffDay = new Map<string, { template: string; skill: string }[]>();
  for (const c of weekCandidates(problem)) {
    const key = `${c.staffIndex}|${c.day}`;
    const list = byStaffDay.get(key) ?? [];
    list.push({ template: problem.shiftTemplates[c.templateIndex].id, skill: c.skill });
    byStaffDay.set(key, list);
  }
  return problem.staff.flatMap((s, i) => {
    const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => byStaffDay.has(`${i}|${d}`)).sort(() => rnd() - 0.5);
    return days.slice(0, s.maxDaysWeek).map((d) => {
      const options = byStaffDay.get(`${i}|${d}`)!;
      const pick = options[Math.floor(rnd() * options.length)];
      return {
        staffId: s.id,
        date: addDays(problem.weekStart, d),
        shiftTemplateId: pick.template,
        skill: pick.skill,
      };
    });
  });
}

async function main(): Promise<void> {
  const base = parseRosterProblem(
    generateRosterInstance({ staff: staffCount, seed: 7, timeLimitSeconds: timeLimit }),
  );
  const problems = Array.from({ length: weekCount + 1 }, (_, w) => ({
    ...base,
    weekStart: addDays(base.weekStart, 7 * (w - weekCount)),
  }));
  const published = problems.map((p, w) => syntheticPublished(p, 100 + w));
  const history = published.map((p, w) => historyWeek(problems[w], p));
  const weeks: RankerWeek[] = problems.slice(0, weekCount).map((problem, w) => ({
    problem,
    history: history.slice(Math.max(0, w - 26), w).reverse(),
    published: published[w],
  }));

  let t = performance.now();
  const trained = trainRanker(weeks, 4);
  const trainSeconds = (performance.now() - t) / 1000;
  const target = { problem: base, history: history.slice(0, weekCount).reverse() };
  t = performance.now();
  const rows = weekRows(target);
  const probabilities = predictForest(trained.forest, rows.X);
  const scoreSeconds = (performance.now() - t) / 1000;
  const decision = decideRewards({ ok: true, keys: rows.keys, probabilities }, 0.6);

  t = performance.now();
  const plain = await solveRoster(base);
  const plainSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const weighted = await solveRoster(base, { rewards: decision.rewards ?? undefined });
  const weightedSeconds = (performance.now() - t) / 1000;

  printTable(`Ranker, ${staffCount} staff × ${weekCount} weeks (${rows.X.length} candidates per week)`, [
    {
      step: 'train (features + forest, temporal split)',
      seconds: trainSeconds,
      rows: trained.metrics.trainRows,
    },
    { step: 'score one week (features + predict)', seconds: scoreSeconds, rows: rows.X.length },
  ]);
  printTable('Solve with learned rewards vs without (same run)', [
    {
      solve: 'no weights (baseline)',
      status: plain.status,
      seconds: plainSeconds,
      ratio: '1.00×',
      cost: plain.kpis?.labourCost ?? 0,
    },
    {
      solve: `weights (fallback rate ${decision.fallbackRate.toFixed(2)})`,
      status: weighted.status,
      seconds: weightedSeconds,
      ratio: ratio(weightedSeconds, plainSeconds),
      cost: weighted.kpis?.labourCost ?? 0,
    },
  ]);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
