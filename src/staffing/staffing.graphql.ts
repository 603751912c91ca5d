import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ErlangCalculation, ErlangFigures } from './erlang-calculator';
import type { BindingConstraint } from './required-agents.core';
import type { ChannelKind, StaffingModel } from './staffing-plan.core';
import {
  STAFFING_BASES,
  type ChannelScenario,
  type ChannelSummary,
  type ChannelWeekPlan,
  type PlanDay,
  type PlanInterval,
  type PlanTotals,
  type ScenarioIntervalDiff,
  type SkillRequirementRow,
  type SkillWeekPlan,
  type StaffingBasis,
} from './staffing.types';
import type { ScenarioTotalsDiff } from './staffing-scenario.core';
import { SkillWorkloadPlan, WorkloadChannelFlow } from './workload.graphql';

export const STAFFING_MODELS = { ERLANG_C: 'ERLANG_C', ERLANG_A: 'ERLANG_A', WORKLOAD: 'WORKLOAD' } as const;
export const BINDING_CONSTRAINTS = {
  NONE: 'NONE',
  SERVICE_LEVEL: 'SERVICE_LEVEL',
  ASA: 'ASA',
  OCCUPANCY: 'OCCUPANCY',
  STABILITY: 'STABILITY',
} as const;

registerEnumType(STAFFING_BASES, {
  name: 'StaffingBasis',
  description: 'Forecast figure a plan staffs for: the mean, or the upper bound of the 80 % / 95 % interval.',
});
registerEnumType(STAFFING_MODELS, {
  name: 'StaffingModel',
  description: 'ERLANG_C: live, no abandonment. ERLANG_A: live with patience. WORKLOAD: deferred work.',
});
registerEnumType(BINDING_CONSTRAINTS, {
  name: 'StaffingBindingConstraint',
  description: 'The target that set the head count (the last one to be met).',
});

@ObjectType({ description: 'One wall-clock interval of a channel’s staffing plan.' })
export class StaffingInterval implements PlanInterval {
  @Field(() => Int)
  index!: number;

  @Field({ description: 'Local wall-clock start `YYYY-MM-DDTHH:MM:00` in the site time zone.' })
  localTime!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'UTC instant of the start (the first one in a repeated fall-back hour); null in a skipped hour.',
  })
  start!: Date | null;

  @Field(() => Int, {
    description: 'Real instants with this wall-clock start: 0 skipped, 1, or 2 repeated (DST).',
  })
  occurrences!: number;

  @Field()
  open!: boolean;

  @Field(() => Float, { description: 'Forecast volume (for the basis, with any scenario multiplier).' })
  volume!: number;

  @Field(() => Float, { description: 'Offered load, Erlangs: volume × AHT / interval length.' })
  trafficErlangs!: number;

  @Field(() => Float, {
    description:
      'Productive agents needed (whole for LIVE; for DEFERRED the channel’s share of its skill’s pooled productive agents, fractional).',
  })
  rawAgents!: number;

  @Field(() => Float, {
    description:
      'rawAgents grossed up for shrinkage (whole for LIVE; for DEFERRED the channel’s share of its skill’s pooled scheduled agents, fractional).',
  })
  scheduledAgents!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Predicted service level; null for closed or deferred.',
  })
  serviceLevel!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average speed of answer, seconds, over all arrivals.' })
  asaSeconds!: number | null;

  @Field(() => Float)
  occupancy!: number;

  @Field(() => Float, { nullable: true })
  waitProbability!: number | null;

  @Field(() => Float, { nullable: true, description: 'Erlang A only.' })
  abandonProbability!: number | null;
}

@ObjectType({ description: 'Scheduled staff hours of one local day.' })
export class StaffingDay implements PlanDay {
  @Field()
  date!: string;

  @Field(() => Float)
  staffHours!: number;

  @Field(() => Float, { description: 'staffHours / a full-time day (a fifth of the full-time week).' })
  fte!: number;
}

