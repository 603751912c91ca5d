import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

const TIME = /^\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class WeeklyWindowInput {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday.' })
  @IsInt()
  @Min(1)
  @Max(7)
  dayOfWeek!: number;

  @Field({ description: '"HH:MM".' })
  @Matches(TIME, { message: 'from must be a time HH:MM' })
  from!: string;

  @Field({ description: '"HH:MM" or "24:00"; after from.' })
  @Matches(TIME, { message: 'to must be a time HH:MM' })
  to!: string;
}

@InputType()
export class AvailabilityExceptionInput {
  @Field({ description: 'YYYY-MM-DD.' })
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @Field({
    description:
      'false: leave / sickness (whole day without times); true: extra availability (times required).',
  })
  @IsBoolean()
  available!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TIME, { message: 'from must be a time HH:MM' })
  from?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TIME, { message: 'to must be a time HH:MM' })
  to?: string | null;

  @Field({ description: 'e.g. "annual leave", "sickness", "extra shift".' })
  @Length(1, 200)
  reason!: string;
}

@InputType({ description: 'The whole availability of one person: replaces what was there.' })
export class AvailabilityInput {
  @Field(() => [WeeklyWindowInput])
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  weekly!: WeeklyWindowInput[];

  @Field(() => [AvailabilityExceptionInput], { defaultValue: [] })
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  exceptions!: AvailabilityExceptionInput[];
}

@ArgsType()
export class AvailableStaffArgs {
  @Field({ description: 'YYYY-MM-DD.' })
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @Field({ description: '"HH:MM".' })
  @Matches(TIME, { message: 'from must be a time HH:MM' })
  from!: string;

  @Field({ description: '"HH:MM" or "24:00".' })
  @Matches(TIME, { message: 'to must be a time HH:MM' })
  to!: string;

  @Field(() => String, { nullable: true, description: 'Only staff holding this skill.' })
  @IsOptional()
  skill?: string | null;
}

@ArgsType()
export class SetAvailabilityArgs {
  @Field(() => ID)
  staffId!: string;

  @Field(() => AvailabilityInput)
  @ValidateNested()
  input!: AvailabilityInput;
}

/** One weekly window of an availability import (same columns as the file). */
@InputType()
export class AvailabilityRowInput {
  @Field()
  employeeNo!: string;

  @Field(() => Int)
  dayOfWeek!: number;

  @Field()
  from!: string;

  @Field()
  to!: string;
}
