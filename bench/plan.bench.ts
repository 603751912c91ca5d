/**
 * `npm run bench:plan`: the demo site through 4 consecutive weeks (forecast → staffing →
 * roster), each scored against simulated ACTUAL arrivals (the demo generator with another
 * seed), next to a baseline roster built in the same run.
 *
 * - New: `planWeek` (active models with lead-time intervals, 24/7 deferred arrivals, pooled
 *   workload LP per skill with carry-in from the previous week's stored plan), MEAN basis.
 * - Baseline: seasonal naive forecast (the previous week's actuals), per-channel rounding
 *   (Erlang per interval; deferred work spread evenly over its response window, the old
 *   closed form of deferred-workload.core.ts), no carry-over between weeks.
 *
 * Scores per week: LIVE achieved service level (Erlang C per 15-minute interval with the
 * actual volume and the rostered agents after shrinkage, volume-weighted); DEFERRED share of
 * the work due in the week done within its response time (EDF over the rostered skill's
 * productive hours); rostered staff hours. For the first week it also prints what staffing
 * for the 80 % / 95 % upper quantile (basis HI80 / HI95) costs against MEAN, per skill.
 */
import 'reflect-metadata';
import { DEMO_SEED, generateHistory, historyToCsv } from '../seeds/history.generator';
import { addDays, todayIn } from '../src/common/calendar';
import type { ChannelDoc } from '../src/channels/channel.doc';
import { loadConfig } from '../src/config';
import { createEventBus } from '../src/events/pubsub';
import { createLogger } from '../src/logger';
import type { RosterAssignment } from '../src/rostering/roster.types';
import { seedDemo } from '../src/seed/demo-seed';
import { createServices, ensureIndexes, type Services } from '../src/server/services';
import { erlangCMetrics } from '../src/staffing/erlang-c.core';
import { channelStaffing } from '../src/staffing/staffing-plan.core';
import { openSlots, weekFrame } from '../src/staffing/week-slots';
import { simulateEdf } from '../src/staffing/workload-flow.core';
import { EmbeddedStore } from '../src/store/embedded-store';
import { printTable } from './harness';

const WEEKS = 4;
const TZ = 'Europe/London';
const STEP = 15;
const SLOTS = (7 * 24 * 60) / STEP;
const TIME_LIMIT = Number(process.env.BENCH_PLAN_TIME_LIMIT ?? 20);

type Actuals = Map<string, number[]>; // channel → actual arrivals per 15-minute slot of the week

/** Actual arrivals of a week per channel on the 15-minute wall-clock grid (hourly counts split). */
function actualsOf(
  rows: { timestamp: string; channel: string; value: number }[],
  week: string,
  channels: ChannelDoc[],
): Actuals {
  const frame = weekFrame(week, STEP, TZ);
  const index = new Map<number, number>();
  frame.slots.forEach((s) => s.instants.forEach((t) => index.set(t, s.index)));
  const out: Actuals = new Map(channels.map((c) => [c.key, new Array<number>(SLOTS).fill(0)]));
  for (const r of rows) {
    const t = Date.parse(r.timestamp);
    const c = channels.find((x) => x.key === r.channel)!;
    const parts = c.intervalMinutes / STEP;
    for (let p = 0; p < parts; p++) {
      const slot = index.get(t + p * STEP * 60_000);
      if (slot !== undefined) out.get(r.channel)![slot]! += r.value / parts;
    }
  }
  return out;
}

/** Agents present per skill and 15-minute slot from roster assignments. */
function presence(assignments: RosterAssignment[], week: string): Map<string, number[]> {
  const frame = weekFrame(week, STEP, TZ);
  const byLocal = new Map(frame.slots.map((s) => [s.localTime.slice(0, 16), s.index]));
  const out = new Map<string, number[]>();
  for (const a of assignments) {
    const list = out.get(a.skill) ?? new Array<number>(SLOTS).fill(0);
    out.set(a.skill, list);
    for (let t = Date.parse(`${a.start}Z`); t < Date.parse(`${a.end}Z`); t += STEP * 60_000) {
      const slot = byLocal.get(new Date(t).toISOString().slice(0, 16));
      if (slot !== undefined) list[slot]! += 1;
    }
  }
  return out;
}

