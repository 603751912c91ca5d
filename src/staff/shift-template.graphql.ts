import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { BreakRule } from './shift-breaks.core';
import { Connection } from '../common/connection.graphql';
import { MAX_ID_LENGTH } from '../common/input-rules';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';

@ObjectType({ description: 'A break of a shift: length, pay, and the window its start may fall in.' })
export class ShiftBreakRule implements BreakRule {
  @Field(() => Int)
  durationMinutes!: number;

  @Field({ description: 'Paid breaks count towards paid hours; nobody covers work during either.' })
  paid!: boolean;

  @Field(() => Int, { description: 'Earliest start, minutes after the shift start.' })
  earliestStartMinutes!: number;

  @Field(() => Int, { description: 'Latest start, minutes after the shift start.' })
  latestStartMinutes!: number;
}

@ObjectType({ description: 'A shift the roster can assign: start, length, breaks, days and skills.' })
export class ShiftTemplate {
  @Field(() => ID, { name: 'id' })
  _id!: string;

  @Field({ description: 'Unique, e.g. `early`.' })
  name!: string;

  @Field({ description: '"HH:MM" local start.' })
  start!: string;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => Int, { description: 'Unpaid break minutes in total (the sum of the unpaid breaks).' })
  breakMinutes!: number;

  @Field(() => [Int], { description: 'Days of week it may be worked (1 = Monday … 7 = Sunday).' })
  daysOfWeek!: number[];

  @Field(() => [String], { description: 'Skills this shift serves.' })
  skills!: string[];

  @Field()
  active!: boolean;
}

@ObjectType()
export class ShiftTemplateConnection extends Connection(ShiftTemplate, 'ShiftTemplate') {}

@InputType()
export class ShiftTemplateFilterInput {
  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH)
  skill?: string | null;
}

@ArgsType()
export class ShiftTemplateListArgs {
  @Field(() => ShiftTemplateFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ShiftTemplateFilterInput | null;
}
