/**
 * What-if scenarios: re-plan a channel with some parameters overridden and report the
 * per-interval and total differences (scenario − base).
 */
import {
  channelStaffing,
  type ChannelPlan,
  type StaffingChannel,
  type StaffingOptions,
  type StaffingRow,
  type StaffingTotals,
} from './staffing-plan.core';
import { assertNonNegative } from './staffing.validation';
import { at } from '../common/indexed';

export interface ScenarioOverrides {
  ahtSeconds?: number;
  serviceLevelTarget?: number;
  answerSeconds?: number;
  maxOccupancy?: number;
  shrinkage?: number;
  /** Scales every interval's volume; ≥ 0. */
  volumeMultiplier?: number;
}

export interface ScenarioRowDiff {
  index: number;
  rawAgents: number;
  scheduledAgents: number;
  /** Null when either side has no service level (closed interval, DEFERRED channel). */
  serviceLevel: number | null;
  occupancy: number;
}

/** Scenario − base of each total two plans are compared by (ComparablePlan's totals). */
export type ScenarioTotalsDiff = ComparablePlan['totals'];

export interface ScenarioComparison {
  base: ChannelPlan;
  scenario: ChannelPlan;
  diff: { rows: ScenarioRowDiff[]; totals: ScenarioTotalsDiff };
}

/** The channel and volumes with the overrides applied (validated by the planner). */
export function applyOverrides(
  channel: StaffingChannel,
  volumes: readonly number[],
  overrides: ScenarioOverrides,
): { channel: StaffingChannel; volumes: number[] } {
  const multiplier = overrides.volumeMultiplier ?? 1;
  assertNonNegative('volumeMultiplier', multiplier);
  return {
    channel: {
      ...channel,
      ahtSeconds: overrides.ahtSeconds ?? channel.ahtSeconds,
      maxOccupancy: overrides.maxOccupancy ?? channel.maxOccupancy,
      shrinkage: overrides.shrinkage ?? channel.shrinkage,
      serviceLevel: {
        target: overrides.serviceLevelTarget ?? channel.serviceLevel.target,
        answerSeconds: overrides.answerSeconds ?? channel.serviceLevel.answerSeconds,
      },
    },
    volumes: volumes.map((v) => v * multiplier),
  };
}

const delta = (a: number | null, b: number | null): number | null =>
  a === null || b === null ? null : b - a;

/** What two plans of one channel need for their differences. */
export interface ComparablePlan {
  rows: readonly StaffingRow[];
  totals: Pick<
    StaffingTotals,
    'workloadHours' | 'rawStaffHours' | 'scheduledStaffHours' | 'peakScheduledAgents' | 'weeklyFte'
  >;
}

/** Per-interval and total differences scenario − base of two plans on the same intervals. */
export function diffPlans(
  base: ComparablePlan,
  scenario: ComparablePlan,
): { rows: ScenarioRowDiff[]; totals: ScenarioTotalsDiff } {
  const rows = base.rows.map((b, i) => {
    const s = at(scenario.rows, i);
    return {
      index: b.index,
      rawAgents: s.rawAgents - b.rawAgents,
      scheduledAgents: s.scheduledAgents - b.scheduledAgents,
      serviceLevel: delta(b.serviceLevel, s.serviceLevel),
      occupancy: s.occupancy - b.occupancy,
    };
  });
  const bt = base.totals;
  const st = scenario.totals;
  return {
    rows,
    totals: {
      workloadHours: st.workloadHours - bt.workloadHours,
      rawStaffHours: st.rawStaffHours - bt.rawStaffHours,
      scheduledStaffHours: st.scheduledStaffHours - bt.scheduledStaffHours,
      peakScheduledAgents: st.peakScheduledAgents - bt.peakScheduledAgents,
      weeklyFte: st.weeklyFte - bt.weeklyFte,
    },
  };
}

/** Base plan, scenario plan and their differences (scenario − base), closed form (LIVE). */
export function compareScenario(
  channel: StaffingChannel,
  volumes: readonly number[],
  overrides: ScenarioOverrides,
  options: StaffingOptions = {},
): ScenarioComparison {
  const changed = applyOverrides(channel, volumes, overrides);
  const base = channelStaffing(channel, volumes, options);
  const scenario = channelStaffing(changed.channel, changed.volumes, options);
  return { base, scenario, diff: diffPlans(base, scenario) };
}
