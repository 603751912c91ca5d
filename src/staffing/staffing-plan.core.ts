/**
 * Per-interval staffing plans for one channel, and their totals.
 *
 * LIVE channels: traffic A = volume × AHT / interval length; raw agents from
 * `requiredAgents` (Erlang A when the channel has a patience, Erlang C otherwise) with the
 * channel's service-level target, optional ASA target, occupancy cap and shrinkage; the
 * row's metrics are those at the raw agents. Closed intervals get no agents (their
 * volume is reported but not planned for) and null queue metrics.
 *
 * DEFERRED channels: the closed-form spread of deferred-workload.core.ts, kept as the
 * documented baseline (bench:plan) and for a channel planned on its own. The services plan
 * DEFERRED channels with the pooled workload LP and show each channel's share of it
 * (workload-share.core.ts). Their rows carry null queue metrics; occupancy is planned work
 * / (raw agents × interval length).
 *
 * Totals: staff hours = Σ agents × interval length; per day in chunks of
 * `intervalsPerDay` (default: a calendar day); weekly staff hours scale the horizon to
 * 7 days; FTE = weekly staff hours / full-time week (default 37.5 h).
 */
import { deferredWorkload, assertVolumes } from './deferred-workload.core';
import { requiredAgents } from './required-agents.core';
import {
  assertCount,
  assertOccupancy,
  assertOpenUnit,
  assertNonNegative,
  assertPositive,
  assertShrinkage,
} from './staffing.validation';
import { badInput } from '../errors';
import { at } from '../common/indexed';

export type ChannelKind = 'LIVE' | 'DEFERRED';
export type StaffingModel = 'ERLANG_C' | 'ERLANG_A' | 'WORKLOAD';

export interface StaffingChannel {
  key: string;
  kind: ChannelKind;
  intervalMinutes: number;
  ahtSeconds: number;
  serviceLevel: { target: number; answerSeconds: number };
  maxOccupancy: number;
  shrinkage: number;
  /** DEFERRED only: every item is done within this much open time. */
  responseHours?: number;
  /** LIVE only: mean patience; switches the model to Erlang A. */
  patienceSeconds?: number;
  /** LIVE only: an additional average-speed-of-answer target. */
  targetAsaSeconds?: number;
  /** Whether the channel is open in each interval; same length as the volumes. */
  open: readonly boolean[];
}

export interface StaffingOptions {
  /** Intervals per day for the per-day totals; default 24 h / intervalMinutes. */
  intervalsPerDay?: number;
  /** Hours of one full-time employee per week; default 37.5. */
  fullTimeHoursPerWeek?: number;
}

export interface StaffingRow {
  index: number;
  open: boolean;
  volume: number;
  /** Offered load: volume × AHT / interval length. */
  trafficErlangs: number;
  rawAgents: number;
  scheduledAgents: number;
  /** LIVE: SL at the channel's answer time; null for DEFERRED and closed intervals. */
  serviceLevel: number | null;
  asaSeconds: number | null;
  occupancy: number;
  waitProbability: number | null;
  /** Erlang A only. */
  abandonProbability: number | null;
}

export interface StaffingTotals {
  volume: number;
  workloadHours: number;
  rawStaffHours: number;
  scheduledStaffHours: number;
  peakScheduledAgents: number;
  /** Horizon length in days (volumes.length / intervalsPerDay; may be fractional). */
  days: number;
  /** Scheduled staff hours per day chunk; the last chunk may be partial. */
  staffHoursPerDay: number[];
  /** Scheduled staff hours scaled to a 7-day week. */
  weeklyStaffHours: number;
  /** weeklyStaffHours / fullTimeHoursPerWeek. */
  weeklyFte: number;
  /** DEFERRED: work arriving after the horizon's last open interval; 0 for LIVE. */
  unplacedWorkHours: number;
}

export interface ChannelPlan {
  channelKey: string;
  kind: ChannelKind;
  model: StaffingModel;
  intervalMinutes: number;
  rows: StaffingRow[];
  totals: StaffingTotals;
}

export const DEFAULT_FULL_TIME_HOURS_PER_WEEK = 37.5;

/** FTE for `staffHours` worked over `weeks` weeks: staffHours / (weeks × full-time week). */
export function staffHoursToFte(
  staffHours: number,
  fullTimeHoursPerWeek = DEFAULT_FULL_TIME_HOURS_PER_WEEK,
  weeks = 1,
): number {
  assertNonNegative('staffHours', staffHours);
  assertPositive('fullTimeHoursPerWeek', fullTimeHoursPerWeek);
  assertPositive('weeks', weeks);
  return staffHours / (weeks * fullTimeHoursPerWeek);
}

/** Checks a channel and its volumes (parameter named in the message). */
export function assertChannel(channel: StaffingChannel, volumes: readonly number[]): void {
  assertPositive('intervalMinutes', channel.intervalMinutes);
  assertPositive('ahtSeconds', channel.ahtSeconds);
  assertOccupancy('maxOccupancy', channel.maxOccupancy);
  assertShrinkage('shrinkage', channel.shrinkage);
  if (channel.kind === 'LIVE') {
    assertOpenUnit('targetServiceLevel', channel.serviceLevel.target);
    assertNonNegative('answerSeconds', channel.serviceLevel.answerSeconds);
    if (channel.patienceSeconds !== undefined) assertPositive('patienceSeconds', channel.patienceSeconds);
    if (channel.targetAsaSeconds !== undefined) assertPositive('targetAsaSeconds', channel.targetAsaSeconds);
  } else if (channel.responseHours === undefined) {
    throw badInput('responseHours is required for a DEFERRED channel');
  }
  assertVolumes(volumes, channel.open);
}

