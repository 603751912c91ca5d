import {
  ArrayMaxSize,
  IsBoolean,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsClockTime, ISO_DATE, MAX_ID_LENGTH } from '../common/input-rules';
import { type DayWindow, MAX_WEEKLY_WINDOWS } from '../common/time-window';
import { MAX_EXCEPTIONS } from './availability.core';
import { WeekdayWindowStartInput } from '../common/weekday-window.graphql';
import { WeeklyWindow } from './availability.graphql';
import { IsPlainText } from '../common/plain-text';

@InputType()
export class WeeklyWindowInput extends WeekdayWindowStartInput implements DayWindow {
  @Field({ description: '"HH:MM" or "24:00"; after from.' })
  @IsClockTime()
  to!: string;
}

@InputType()
export class AvailabilityExceptionInput {
  @Field({ description: 'YYYY-MM-DD.' })
  @Matches(ISO_DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @Field({
    description:
      'false: leave / sickness (whole day without times); true: extra availability (times required).',
  })
  @IsBoolean()
  available!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsClockTime()
  from?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsClockTime()
  to?: string | null;

  @Field({ description: 'e.g. "annual leave", "sickness", "extra shift".' })
  @Length(1, 200)
  @IsPlainText()
  reason!: string;
}

@InputType({ description: 'The whole availability of one person: replaces what was there.' })
export class AvailabilityInput {
  @Field(() => [WeeklyWindowInput])
  @ArrayMaxSize(MAX_WEEKLY_WINDOWS)
  @ValidateNested({ each: true })
  weekly!: WeeklyWindowInput[];

  @Field(() => [AvailabilityExceptionInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_EXCEPTIONS)
  @ValidateNested({ each: true })
  exceptions!: AvailabilityExceptionInput[];
}

@ArgsType()
export class AvailableStaffArgs {
  @Field({ description: 'YYYY-MM-DD.' })
  @Matches(ISO_DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @Field({ description: '"HH:MM".' })
  @IsClockTime()
  from!: string;

  @Field({ description: '"HH:MM" or "24:00".' })
  @IsClockTime()
  to!: string;

  @Field(() => String, { nullable: true, description: 'Only staff holding this skill.' })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH)
  skill?: string | null;
}

@ArgsType()
export class SetAvailabilityArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  staffId!: string;

  @Field(() => AvailabilityInput)
  @ValidateNested()
  input!: AvailabilityInput;
}

/** One weekly window of an availability import (same columns as the file), checked by the import. */
@InputType()
export class AvailabilityRowInput extends WeeklyWindow {
  @Field()
  employeeNo!: string;
}
