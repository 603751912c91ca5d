/** GraphQL types of the learned ranking: ranker models, training arguments, scheduling KPIs. */
import { IsInt, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ISO_DATE } from '../common/input-rules';
import type { RankerModelDoc } from './ranker-model.doc';
import type { RankerMetrics } from './ranker.core';
import type { JudgedOverallKpis, JudgedSchedulingKpis, JudgedWeekKpis } from './kpi-targets.core';
import { KpiTargetsType, OverallTargetsMetType, WeekTargetsMetType } from './kpi-targets.graphql';
import type { MlVsRules } from './scheduling-kpis.core';
import { MAX_LOOKBACK_WEEKS, MIN_TRAIN_WEEKS } from './ranking.service';

@ObjectType({ description: 'Validation metrics of a ranker (temporal split: the newest weeks validate).' })
export class RankerMetricsType implements RankerMetrics {
  @Field(() => Float, { nullable: true })
  auc!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean share of the top-k candidates that were published.',
  })
  precisionAtK!: number | null;
  @Field(() => Float, { nullable: true, description: 'precision@k of the stated-preference rules.' })
  baselinePrecisionAtK!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'AUC of the stated-preference rules on the same validation rows (null on rankers trained before 2026-12-03).',
  })
  baselineAuc?: number | null;
  @Field(() => Int)
  trainRows!: number;
  @Field(() => Int)
  validationRows!: number;
  @Field(() => [String])
  trainWeeks!: string[];
  @Field(() => [String])
  validationWeeks!: string[];
}

@ObjectType({ description: 'A versioned assignment ranker (random forest); one is ACTIVE.' })
export class RankerModel implements Omit<RankerModelDoc, 'options' | 'forest' | 'createdBy'> {
  @Field(() => ID, { name: 'id' })
  _id!: string;
  @Field(() => Int)
  version!: number;
  @Field(() => String, { description: 'CANDIDATE, ACTIVE or RETIRED.' })
  status!: RankerModelDoc['status'];
  @Field(() => Int)
  lookbackWeeks!: number;
  @Field(() => RankerMetricsType)
  metrics!: RankerMetricsType;
  @Field(() => [String])
  featureNames!: string[];
  @Field(() => Date)
  createdAt!: Date;
  @Field(() => Date, { nullable: true })
  activatedAt!: Date | null;
}

@ArgsType()
export class TrainRankerArgs {
  @Field(() => Int, { defaultValue: 26 })
  @IsInt()
  @Min(MIN_TRAIN_WEEKS)
  @Max(MAX_LOOKBACK_WEEKS)
  lookbackWeeks!: number;
}

@ArgsType()
export class KpiRangeArgs {
  @Field({ description: 'Monday of the first week, YYYY-MM-DD.' })
  @Matches(ISO_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;
  @Field({ description: 'Monday of the last week, YYYY-MM-DD.' })
  @Matches(ISO_DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;
}

@ObjectType()
export class MlVsRulesType implements MlVsRules {
  @Field(() => Float, { nullable: true })
  rulesCoveragePercent!: number | null;
  @Field(() => Float, { nullable: true })
  modelCoveragePercent!: number | null;
  @Field(() => Float)
  rulesLabourCost!: number;
  @Field(() => Float)
  modelLabourCost!: number;
  @Field(() => Int)
  differingAssignments!: number;
}

/** The four rates, shared by a week and the whole range. */
@ObjectType()
abstract class KpiRates {
  @Field(() => Float, {
    nullable: true,
    description:
      'Generated rosters (published or not) that met coverage ≥ 97 % as their job generated them, before any manual edit; edited rosters stored before that coverage was kept are left out. Higher is better.',
  })
  successRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Std dev of |paid hours − target| on the published roster, hours. Lower is better.',
  })
  workloadBalance!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Share of published assignments changed by hand. Lower is better.',
  })
  interventionRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of candidates on the rule-based fallback.' })
  fallbackRate!: number | null;
}

@ObjectType({ description: 'The KPIs over the whole range.' })
export class KpiFigures extends KpiRates implements JudgedOverallKpis {
  @Field(() => OverallTargetsMetType, { description: 'Each figure against its target (see `targets`).' })
  targetMet!: OverallTargetsMetType;
}

@ObjectType()
export class WeekKpisType extends KpiRates implements JudgedWeekKpis {
  @Field()
  week!: string;
  @Field(() => MlVsRulesType, { nullable: true, description: 'Where a SHADOW roster exists.' })
  mlVsRules!: MlVsRulesType | null;
  @Field(() => WeekTargetsMetType, {
    description: "The week's workload balance and intervention rate against their targets.",
  })
  targetMet!: WeekTargetsMetType;
}

@ObjectType()
export class SchedulingKpisType implements JudgedSchedulingKpis {
  @Field(() => [WeekKpisType])
  weeks!: WeekKpisType[];
  @Field(() => KpiFigures)
  overall!: KpiFigures;
  @Field(() => KpiTargetsType, {
    description: 'Baselines, targets and directions of the KPIs that have one (the same for every range).',
  })
  targets!: KpiTargetsType;
}

@ObjectType('RankerRollback', { description: 'What `rollbackRanker` would do now.' })
export class RankerRollbackType {
  @Field(() => RankerModel, {
    nullable: true,
    description:
      'The ranker `rollbackRanker` would activate (the RETIRED one activated last); null when it would be refused.',
  })
  target!: RankerModel | null;
  @Field(() => String, {
    nullable: true,
    description: "Why `rollbackRanker` would be refused (its error's message); null when it would not.",
  })
  refusal!: string | null;
}

@ObjectType({ description: 'Which objective a roster was solved with (learned ranking).' })
export class RosterRankingType {
  @Field({ description: 'RULES, MODEL or SHADOW (a SHADOW roster cannot be published).' })
  path!: string;
  @Field(() => Float, { nullable: true, description: 'Share of candidates on the rule-based fallback.' })
  fallbackRate!: number | null;
  @Field(() => ID, { nullable: true })
  modelId!: string | null;
  @Field(() => String, { nullable: true })
  reason!: string | null;
}
