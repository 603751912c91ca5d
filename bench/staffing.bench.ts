/**
 * Required-agent throughput: the staffing core's incremental search against a naive
 * baseline measured in the same run.
 *
 * Workload: 100,000 half-hour intervals of seeded, realistic contact-centre volumes
 * (intraday double peak × weekday factor × noise, AHT 150–420 s; 0 to ~110 Erlangs),
 * target 80 % in 20 s. Baseline: linear search from the smallest N > A, recomputing
 * Erlang B from zero by the recursion at every N. Both must return the same agents.
 *
 * Run: npm run bench:staffing (node dist/bench/staffing.bench.js).
 */
import { printTable, ratio, time } from './harness';
import { requiredAgents } from '../src/staffing/required-agents.core';
import { mulberry32 } from '../src/common/random';

const INTERVALS = 100_000;
const INTERVAL_SECONDS = 1800;
const TARGET = 0.8;
const ANSWER_SECONDS = 20;
const PATIENCE_SECONDS = 120;

const prng = mulberry32;

interface Interval {
  trafficErlangs: number;
  ahtSeconds: number;
}

/** Seeded intervals: morning and afternoon peaks, quieter weekends, ±20 % noise. */
export function makeIntervals(count = INTERVALS, seed = 42): Interval[] {
  const random = prng(seed);
  const out: Interval[] = [];
  for (let i = 0; i < count; i++) {
    const slot = i % 48;
    const day = Math.floor(i / 48) % 7;
    const hour = slot / 2;
    const profile = Math.exp(-((hour - 10.5) ** 2) / 4) + 0.8 * Math.exp(-((hour - 15) ** 2) / 5) + 0.03;
    const dayFactor = day >= 5 ? 0.45 : 1 - 0.05 * day;
    const volume = Math.round(650 * profile * dayFactor * (0.8 + 0.4 * random()));
    const ahtSeconds = 150 + Math.floor(random() * 270);
    out.push({ trafficErlangs: (volume * ahtSeconds) / INTERVAL_SECONDS, ahtSeconds });
  }
  return out;
}

/** The naive method: for each N > A, Erlang B from zero, then Erlang C and SL. */
export function naiveRequiredAgents(a: number, ahtSeconds: number): number {
  if (a === 0) return 0;
  for (let n = Math.floor(a) + 1; ; n++) {
    let b = 1;
    for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
    const c = (n * b) / (n - a * (1 - b));
    if (1 - c * Math.exp((-(n - a) * ANSWER_SECONDS) / ahtSeconds) >= TARGET) return n;
  }
}

function core(intervals: readonly Interval[], patienceSeconds?: number): number {
  let sum = 0;
  for (const iv of intervals) {
    sum += requiredAgents({
      trafficErlangs: iv.trafficErlangs,
      ahtSeconds: iv.ahtSeconds,
      serviceLevel: { target: TARGET, answerSeconds: ANSWER_SECONDS },
      patienceSeconds,
    }).rawAgents;
  }
  return sum;
}

function naive(intervals: readonly Interval[]): number {
  let sum = 0;
  for (const iv of intervals) sum += naiveRequiredAgents(iv.trafficErlangs, iv.ahtSeconds);
  return sum;
}

export async function runStaffingBench(): Promise<void> {
  const intervals = makeIntervals();
  const mismatches = intervals.filter(
    (iv) =>
      requiredAgents({
        trafficErlangs: iv.trafficErlangs,
        ahtSeconds: iv.ahtSeconds,
        serviceLevel: { target: TARGET, answerSeconds: ANSWER_SECONDS },
      }).rawAgents !== naiveRequiredAgents(iv.trafficErlangs, iv.ahtSeconds),
  ).length;
  const maxTraffic = intervals.reduce((m, iv) => Math.max(m, iv.trafficErlangs), 0);

  const baseline = await time('naive: B from zero at every N', () => naive(intervals), 3, 1);
  const fast = await time('core: incremental Erlang C', () => core(intervals), 5, 1);
  const erlangA = await time(
    'core: incremental Erlang A (patience 120 s)',
    () => core(intervals, PATIENCE_SECONDS),
    3,
    1,
  );

  const perSecond = (ms: number): number => Math.round((intervals.length / ms) * 1000);
  printTable(
    `Required agents, ${intervals.length.toLocaleString('en')} intervals (max ${maxTraffic.toFixed(1)} Erlangs), 80 % in 20 s`,
    [baseline, fast, erlangA].map((t) => ({
      method: t.name,
      'median ms': t.ms,
      runs: t.runs,
      'intervals / s': perSecond(t.ms),
      'vs naive': ratio(baseline.ms, t.ms),
    })),
  );
  console.log(`\nErlang C answers differing from the naive search: ${mismatches}`);
}

if (require.main === module) {
  runStaffingBench().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