/**
 * The hours and agents totals a scenario is compared by, in StaffingTotals and as their
 * differences (a base only, not a type of the schema). Each keeps its own weeklyFte: only
 * StaffingTotals describes it.
 */
@ObjectType('StaffingComparedTotals')
export class StaffingComparedTotals implements Omit<ScenarioTotalsDiff, 'weeklyFte'> {
  @Field(() => Float, {
    description:
      "Hours of work ARRIVING in the week: volume × AHT (a pooled plan's workloadHours is the work it handles, backlog included).",
  })
  workloadHours!: number;

  @Field(() => Float)
  rawStaffHours!: number;

  @Field(() => Float)
  scheduledStaffHours!: number;

  @Field(() => Float)
  peakScheduledAgents!: number;
}

@ObjectType()
export class StaffingTotals extends StaffingComparedTotals implements PlanTotals {
  @Field(() => Float)
  volume!: number;

  @Field(() => [StaffingDay])
  days!: StaffingDay[];

  @Field(() => Float)
  weeklyStaffHours!: number;

  @Field(() => Float, { description: 'weeklyStaffHours / full-time week (37.5 h).' })
  weeklyFte!: number;

  @Field(() => Float, {
    description:
      'Work arriving after the week’s last open interval that no plan places: 0 in the pooled DEFERRED plan, which carries such work out to the next week (see workload).',
  })
  unplacedWorkHours!: number;
}

@ObjectType({ description: 'A channel’s staffing requirement per interval for one week.' })
export class StaffingPlan implements ChannelWeekPlan {
  @Field(() => WorkloadChannelFlow, {
    nullable: true,
    description:
      'DEFERRED: the channel’s flow through the week in its skill’s pooled workload plan (its rows are its share of that plan); null for LIVE.',
  })
  workload!: WorkloadChannelFlow | null;

  @Field({ description: 'Channel key.' })
  channel!: string;

  @Field()
  channelName!: string;

  @Field(() => String, { description: 'LIVE or DEFERRED.' })
  kind!: ChannelKind;

  @Field()
  requiredSkill!: string;

  @Field(() => STAFFING_MODELS)
  model!: StaffingModel;

  @Field({ description: 'The Monday, YYYY-MM-DD.' })
  week!: string;

  @Field()
  timeZone!: string;

  @Field(() => STAFFING_BASES)
  basis!: StaffingBasis;

  @Field(() => ID)
  forecastId!: string;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field(() => [StaffingInterval], { description: '7 × 24 × 60 / intervalMinutes wall-clock intervals.' })
  rows!: StaffingInterval[];

  @Field(() => StaffingTotals)
  totals!: StaffingTotals;
}

@ObjectType({ description: 'Scenario − base for one interval.' })
export class ScenarioIntervalDifference implements ScenarioIntervalDiff {
  @Field(() => Int)
  index!: number;

  @Field()
  localTime!: string;

  @Field(() => Float)
  rawAgents!: number;

  @Field(() => Float)
  scheduledAgents!: number;

  @Field(() => Float, { nullable: true })
  serviceLevel!: number | null;

  @Field(() => Float)
  occupancy!: number;
}

@ObjectType({ description: 'Scenario − base for the week.' })
export class ScenarioTotalsDifference extends StaffingComparedTotals implements ScenarioTotalsDiff {
  @Field(() => Float)
  weeklyFte!: number;
}

@ObjectType()
export class ScenarioDifference {
  @Field(() => [ScenarioIntervalDifference])
  rows!: ScenarioIntervalDifference[];

  @Field(() => ScenarioTotalsDifference)
  totals!: ScenarioTotalsDifference;
}

@ObjectType({ description: 'A what-if: base and scenario plans side by side with their differences.' })
export class StaffingScenario implements ChannelScenario {
  @Field()
  channel!: string;

