import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { CarryInSource, SkillWorkload, WorkloadChannelSummary } from './workload-plan.service';

export const CARRY_IN_SOURCES = {
  STORED_PLAN: 'STORED_PLAN',
  FORECAST: 'FORECAST',
  SAME_WEEK: 'SAME_WEEK',
} as const;

registerEnumType(CARRY_IN_SOURCES, {
  name: 'CarryInSource',
  description:
    'Where the backlog at the week’s start came from: the previous week’s stored plan, a forecast of the previous week, or this week’s forecast standing in for it.',
});

@ObjectType({
  description: 'One DEFERRED channel’s flow through the week: arrived + carried in = handled + carried out.',
})
export class WorkloadChannelFlow implements WorkloadChannelSummary {
  @Field()
  channel!: string;

  @Field(() => Float, { description: 'Items arriving in the week (around the clock).' })
  arrivedItems!: number;

  @Field(() => Float, { description: 'Backlog at the week’s start.' })
  carriedInItems!: number;

  @Field(() => Float)
  handledItems!: number;

  @Field(() => Float, { description: 'Left for the next week (due there), never dropped.' })
  carriedOutItems!: number;

  @Field(() => Float, { description: 'Share of the work due in the week done within its response time.' })
  onTimeShare!: number;

  @Field(() => CARRY_IN_SOURCES)
  carryInSource!: CarryInSource;

  @Field(() => [Float], {
    description:
      'The channel’s share of the skill’s scheduled agents per interval (by the capacity its handled work uses); the shares of a skill add up to its scheduledAgents.',
  })
  agents!: number[];

  @Field(() => [Float], { description: 'Items of the channel handled per interval.' })
  handled!: number[];
}

@ObjectType({
  description: 'The pooled DEFERRED workload plan of one skill (a HiGHS LP, integer agents per interval).',
})
export class SkillWorkloadPlan implements SkillWorkload {
  @Field()
  skill!: string;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field(() => Float)
  shrinkage!: number;

  @Field(() => [Int], { description: 'Scheduled agents per interval from Monday 00:00 local.' })
  scheduledAgents!: number[];

  @Field(() => [Float])
  productiveAgents!: number[];

  @Field(() => [Float], { description: 'Work hours handled per interval.' })
  workHours!: number[];

  @Field(() => [Float], { description: 'Handled work / productive time per interval (0 without agents).' })
  occupancy!: number[];

  @Field(() => Float)
  staffHours!: number;

  @Field(() => Float, {
    description:
      "Hours of work the plan HANDLES in the week: the carried-in backlog included, the carried-out excluded (a channel's totals.workloadHours is the work arriving).",
  })
  workloadHours!: number;

  @Field(() => [WorkloadChannelFlow])
  channels!: WorkloadChannelFlow[];
}
