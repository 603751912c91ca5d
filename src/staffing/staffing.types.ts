/**
 * What a staffing plan holds: the shapes the staffing service returns and the GraphQL
 * classes and exports implement (staffing.graphql.ts, staffing.export.ts).
 */
import type { ChannelKind, StaffingModel, StaffingRow } from './staffing-plan.core';
import type { ScenarioOverrides, ScenarioTotalsDiff } from './staffing-scenario.core';
import type { SkillWorkload, WorkloadChannelSummary } from './workload-plan.service';

/** Which forecast figure a plan staffs for: the mean or an upper interval bound. */
export const STAFFING_BASES = { MEAN: 'MEAN', HI80: 'HI80', HI95: 'HI95' } as const;
export type StaffingBasis = keyof typeof STAFFING_BASES;

/** The finest grid the skill requirement is given on (coarser channels are spread onto it). */
export const REQUIREMENT_INTERVAL_MINUTES = 15;

export interface PlanInterval extends StaffingRow {
  /** Local wall-clock start `YYYY-MM-DDTHH:MM:00`. */
  localTime: string;
  /** First real instant of the slot; null for a slot skipped by a spring-forward change. */
  start: Date | null;
  /** Real instants with this wall-clock start: 0 (skipped), 1, or 2 (repeated fall-back hour). */
  occurrences: number;
}

export interface PlanDay {
  date: string;
  staffHours: number;
  fte: number;
}

export interface PlanTotals {
  volume: number;
  workloadHours: number;
  rawStaffHours: number;
  scheduledStaffHours: number;
  peakScheduledAgents: number;
  days: PlanDay[];
  weeklyStaffHours: number;
  weeklyFte: number;
  unplacedWorkHours: number;
}

export interface ChannelWeekPlan {
  channel: string;
  channelName: string;
  kind: ChannelKind;
  requiredSkill: string;
  model: StaffingModel;
  week: string;
  timeZone: string;
  basis: StaffingBasis;
  forecastId: string;
  intervalMinutes: number;
  rows: PlanInterval[];
  totals: PlanTotals;
  /** DEFERRED: the channel's flow through the week in its skill's pooled plan; null for LIVE. */
  workload: WorkloadChannelSummary | null;
}

export interface PlanRequest {
  channel: string;
  forecastId?: string | null;
  week?: string | null;
  basis?: StaffingBasis | null;
}

/** Scenario overrides as they come from GraphQL (absent fields may be null). */
export type OverridesInput = { [K in keyof ScenarioOverrides]?: number | null };

export interface ScenarioIntervalDiff {
  index: number;
  localTime: string;
  rawAgents: number;
  scheduledAgents: number;
  serviceLevel: number | null;
  occupancy: number;
}

export interface ChannelScenario {
  channel: string;
  week: string;
  basis: StaffingBasis;
  forecastId: string;
  base: ChannelWeekPlan;
  scenario: ChannelWeekPlan;
  diff: { rows: ScenarioIntervalDiff[]; totals: ScenarioTotalsDiff };
}

export interface SkillRequirementRow {
  skill: string;
  /** Scheduled agents per requirement interval, 7 × 24 × 60 / intervalMinutes values from Monday 00:00. */
  values: number[];
  peak: number;
  staffHours: number;
  fte: number;
}

export interface ChannelSummary {
  channel: string;
  skill: string;
  model: StaffingModel;
  intervalMinutes: number;
  forecastId: string;
  weeklyStaffHours: number;
  weeklyFte: number;
  peakScheduledAgents: number;
}

export interface SkillWeekPlan {
  week: string;
  timeZone: string;
  basis: StaffingBasis;
  intervalMinutes: number;
  skills: SkillRequirementRow[];
  channels: ChannelSummary[];
  totalStaffHours: number;
  totalFte: number;
  /** Pooled deferred workload per skill (its agents are in `skills`). */
  workloads: SkillWorkload[];
}

/** What the roster service consumes. */
export interface WeekRequirement {
  intervalMinutes: number;
  requirements: { skill: string; values: number[] }[];
}
