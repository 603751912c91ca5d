/** GraphQL types of the scheduling KPIs' baselines and targets, and the verdicts against them. */
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import type {
  KpiDirection,
  KpiTarget,
  KpiTargets,
  KpiUnit,
  OverallTargetsMet,
  WeekTargetsMet,
} from './kpi-targets.core';

export const KPI_DIRECTIONS: { [D in KpiDirection]: D } = {
  HIGHER_IS_BETTER: 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER: 'LOWER_IS_BETTER',
};
export const KPI_UNITS: { [U in KpiUnit]: U } = { SHARE: 'SHARE', HOURS: 'HOURS' };

registerEnumType(KPI_DIRECTIONS, {
  name: 'KpiDirection',
  description:
    'Which way a KPI improves: a figure meets its target at or above it (HIGHER), at or below it (LOWER).',
});
registerEnumType(KPI_UNITS, {
  name: 'KpiUnit',
  description: 'SHARE: a rate in [0, 1] (0.9 is 90 %), as the KPIs are served. HOURS: hours.',
});

@ObjectType('KpiTarget', {
  description: "A KPI's baseline and target (the site's, from KPI_*_BASELINE / KPI_*_TARGET).",
})
export class KpiTargetType implements KpiTarget {
  @Field(() => Float, { description: 'The figure before the learned ranking.' })
  baseline!: number;
  @Field(() => Float, { description: 'The figure to reach.' })
  target!: number;
  @Field(() => KPI_DIRECTIONS)
  direction!: KpiDirection;
  @Field(() => KPI_UNITS)
  unit!: KpiUnit;
}

@ObjectType('KpiTargets', {
  description: 'Baselines and targets of the KPIs that have one (the fallback rate has none).',
})
export class KpiTargetsType implements KpiTargets {
  @Field(() => KpiTargetType)
  successRate!: KpiTargetType;
  @Field(() => KpiTargetType)
  workloadBalance!: KpiTargetType;
  @Field(() => KpiTargetType)
  interventionRate!: KpiTargetType;
}

@ObjectType('WeekTargetsMet', {
  description:
    "Whether a week's figures meet their targets (null where the figure is null). A week's success rate is not judged: it counts the week's few jobs (usually one), so it reads 0 % or 100 %; its target is for a range of weeks.",
})
export class WeekTargetsMetType implements WeekTargetsMet {
  @Field(() => Boolean, { nullable: true })
  workloadBalance!: boolean | null;
  @Field(() => Boolean, { nullable: true })
  interventionRate!: boolean | null;
}

@ObjectType('OverallTargetsMet', {
  description: 'Whether the overall figures meet their targets (null where the figure is null).',
})
export class OverallTargetsMetType extends WeekTargetsMetType implements OverallTargetsMet {
  @Field(() => Boolean, { nullable: true })
  successRate!: boolean | null;
}