/** Service level and deadlines met by a roster's agents against the actuals; `closed`: the site's CLOSED days, as the plan has them. */
function score(
  channels: ChannelDoc[],
  actual: Actuals,
  agents: Map<string, number[]>,
  week: string,
  closed: ReadonlySet<string>,
) {
  const frame = weekFrame(week, STEP, TZ);
  let slAnswered = 0;
  let offered = 0;
  for (const c of channels.filter((x) => x.kind === 'LIVE')) {
    const open = openSlots(frame, c.openingHours, closed);
    const present = agents.get(c.requiredSkill) ?? [];
    actual.get(c.key)!.forEach((v, i) => {
      if (!open[i] || v <= 0) return;
      const traffic = (v * c.ahtSeconds) / (STEP * 60);
      const n = Math.floor((present[i] ?? 0) * (1 - c.shrinkage));
      const sl =
        n > traffic
          ? erlangCMetrics({
              trafficErlangs: traffic,
              agents: n,
              ahtSeconds: c.ahtSeconds,
              answerSeconds: c.serviceLevel.answerSeconds,
            }).serviceLevel
          : 0;
      slAnswered += sl * v;
      offered += v;
    });
  }
  const deferred: Record<string, number> = {};
  const bySkill = new Map<string, ChannelDoc[]>();
  for (const c of channels.filter((x) => x.kind === 'DEFERRED'))
    bySkill.set(c.requiredSkill, [...(bySkill.get(c.requiredSkill) ?? []), c]);
  for (const [skill, list] of bySkill) {
    const present = agents.get(skill) ?? new Array<number>(SLOTS).fill(0);
    const shrink = Math.max(...list.map((c) => c.shrinkage));
    const sim = simulateEdf(
      present.map((n) => (n * (1 - shrink) * STEP) / 60),
      STEP,
      list.map((c) => ({
        arrivals: actual.get(c.key)!.map((v) => (v * c.ahtSeconds) / 3600),
        open: openSlots(frame, c.openingHours, closed),
        responseHours: c.responseHours ?? 0,
        maxOccupancy: c.maxOccupancy,
      })),
    );
    const due = sim.dueHours.reduce((a, b) => a + b, 0);
    deferred[skill] = sim.dueHours.reduce((a, d, k) => a + d * sim.onTimeShare[k]!, 0) / Math.max(due, 1e-9);
  }
  return { liveSl: offered > 0 ? slAnswered / offered : 1, deferred };
}

