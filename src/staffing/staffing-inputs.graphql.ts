import {
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { ISO_DATE, MAX_ID_LENGTH } from '../common/input-rules';
import { STAFFING_BASES, type StaffingBasis } from './staffing.types';
import { MIN_OCCUPANCY } from './staffing.validation';

/**
 * Range checks at the GraphQL edge with the same wording as the pure core
 * (staffing.validation.ts), so a client sees e.g. "shrinkage must be in [0, 1), got 1.2"
 * whichever edge caught it. Absent (null/undefined) values pass: optionality is GraphQL's.
 */
const numberRule = (name: string, test: (v: number) => boolean, text: string) => (): PropertyDecorator =>
  ValidateBy({
    name,
    validator: {
      validate: (v: unknown) => v === null || v === undefined || (typeof v === 'number' && test(v)),
      defaultMessage: (args) => `${text}, got ${String(args?.value)}`,
    },
  });

const finite = Number.isFinite;
const Positive = numberRule('positive', (v) => finite(v) && v > 0, 'must be a finite number > 0');
const NonNegative = numberRule('nonNegative', (v) => finite(v) && v >= 0, 'must be a finite number >= 0');
const OpenUnit = numberRule('openUnit', (v) => v > 0 && v < 1, 'must be in (0, 1)');
const Occupancy = numberRule(
  'occupancy',
  (v) => v >= MIN_OCCUPANCY && v <= 1,
  `must be in [${MIN_OCCUPANCY}, 1]`,
);
const Shrinkage = numberRule('shrinkage', (v) => v >= 0 && v < 1, 'must be in [0, 1)');
const AtMost = (max: number) => numberRule(`atMost${max}`, (v) => v <= max, `must be <= ${max}`)();

/** Longest handling / answer / patience time accepted: one day. */
const MAX_SECONDS = 86_400;
/** Largest volume multiplier of a scenario. */
const MAX_VOLUME_MULTIPLIER = 100;
/** Most contacts in one interval the calculator takes. */
const MAX_VOLUME = 1_000_000;
/** Largest head count the calculator evaluates. */
const MAX_AGENTS = 100_000;

const WEEK_HELP = 'A Monday, YYYY-MM-DD; the week runs Monday 00:00 to Sunday 24:00 in the site time zone.';

@InputType({
  description: 'What-if overrides of a channel’s planning parameters; omitted fields keep the channel’s.',
})
export class ScenarioInput {
  @Field(() => Float, { nullable: true, description: 'Average handling time, seconds.' })
  @Positive()
  @AtMost(MAX_SECONDS)
  ahtSeconds?: number | null;

  @Field(() => Float, { nullable: true, description: 'Share answered within answerSeconds, in (0, 1).' })
  @OpenUnit()
  serviceLevelTarget?: number | null;

  @Field(() => Float, { nullable: true, description: 'Answer time of the service level, seconds.' })
  @NonNegative()
  @AtMost(MAX_SECONDS)
  answerSeconds?: number | null;

  @Field(() => Float, { nullable: true, description: `Maximum occupancy, in [${MIN_OCCUPANCY}, 1].` })
  @Occupancy()
  maxOccupancy?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of paid time not available for work, in [0, 1).',
  })
  @Shrinkage()
  shrinkage?: number | null;

  @Field(() => Float, { nullable: true, description: 'Scales every interval’s volume; 1.1 = +10 %.' })
  @NonNegative()
  @AtMost(MAX_VOLUME_MULTIPLIER)
  volumeMultiplier?: number | null;
}

@ArgsType()
class ChannelWeekArgs {
  @Field({ description: 'Channel key, e.g. `calls`.' })
  @IsString()
  @Length(1, 64)
  channel!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Forecast to plan from; default: the latest forecast covering the week.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ID_LENGTH)
  forecastId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `${WEEK_HELP} Default with forecastId: the first whole week it covers.`,
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'must be a Monday as YYYY-MM-DD, got "$value"' })
  week?: string | null;

  @Field(() => STAFFING_BASES, { defaultValue: 'MEAN', description: 'Forecast figure to staff for.' })
  basis!: StaffingBasis;
}

@ArgsType()
export class StaffingArgs extends ChannelWeekArgs {
  @Field(() => ScenarioInput, { nullable: true, description: 'Overrides applied before planning.' })
  @IsOptional()
  @ValidateNested()
  scenario?: ScenarioInput | null;
}

@ArgsType()
export class StaffingScenarioArgs extends ChannelWeekArgs {
  @Field(() => ScenarioInput)
  @ValidateNested()
  overrides!: ScenarioInput;
}

@ArgsType()
export class StaffingPlanArgs {
  @Field(() => String, { description: WEEK_HELP })
  @Matches(ISO_DATE, { message: 'must be a Monday as YYYY-MM-DD, got "$value"' })
  week!: string;

  @Field(() => STAFFING_BASES, { defaultValue: 'MEAN', description: 'Forecast figure to staff for.' })
  basis!: StaffingBasis;

  @Field(() => ScenarioInput, { nullable: true, description: 'Overrides applied to every channel.' })
  @IsOptional()
  @ValidateNested()
  scenario?: ScenarioInput | null;
}

@ArgsType()
export class WorkloadArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Only this skill’s pooled workload (none when the plan has no DEFERRED work of it). Given, the query cost counts one workload instead of one per channel a site may hold.',
  })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH)
  skill?: string | null;
}

@InputType({ description: 'One interval of a queue: Erlang C, or Erlang A when patienceSeconds is given.' })
export class ErlangCalculatorInput {
  @Field(() => Float, { description: `Contacts arriving in the interval, at most ${MAX_VOLUME}.` })
  @NonNegative()
  @AtMost(MAX_VOLUME)
  volume!: number;

  @Field(() => Int, { description: 'Interval length, minutes (e.g. 15, 30, 60).' })
  @Positive()
  @AtMost(24 * 60)
  intervalMinutes!: number;

  @Field(() => Float, { description: 'Average handling time, seconds.' })
  @Positive()
  @AtMost(MAX_SECONDS)
  ahtSeconds!: number;

  @Field(() => Float, { description: 'Answer time t of the service level "answered within t seconds".' })
  @NonNegative()
  @AtMost(MAX_SECONDS)
  answerSeconds!: number;

  @Field(() => Float, { description: 'Target share answered within answerSeconds, in (0, 1).' })
  @OpenUnit()
  serviceLevelTarget!: number;

  @Field(() => Float, { defaultValue: 1, description: `Maximum occupancy, in [${MIN_OCCUPANCY}, 1].` })
  @Occupancy()
  maxOccupancy!: number;

  @Field(() => Float, {
    defaultValue: 0,
    description: 'Share of paid time not available for work, in [0, 1).',
  })
  @Shrinkage()
  shrinkage!: number;

  @Field(() => Float, { nullable: true, description: 'Mean patience before abandoning, seconds: Erlang A.' })
  @Positive()
  @AtMost(MAX_SECONDS)
  patienceSeconds?: number | null;

  @Field(() => Float, { nullable: true, description: 'Average-speed-of-answer target, seconds.' })
  @Positive()
  @AtMost(MAX_SECONDS)
  targetAsaSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: 'A head count (productive agents) to evaluate too.' })
  @NonNegative()
  @AtMost(MAX_AGENTS)
  agents?: number | null;
}
