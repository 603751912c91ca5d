/**
 * Plan versus actual: how the published roster would have served the volumes that really
 * arrived. Pure: arrays in, a typed result out; the queueing figures come from the caller's
 * `evaluate` (the staffing feature's Erlang C / A calculator), never from a copy here.
 *
 * Per interval, channels are pooled by (skill, kind). Agents are the roster's coverage net
 * of breaks; productive agents are that × (1 − shrinkage). LIVE: Erlang C (A with a
 * patience) at floor(productive) agents with the actual arrivals (AHT weighted by
 * arrivals); the target is met when the service level reaches it. DEFERRED: the agents
 * LIVE traffic leaves idle serve a fluid backlog, first in first out (earliest deadline
 * first): capacity = idle agents × interval × maxOccupancy; work of interval i is due at
 * the end of the K-th OPEN interval at or after i, K = max(1, floor(responseHours × 60 /
 * intervalMinutes)): the staffing plan's own rule (see fluid-backlog.core.ts). The week
 * starts with the backlog the plan carried in (`carryIn`), not empty. This small simulation
 * is ours; it is not the staffing plan's LP.
 *
 * The grid is wall clock, like the roster's. Where the clocks change, `passes` says how many
 * real intervals a slot stands for: the repeated autumn hour holds both passes' arrivals and
 * the same agents work it twice (LIVE is judged per pass, DEFERRED gets twice the capacity);
 * the skipped spring hour has neither arrivals nor capacity.
 */
import { badInput } from '../errors';
import { at } from '../common/indexed';
import { fluidBacklog, type FluidBacklogInput } from './fluid-backlog.core';
import { responseSlots } from '../staffing/workload-flow.core';
import type {
  ChannelKindName,
  OutcomeChannel,
  OutcomeInput,
  OutcomeInterval,
  OutcomeTotals,
  QueueEvaluate,
  RosterOutcomeResult,
} from './roster-outcome.types';
import { sum } from '../common/sum';

export type * from './roster-outcome.types';

const round = (v: number, digits = 6): number => Number(v.toFixed(digits));

function assertChannel(c: OutcomeChannel): void {
  const bad = (field: string, value: number, rule: string): never => {
    throw badInput(`${c.key}.${field} must be ${rule}, got ${value}`, [
      { field, message: `must be ${rule}` },
    ]);
  };
  if (!(c.ahtSeconds > 0)) bad('ahtSeconds', c.ahtSeconds, '> 0');
  if (!(c.shrinkage >= 0 && c.shrinkage < 1)) bad('shrinkage', c.shrinkage, 'in [0, 1)');
  if (!(c.maxOccupancy > 0 && c.maxOccupancy <= 1)) bad('maxOccupancy', c.maxOccupancy, 'in (0, 1]');
}

interface Group {
  skill: string;
  kind: ChannelKindName;
  channels: [OutcomeChannel, ...OutcomeChannel[]];
}

function groups(channels: OutcomeChannel[]): Group[] {
  const out = new Map<string, Group>();
  for (const c of [...channels].sort((a, b) => a.key.localeCompare(b.key))) {
    assertChannel(c);
    const key = `${c.skill}|${c.kind}`;
    const g = out.get(key);
    if (g) g.channels.push(c);
    else out.set(key, { skill: c.skill, kind: c.kind, channels: [c] });
  }
  return [...out.values()].sort((a, b) => a.skill.localeCompare(b.skill) || a.kind.localeCompare(b.kind));
}

/** Arrivals and arrival-weighted AHT of a group in interval i; null when no channel has data. */
function pooled(g: Group, input: OutcomeInput, i: number): { arrivals: number; aht: number } | null {
  let arrivals = 0;
  let work = 0;
  let seen = false;
  for (const c of g.channels) {
    const v = input.arrivals[c.key]?.[i];
    if (v === null || v === undefined) continue;
    seen = true;
    arrivals += v;
    work += v * c.ahtSeconds;
  }
  if (!seen) return null;
  return { arrivals, aht: arrivals > 0 ? work / arrivals : g.channels[0].ahtSeconds };
}

/** The week's interval grid: sizes, dates and which days are reported. */
interface Week {
  input: OutcomeInput;
  size: number;
  perDay: number;
  n: number;
  /** Seconds per interval. */
  seconds: number;
  /** Real intervals behind slot i: 1, or 0 / 2 where the clocks change (both passes share a row). */
  passes(i: number): number;
  reported: Set<string>;
  dateOf(i: number): string;
  startOf(i: number): string;
}