  @Field()
  week!: string;

  @Field(() => STAFFING_BASES)
  basis!: StaffingBasis;

  @Field(() => ID)
  forecastId!: string;

  @Field(() => StaffingPlan)
  base!: StaffingPlan;

  @Field(() => StaffingPlan)
  scenario!: StaffingPlan;

  @Field(() => ScenarioDifference)
  diff!: ScenarioDifference;
}

@ObjectType({ description: 'Scheduled agents needed per interval for one skill, summed over its channels.' })
export class StaffingSkillRequirement implements SkillRequirementRow {
  @Field()
  skill!: string;

  @Field(() => [Int], { description: '7 × 24 × 60 / intervalMinutes values from Monday 00:00 local.' })
  values!: number[];

  @Field(() => Int)
  peak!: number;

  @Field(() => Float)
  staffHours!: number;

  @Field(() => Float)
  fte!: number;
}

@ObjectType({ description: 'One channel’s contribution to the week’s requirement.' })
export class StaffingChannelSummary implements ChannelSummary {
  @Field()
  channel!: string;

  @Field()
  skill!: string;

  @Field(() => STAFFING_MODELS)
  model!: StaffingModel;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field(() => ID)
  forecastId!: string;

  @Field(() => Float)
  weeklyStaffHours!: number;

  @Field(() => Float)
  weeklyFte!: number;

  @Field(() => Float)
  peakScheduledAgents!: number;
}

@ObjectType({ description: 'The week’s requirement per skill: what the roster optimiser consumes.' })
export class StaffingRequirementPlan implements SkillWeekPlan {
  @Field()
  week!: string;

  @Field()
  timeZone!: string;

  @Field(() => STAFFING_BASES)
  basis!: StaffingBasis;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field(() => [StaffingSkillRequirement])
  skills!: StaffingSkillRequirement[];

  @Field(() => [StaffingChannelSummary])
  channels!: StaffingChannelSummary[];

  @Field(() => Float)
  totalStaffHours!: number;

  @Field(() => Float)
  totalFte!: number;

  /** The field, with its `skill` argument: StaffingResolver.workloads. */
  workloads!: SkillWorkloadPlan[];
}

@ObjectType({ description: 'Queue figures at one head count.' })
export class ErlangFiguresResult implements ErlangFigures {
  @Field(() => Int, { description: 'Productive agents.' })
  agents!: number;

  @Field(() => Int, { description: 'agents grossed up for shrinkage.' })
  scheduledAgents!: number;

  @Field({ description: 'False when agents ≤ traffic under Erlang C: the queue grows without bound.' })
  stable!: boolean;

  @Field(() => Float)
  serviceLevel!: number;

  @Field(() => Float, { nullable: true, description: 'Null when the queue is unstable (infinite).' })
  asaSeconds!: number | null;

  @Field(() => Float)
  occupancy!: number;

  @Field(() => Float)
  waitProbability!: number;

  @Field(() => Float, { nullable: true, description: 'Erlang A only.' })
  abandonProbability!: number | null;
}

@ObjectType({ description: 'Required agents for one interval and the queue figures at that head count.' })
export class ErlangCalculationResult implements ErlangCalculation {
  @Field(() => STAFFING_MODELS)
  model!: 'ERLANG_C' | 'ERLANG_A';

  @Field(() => Float)
  trafficErlangs!: number;

  @Field(() => Int)
  rawAgents!: number;

  @Field(() => Int)
  scheduledAgents!: number;

  @Field(() => BINDING_CONSTRAINTS)
  binding!: BindingConstraint;

  @Field(() => ErlangFiguresResult, { description: 'Figures at rawAgents.' })
  atRequired!: ErlangFiguresResult;

  @Field(() => ErlangFiguresResult, {
    nullable: true,
    description: 'Figures at the head count given as `agents`.',
  })
  atAgents!: ErlangFiguresResult | null;
}
