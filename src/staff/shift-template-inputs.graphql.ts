import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsBoolean,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { IsClockTime, IsDayOfWeek } from '../common/input-rules';
import { MAX_BREAKS_PER_SHIFT } from './shift-breaks.core';
import { SKILL } from './staff-inputs.graphql';
import { IsPlainText } from '../common/plain-text';

@InputType({ description: 'A break: length, pay, and the window of its start relative to the shift start.' })
export class ShiftBreakRuleInput {
  @Field(() => Int, { description: '1 … 240 minutes.' })
  @IsInt()
  @Min(1)
  @Max(240)
  durationMinutes!: number;

  @Field({ defaultValue: false })
  @IsBoolean()
  paid!: boolean;

  @Field(() => Int, { description: 'Earliest start, minutes after the shift start.' })
  @IsInt()
  @Min(0)
  @Max(720)
  earliestStartMinutes!: number;

  @Field(() => Int, { description: 'Latest start, minutes after the shift start.' })
  @IsInt()
  @Min(0)
  @Max(720)
  latestStartMinutes!: number;
}

@InputType()
export class UpdateShiftTemplateInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 60)
  @IsPlainText()
  name?: string;

  @Field({ nullable: true, description: '"HH:MM".' })
  @IsOptional()
  @IsClockTime()
  start?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(720)
  durationMinutes?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(180)
  breakMinutes?: number;

  @Field(() => [ShiftBreakRuleInput], {
    nullable: true,
    description: 'Replaces the break rules (breakMinutes then becomes their unpaid total).',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_BREAKS_PER_SHIFT)
  @ValidateNested({ each: true })
  breaks?: ShiftBreakRuleInput[];

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(7)
  @IsDayOfWeek({ each: true })
  daysOfWeek?: number[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @Matches(SKILL, { each: true, message: 'each skill must be a-z, 0-9 or "_"' })
  skills?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class CreateShiftTemplateInput {
  @Field({ description: 'Unique.' })
  @Length(1, 60)
  @IsPlainText()
  name!: string;

  @Field({ description: '"HH:MM".' })
  @IsClockTime()
  start!: string;

  @Field(() => Int, { description: '60 … 720, a multiple of 15.' })
  @IsInt()
  @Min(60)
  @Max(720)
  durationMinutes!: number;

  @Field(() => Int, {
    defaultValue: 0,
    description:
      'Legacy: one unpaid break that may start an hour either side of mid-shift; ignored when breaks are given.',
  })
  @IsInt()
  @Min(0)
  @Max(180)
  breakMinutes!: number;

  @Field(() => [ShiftBreakRuleInput], {
    nullable: true,
    description: 'Breaks in order, windows not overlapping.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_BREAKS_PER_SHIFT)
  @ValidateNested({ each: true })
  breaks?: ShiftBreakRuleInput[];

  @Field(() => [Int])
  @ArrayNotEmpty()
  @ArrayMaxSize(7)
  @IsDayOfWeek({ each: true })
  daysOfWeek!: number[];

  @Field(() => [String])
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @Matches(SKILL, { each: true, message: 'each skill must be a-z, 0-9 or "_"' })
  skills!: string[];
}