function liveRows(channel: StaffingChannel, volumes: readonly number[]): StaffingRow[] {
  const intervalSeconds = channel.intervalMinutes * 60;
  return volumes.map((volume, index) => {
    const trafficErlangs = (volume * channel.ahtSeconds) / intervalSeconds;
    const open = at(channel.open, index);
    if (!open) {
      return {
        index,
        open,
        volume,
        trafficErlangs,
        rawAgents: 0,
        scheduledAgents: 0,
        serviceLevel: null,
        asaSeconds: null,
        occupancy: 0,
        waitProbability: null,
        abandonProbability: null,
      };
    }
    const r = requiredAgents({
      trafficErlangs,
      ahtSeconds: channel.ahtSeconds,
      serviceLevel: channel.serviceLevel,
      targetAsaSeconds: channel.targetAsaSeconds,
      maxOccupancy: channel.maxOccupancy,
      shrinkage: channel.shrinkage,
      patienceSeconds: channel.patienceSeconds,
    });
    const m = r.metrics;
    return {
      index,
      open,
      volume,
      trafficErlangs,
      rawAgents: r.rawAgents,
      scheduledAgents: r.scheduledAgents,
      serviceLevel: m.serviceLevel,
      asaSeconds: m.asaSeconds,
      occupancy: m.occupancy,
      waitProbability: m.waitProbability,
      abandonProbability: m.model === 'ERLANG_A' ? m.abandonProbability : null,
    };
  });
}

function deferredRows(
  channel: StaffingChannel,
  volumes: readonly number[],
  responseHours: number,
): { rows: StaffingRow[]; unplaced: number } {
  const d = deferredWorkload({
    volumes,
    open: channel.open,
    ahtSeconds: channel.ahtSeconds,
    intervalMinutes: channel.intervalMinutes,
    responseHours,
    maxOccupancy: channel.maxOccupancy,
    shrinkage: channel.shrinkage,
  });
  const intervalSeconds = channel.intervalMinutes * 60;
  const rows = volumes.map((volume, index) => {
    const rawAgents = at(d.rawAgents, index);
    return {
      index,
      open: at(channel.open, index),
      volume,
      trafficErlangs: at(d.arrivingWorkSeconds, index) / intervalSeconds,
      rawAgents,
      scheduledAgents: at(d.scheduledAgents, index),
      serviceLevel: null,
      asaSeconds: null,
      occupancy: rawAgents > 0 ? at(d.plannedWorkSeconds, index) / (rawAgents * intervalSeconds) : 0,
      waitProbability: null,
      abandonProbability: null,
    };
  });
  return { rows, unplaced: d.unplacedWorkSeconds };
}

/** Totals of a channel's rows (staff hours, per day, weekly FTE). */
export function totalsOf(
  channel: StaffingChannel,
  rows: readonly StaffingRow[],
  unplacedSeconds: number,
  options: StaffingOptions,
): StaffingTotals {
  const hoursPerInterval = channel.intervalMinutes / 60;
  const intervalsPerDay = options.intervalsPerDay ?? (24 * 60) / channel.intervalMinutes;
  assertCount('intervalsPerDay', intervalsPerDay);
  assertPositive('intervalsPerDay', intervalsPerDay);
  const fullTime = options.fullTimeHoursPerWeek ?? DEFAULT_FULL_TIME_HOURS_PER_WEEK;
  assertPositive('fullTimeHoursPerWeek', fullTime);

  let volume = 0;
  let workloadHours = 0;
  let rawStaffHours = 0;
  let scheduledStaffHours = 0;
  let peakScheduledAgents = 0;
  const staffHoursPerDay: number[] = [];
  for (const row of rows) {
    volume += row.volume;
    workloadHours += row.trafficErlangs * hoursPerInterval;
    rawStaffHours += row.rawAgents * hoursPerInterval;
    scheduledStaffHours += row.scheduledAgents * hoursPerInterval;
    peakScheduledAgents = Math.max(peakScheduledAgents, row.scheduledAgents);
    const day = Math.floor(row.index / intervalsPerDay);
    staffHoursPerDay[day] = (staffHoursPerDay[day] ?? 0) + row.scheduledAgents * hoursPerInterval;
  }
  const days = rows.length / intervalsPerDay;
  const weeklyStaffHours = days > 0 ? (scheduledStaffHours * 7) / days : 0;
  return {
    volume,
    workloadHours,
    rawStaffHours,
    scheduledStaffHours,
    peakScheduledAgents,
    days,
    staffHoursPerDay,
    weeklyStaffHours,
    weeklyFte: weeklyStaffHours / fullTime,
    unplacedWorkHours: unplacedSeconds / 3600,
  };
}

/** Staffing requirement per interval for one channel, with totals in staff hours and FTE. */
export function channelStaffing(
  channel: StaffingChannel,
  volumes: readonly number[],
  options: StaffingOptions = {},
): ChannelPlan {
  assertChannel(channel, volumes);
  const { rows, unplaced } =
    channel.kind === 'LIVE'
      ? { rows: liveRows(channel, volumes), unplaced: 0 }
      : deferredRows(channel, volumes, channel.responseHours ?? 0);
  const model: StaffingModel =
    channel.kind === 'DEFERRED'
      ? 'WORKLOAD'
      : channel.patienceSeconds === undefined
        ? 'ERLANG_C'
        : 'ERLANG_A';
  return {
    channelKey: channel.key,
    kind: channel.kind,
    model,
    intervalMinutes: channel.intervalMinutes,
    rows,
    totals: totalsOf(channel, rows, unplaced, options),
  };
}