function weekOf(input: OutcomeInput): Week {
  const size = input.intervalMinutes;
  const perDay = 1440 / size;
  if (input.passes && input.passes.length !== 7 * perDay)
    throw badInput(`passes must have one entry per interval (${7 * perDay}), got ${input.passes.length}`);
  // the week's dates and the day's clock times, written once instead of once per row
  const dates = Array.from({ length: 7 }, (_, d) => {
    const t = new Date(`${input.weekStart}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + d);
    return t.toISOString().slice(0, 10);
  });
  const clocks = Array.from({ length: perDay }, (_, r) => {
    const m = r * size;
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  });
  const dateOf = (i: number): string => at(dates, Math.floor(i / perDay));
  const startOf = (i: number): string => `${dateOf(i)}T${at(clocks, i % perDay)}:00`;
  return {
    input,
    size,
    perDay,
    n: 7 * perDay,
    seconds: size * 60,
    passes: (i) => input.passes?.[i] ?? 1,
    reported: new Set(input.days),
    dateOf,
    startOf,
  };
}

/** One (skill, kind) group over the week: pooled arrivals and rostered agents per interval. */
interface GroupWeek {
  g: Group;
  lead: OutcomeChannel;
  pools: ({ arrivals: number; aht: number } | null)[];
  productive(i: number): number;
  /** The fields every row of the group has. */
  base(i: number, arrivals: number): Omit<OutcomeInterval, RowResult>;
}

type RowResult = 'serviceLevel' | 'asaSeconds' | 'abandonRate' | 'backlog' | 'deadlineMisses' | 'metTarget';

function groupWeek(week: Week, g: Group): GroupWeek {
  const lead = g.channels[0];
  const rostered = (i: number): number => week.input.rostered[g.skill]?.[i] ?? 0;
  const productive = (i: number): number => rostered(i) * (1 - lead.shrinkage);
  const base = (i: number, arrivals: number) => ({
    date: week.dateOf(i),
    start: week.startOf(i),
    skill: g.skill,
    kind: g.kind,
    channels: g.channels.map((c) => c.key),
    arrivals: round(arrivals),
    rosteredAgents: round(rostered(i)),
    productiveAgents: round(productive(i)),
  });
  const pools = Array.from({ length: week.n }, (_, i) => pooled(g, week.input, i));
  return { g, lead, pools, productive, base };
}

/** LIVE traffic per skill and interval (Erlangs), which DEFERRED work must leave to LIVE. */
function liveTrafficBySkill(week: Week, all: Group[]): Map<string, number[]> {
  const liveTraffic = new Map<string, number[]>();
  for (const g of all.filter((x) => x.kind === 'LIVE')) {
    const traffic = new Array<number>(week.n).fill(0);
    for (let i = 0; i < week.n; i++) {
      const p = pooled(g, week.input, i);
      // per pass: the repeated hour's arrivals came over two hours of the same agents
      if (p) traffic[i] = (p.arrivals * p.aht) / week.seconds / Math.max(1, week.passes(i));
    }
    liveTraffic.set(g.skill, traffic);
  }
  return liveTraffic;
}

function liveRows(week: Week, gw: GroupWeek, evaluate: QueueEvaluate): OutcomeInterval[] {
  const { lead } = gw;
  const rows: OutcomeInterval[] = [];
  gw.pools.forEach((p, i) => {
    if (!week.reported.has(week.dateOf(i)) || p === null) return;
    // the repeated autumn hour holds both passes' arrivals, each served by the same agents:
    // judge one (average) pass, as the staffing plan staffs the slot once for both
    const q =
      p.arrivals > 0
        ? evaluate({
            volume: p.arrivals / Math.max(1, week.passes(i)),
            intervalMinutes: week.size,
            ahtSeconds: p.aht,
            answerSeconds: lead.answerSeconds,
            serviceLevelTarget: lead.serviceLevelTarget,
            ...(lead.patienceSeconds !== null ? { patienceSeconds: lead.patienceSeconds } : {}),
            agents: Math.floor(gw.productive(i) + 1e-9),
          })
        : null;
    rows.push({
      ...gw.base(i, p.arrivals),
      serviceLevel: q ? round(q.serviceLevel) : null,
      asaSeconds: q && q.asaSeconds !== null ? round(q.asaSeconds) : null,
      abandonRate: q && q.abandonProbability !== null ? round(q.abandonProbability) : null,
      backlog: null,
      deadlineMisses: null,
      metTarget: q ? q.serviceLevel >= lead.serviceLevelTarget - 1e-9 : null,
    });
  });
  return rows;
}

/**
 * A DEFERRED group's opening (a slot is open when any of its channels is) and the work its
 * channels carried in, in seconds of each channel's AHT.
 */
function groupOpening(week: Week, g: Group): Pick<FluidBacklogInput, 'open' | 'carryIn'> {
  const masks = g.channels.flatMap((c) => (c.open ? [c.open] : []));
  const carryIn = g.channels.flatMap((c) =>
    (week.input.carryIn?.[c.key] ?? []).map((d) => ({
      workSeconds: d.items * c.ahtSeconds,
      dueSlot: d.dueSlot,
    })),
  );
  masks.forEach((m) => {
    if (m.length !== week.n)
      throw badInput(`open must have one entry per interval (${week.n}), got ${m.length}`);
  });
  return {
    ...(masks.length > 0 ? { open: Array.from({ length: week.n }, (_, i) => masks.some((m) => m[i])) } : {}),
    carryIn,
  };
}

/** DEFERRED: the capacity LIVE traffic of the skill leaves idle serves the backlog. */
function deferredRows(
  week: Week,
  gw: GroupWeek,
  liveTraffic: number[] | undefined,
  backlogAtEnd: Map<string, number>,
): OutcomeInterval[] {
  const { lead } = gw;
  const { openSeconds, missedSeconds } = fluidBacklog({
    workSeconds: gw.pools.map((p) => (p ? p.arrivals * p.aht : 0)),
    capacitySeconds: gw.pools.map(
      (_, i) =>
        Math.max(0, gw.productive(i) - (liveTraffic?.[i] ?? 0)) *
        week.seconds *
        week.passes(i) *
        lead.maxOccupancy,
    ),
    windowIntervals: responseSlots(lead.responseHours ?? 24, week.size),
    ...groupOpening(week, gw.g),
  });
  const rows: OutcomeInterval[] = [];
  gw.pools.forEach((p, i) => {
    const date = week.dateOf(i);
    if (!week.reported.has(date)) return;
    const backlog = at(openSeconds, i) / lead.ahtSeconds;
    const missed = at(missedSeconds, i) / lead.ahtSeconds;
    if ((i + 1) % week.perDay === 0) backlogAtEnd.set(date, (backlogAtEnd.get(date) ?? 0) + backlog);
    // a row where actuals exist, and wherever work passed its deadline on a reported day
    if (p === null && missed <= 1e-9) return;
    const arrivals = p?.arrivals ?? 0;
    rows.push({
      ...gw.base(i, arrivals),
      serviceLevel: null,
      asaSeconds: null,
      abandonRate: null,
      backlog: round(backlog),
      deadlineMisses: round(missed),
      metTarget: arrivals > 0 || missed > 0 ? missed <= 1e-9 : null,
    });
  });
  return rows;
}

/** An outcome's rows of one skill and / or one day (each argument unset: every one). */
export function outcomeRows(
  rows: readonly OutcomeInterval[],
  skill: string | null | undefined,
  date: string | null | undefined,
): OutcomeInterval[] {
  const any = (v: string | null | undefined): v is null | undefined => v === null || v === undefined;
  return rows.filter((r) => (any(skill) || r.skill === skill) && (any(date) || r.date === date));
}

export function rosterOutcome(input: OutcomeInput, evaluate: QueueEvaluate): RosterOutcomeResult {
  const week = weekOf(input);
  const all = groups(input.channels);
  const liveTraffic = liveTrafficBySkill(week, all);
  const backlogAtEnd = new Map<string, number>();
  const rows = all.flatMap((g) => {
    const gw = groupWeek(week, g);
    return g.kind === 'LIVE'
      ? liveRows(week, gw, evaluate)
      : deferredRows(week, gw, liveTraffic.get(g.skill), backlogAtEnd);
  });
  rows.sort(
    (a, b) =>
      a.start.localeCompare(b.start) || a.skill.localeCompare(b.skill) || a.kind.localeCompare(b.kind),
  );
  const days = input.days.map((date) => ({
    date,
    ...totals(
      rows.filter((r) => r.date === date),
      input.labourCost[date] ?? 0,
    ),
    backlogAtEnd: round(backlogAtEnd.get(date) ?? 0),
  }));
  const total = totals(
    rows,
    sum(input.days, (d) => input.labourCost[d] ?? 0),
  );
  return { intervals: rows, days, total };
}

function totals(rows: OutcomeInterval[], labourCost: number): OutcomeTotals {
  const live = rows.filter((r) => r.kind === 'LIVE');
  const liveArrivals = sum(live, (r) => r.arrivals);
  const weighted = sum(live, (r) => (r.serviceLevel ?? 0) * r.arrivals);
  const counted = rows.filter((r) => r.metTarget !== null);
  const met = counted.filter((r) => r.metTarget).length;
  return {
    liveArrivals: round(liveArrivals),
    deferredArrivals: round(
      sum(
        rows.filter((r) => r.kind === 'DEFERRED'),
        (r) => r.arrivals,
      ),
    ),
    serviceLevel: liveArrivals > 0 ? round(weighted / liveArrivals) : null,
    deadlineMisses: round(sum(rows, (r) => r.deadlineMisses ?? 0)),
    labourCost: round(labourCost, 2),
    intervalsCounted: counted.length,
    intervalsMeetingTarget: met,
    shareMeetingTarget: counted.length > 0 ? round(met / counted.length) : null,
  };
}
