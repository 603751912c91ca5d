/** GraphQL inputs of the roster API, validated with class-validator. */
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsEnum,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ISO_DATE, MAX_ID_LENGTH } from '../common/input-rules';
import { MAX_REQUIRED_AGENTS } from './roster-problem-schema';
import { MAX_REQUIREMENT_SKILLS } from './roster-requirement.validation';
import { intervalsPerWeek } from './calendar-util';

export enum RequirementBasis {
  MEAN = 'MEAN',
  HI80 = 'HI80',
  HI95 = 'HI95',
}
registerEnumType(RequirementBasis, {
  name: 'RequirementBasis',
  description:
    'Which forecast value the staffing requirement is built from: the mean or an upper interval bound.',
});

export enum AssignmentActionEnum {
  ADD = 'ADD',
  MOVE = 'MOVE',
  REMOVE = 'REMOVE',
  SWAP = 'SWAP',
}
registerEnumType(AssignmentActionEnum, {
  name: 'AssignmentAction',
  description:
    "ADD a shift, MOVE one, REMOVE one, or SWAP: exchange the shifts of staffId and toStaffId on date (toStaffId takes staffId's shift when they have none that day).",
});

@ArgsType()
export class WeekArgs {
  @Field({ description: 'Monday of the week, YYYY-MM-DD.' })
  @Matches(ISO_DATE, { message: 'week must be a date YYYY-MM-DD' })
  week!: string;
}

@InputType({ description: 'Agents required per interval of one skill, from Monday 00:00 for 7 days.' })
export class RosterRequirementInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_ID_LENGTH)
  skill!: string;

  @Field(() => [Float], {
    description: `Agents per interval, 0–${MAX_REQUIRED_AGENTS}: 7 × 24 × 60 / intervalMinutes of them (672, 336 or 168).`,
  })
  @ArrayMaxSize(intervalsPerWeek(15), { message: `$property holds at most ${intervalsPerWeek(15)} values` })
  @IsNumber({}, { each: true })
  @Min(0, { each: true })
  @Max(MAX_REQUIRED_AGENTS, { each: true })
  values!: number[];
}

@InputType()
export class RosterOptionsInput {
  @Field(() => Float, { nullable: true, description: 'Solver time limit (default 60 s).' })
  @IsOptional()
  @Min(0.1)
  @Max(3600)
  timeLimitSeconds?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Stop when proven within this relative gap (default 0.01).',
  })
  @IsOptional()
  @Min(0)
  @Max(1)
  relativeGap?: number;

  @Field(() => RequirementBasis, { nullable: true, description: 'Default MEAN.' })
  @IsOptional()
  @IsEnum(RequirementBasis)
  basis?: RequirementBasis;

  @Field(() => Float, { nullable: true, description: 'Minimum rest between shifts in hours (default 11).' })
  @IsOptional()
  @Min(0)
  @Max(48)
  minRestHours?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Interval of `requirements` (15, 30 or 60); required with them.',
  })
  @IsOptional()
  @IsIn([15, 30, 60], { message: 'intervalMinutes must be 15, 30 or 60' })
  intervalMinutes?: number;

  @Field(() => [RosterRequirementInput], {
    nullable: true,
    description: `Use this requirement instead of the staffing plan (what-if, imported requirement): one entry per known skill (a channel's required skill or team_lead), at most ${MAX_REQUIREMENT_SKILLS}.`,
  })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_REQUIREMENT_SKILLS, {
    message: `$property holds at most ${MAX_REQUIREMENT_SKILLS} skills`,
  })
  @ValidateNested({ each: true })
  requirements?: RosterRequirementInput[];
}

@ArgsType()
export class CoverageArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Only this skill’s entry (none when the roster does not cover it). Given, the query cost counts one entry instead of one per skill a roster may cover.',
  })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH)
  skill?: string | null;
}

@ArgsType()
export class GenerateRosterArgs extends WeekArgs {
  @Field(() => RosterOptionsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  options?: RosterOptionsInput;
}

@InputType({ description: 'One manual change. The pair (staffId, date) names an existing shift.' })
export class UpdateAssignmentInput {
  @Field(() => AssignmentActionEnum)
  @IsEnum(AssignmentActionEnum)
  action!: AssignmentActionEnum;

  @Field(() => ID, { description: 'Whose shift (ADD: who gets it).' })
  @IsString()
  @MaxLength(MAX_ID_LENGTH)
  staffId!: string;

  @Field({ description: 'Day of the shift (ADD: the new day), YYYY-MM-DD.' })
  @Matches(ISO_DATE, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  @Field(() => ID, { nullable: true, description: 'ADD: the shift template.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ID_LENGTH)
  shiftTemplateId?: string;

  @Field({ nullable: true, description: 'ADD: the skill served (default: the first the person has).' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ID_LENGTH)
  skill?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'MOVE: to another person. SWAP: required, the other person.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ID_LENGTH)
  toStaffId?: string;

  @Field({ nullable: true, description: 'MOVE: to another day, YYYY-MM-DD.' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'toDate must be a date YYYY-MM-DD' })
  toDate?: string;

  @Field(() => ID, { nullable: true, description: 'MOVE: to another shift template.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ID_LENGTH)
  toShiftTemplateId?: string;

  @Field({ nullable: true, description: 'MOVE: to another skill.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ID_LENGTH)
  toSkill?: string;
}