async function main(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_PASSWORD: 'bench-password-0001',
    WORKER_THREADS: '1',
  });
  const store = await EmbeddedStore.open();
  await ensureIndexes(store);
  const s: Services = createServices({
    config,
    logger: createLogger(config),
    store,
    events: createEventBus(),
  });
  const report = await seedDemo(s, { anchorDate: todayIn(TZ) });
  const anchor = report.anchorDate;
  const channels = (await s.channels.listAll({ active: true })).sort((a, b) => a.key.localeCompare(b.key));
  const rows = generateHistory({
    end: addDays(anchor, 7 * (WEEKS + 1) - 1),
    weeks: 52 + WEEKS + 1,
    seed: DEMO_SEED + 1,
  });
  const weekRows = (w: string) =>
    rows.filter((r) => r.timestamp.slice(0, 10) >= w && r.timestamp.slice(0, 10) < addDays(w, 7));
  const manager = (await s.users.findByUsername('manager'))!;
  const viewer = { userId: manager._id, username: 'manager', roles: manager.roles, staffId: null };
  // plans start next week (as a planner would); seasonal naive starts from this week's actuals
  let previous: Actuals = actualsOf(weekRows(anchor), anchor, channels);
  const table: Record<string, string | number>[] = [];
  const bases: Record<string, string | number>[] = [];
  for (let w = 0; w < WEEKS; w++) {
    const week = addDays(anchor, 7 * (w + 1));
    // the week before has happened: its actuals are history for both methods
    await s.volumes.importCsv(historyToCsv(weekRows(addDays(week, -7))), 'actuals.csv');
    const actual = actualsOf(weekRows(week), week, channels);
    // new pipeline
    const job = await s.planWeek.planWeek(week, { timeLimitSeconds: TIME_LIMIT, basis: 'MEAN' }, viewer);
    const done = await s.rosterJobs.settled(job._id);
    if (!done.rosterId) throw new Error(`planWeek ${week} failed: ${done.error}`);
    const roster = await s.rosters.require(done.rosterId!);
    const closed = new Set(await s.holidays.closedInWeek(week));
    const planned = score(channels, actual, presence(roster.assignments, week), week, closed);
    if (w === 0) bases.push(...(await basisCost(s, week)));
    if (process.env.BENCH_PLAN_DEBUG)
      console.error(
        week,
        [...actual].map(([k, v]) => `${k}=${Math.round(v.reduce((a, b) => a + b, 0))}`).join(' '),
        [...presence(roster.assignments, week)]
          .map(([k, v]) => `${k}=${v.reduce((a, b) => a + b, 0) / 4}h`)
          .join(' '),
      );
    // baseline: seasonal naive, per-channel rounding, no carry-over
    const frame = weekFrame(week, STEP, TZ);
    const req = new Map<string, number[]>();
    for (const c of channels) {
      const open = openSlots(frame, c.openingHours);
      const volumes = previous.get(c.key)!;
      const plan = channelStaffing(
        {
          key: c.key,
          kind: c.kind,
          intervalMinutes: STEP,
          ahtSeconds: c.ahtSeconds,
          serviceLevel: c.serviceLevel,
          maxOccupancy: c.maxOccupancy,
          shrinkage: c.shrinkage,
          responseHours: c.responseHours ?? undefined,
          open,
        },
        volumes,
      );
      const sum = req.get(c.requiredSkill) ?? new Array<number>(SLOTS).fill(0);
      plan.rows.forEach((r, i) => (sum[i]! += r.scheduledAgents));
      req.set(c.requiredSkill, sum);
    }
    const baseJob = await s.rosterJobs.generate(
      week,
      {
        timeLimitSeconds: TIME_LIMIT,
        requirement: {
          intervalMinutes: STEP,
          requirements: [...req].map(([skill, values]) => ({ skill, values })),
        },
      },
      viewer,
    );
    const baseDone = await s.rosterJobs.settled(baseJob._id);
    const baseRoster = await s.rosters.require(baseDone.rosterId!);
    const base = score(channels, actual, presence(baseRoster.assignments, week), week, closed);
    const hours = (r: typeof roster) => r.kpis.staff.reduce((a, k) => a + k.paidHours, 0);
    const line = (name: string, sc: typeof planned, h: number) => ({
      week,
      method: name,
      'calls SL (target 80 %)': `${(100 * sc.liveSl).toFixed(1)} %`,
      'emails on time': `${(100 * (sc.deferred.emails ?? 1)).toFixed(1)} %`,
      'outbound on time': `${(100 * (sc.deferred.outbound ?? 1)).toFixed(1)} %`,
      'paid staff hours': Math.round(h),
    });
    table.push(line('planWeek (new)', planned, hours(roster)), line('baseline', base, hours(baseRoster)));
    previous = actual;
  }
  printTable(
    `Plan quality over ${WEEKS} demo weeks from ${anchor} (contended 2-core machine; roster limit ${TIME_LIMIT} s)`,
    table,
  );
  printTable(
    `What staffing for an upper quantile costs: requirement staff hours, week ${addDays(anchor, 7)}`,
    bases,
  );
  await s.workers.close();
  await store.close();
}

/** The week's requirement per skill for MEAN, HI80 and HI95 (staff hours), and HI80 / HI95 against MEAN. */
async function basisCost(s: Services, week: string): Promise<Record<string, string | number>[]> {
  const plans = {
    MEAN: await s.staffing.skillPlan(week, 'MEAN'),
    HI80: await s.staffing.skillPlan(week, 'HI80'),
    HI95: await s.staffing.skillPlan(week, 'HI95'),
  };
  const skills = [...plans.MEAN.skills.map((k) => k.skill), 'all'];
  const hoursOf = (plan: (typeof plans)['MEAN'], skill: string): number =>
    skill === 'all' ? plan.totalStaffHours : (plan.skills.find((k) => k.skill === skill)?.staffHours ?? 0);
  // FTE per staff hour (the full-time week the service was configured with)
  const fte = plans.MEAN.totalFte / plans.MEAN.totalStaffHours;
  return skills.map((skill) => {
    const [mean, hi80, hi95] = [plans.MEAN, plans.HI80, plans.HI95].map((p) => hoursOf(p, skill)) as [
      number,
      number,
      number,
    ];
    const pct = (x: number) => `${x >= mean ? '+' : ''}${((100 * (x - mean)) / mean).toFixed(0)} %`;
    return {
      skill,
      'MEAN h (FTE)': `${Math.round(mean)} (${(mean * fte).toFixed(1)})`,
      'HI80 h (FTE)': `${Math.round(hi80)} (${(hi80 * fte).toFixed(1)})`,
      'HI80 vs MEAN': pct(hi80),
      'HI95 h': Math.round(hi95),
      'HI95 vs MEAN': pct(hi95),
    };
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
