import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { IsClockTime } from '../common/input-rules';
import { type DayWindow, MAX_WEEKLY_WINDOWS } from '../common/time-window';
import { WeekdayWindowStartInput } from '../common/weekday-window.graphql';
import { ChannelKindEnum } from './channel.graphql';
import { IsPlainText } from '../common/plain-text';

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const KEY_MESSAGE = 'must be 1-40 characters of a-z, 0-9 or "_", starting with a letter';

@InputType()
export class ServiceLevelInput {
  @Field(() => Float, { description: 'In (0, 1].' })
  @IsNumber()
  @Min(0.01)
  @Max(1)
  target!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(3600)
  answerSeconds!: number;
}

@InputType()
export class OpeningWindowInput extends WeekdayWindowStartInput implements DayWindow {
  @Field({ description: '"HH:MM" or "24:00".' })
  @IsClockTime()
  to!: string;
}

/** Fields shared by create and update; on update every field is optional. */
@InputType()
export class UpdateChannelInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  @IsPlainText()
  name?: string;

  @Field(() => ChannelKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ChannelKindEnum))
  kind?: 'LIVE' | 'DEFERRED';

  @Field(() => Int, { nullable: true, description: '15, 30 or 60.' })
  @IsOptional()
  @IsIn([15, 30, 60], { message: 'intervalMinutes must be 15, 30 or 60' })
  intervalMinutes?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(86_400)
  ahtSeconds?: number;

  @Field(() => ServiceLevelInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  serviceLevel?: ServiceLevelInput;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean caller patience, 1–86,400 seconds (Erlang A); null: Erlang C (no abandonment).',
  })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(86_400)
  patienceSeconds?: number | null;

  @Field(() => Float, { nullable: true, description: 'In [0.05, 1].' })
  @IsOptional()
  @IsNumber()
  maxOccupancy?: number;

  @Field(() => Float, { nullable: true, description: 'In [0, 1).' })
  @IsOptional()
  @IsNumber()
  shrinkage?: number;

  @Field(() => Float, { nullable: true, description: 'Required for DEFERRED channels.' })
  @IsOptional()
  @IsNumber()
  @Min(0.25)
  @Max(24 * 14)
  responseHours?: number | null;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(KEY_PATTERN, { message: `requiredSkill ${KEY_MESSAGE}` })
  requiredSkill?: string;

  @Field(() => [OpeningWindowInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_WEEKLY_WINDOWS)
  @ValidateNested({ each: true })
  openingHours?: OpeningWindowInput[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class CreateChannelInput {
  @Field({ description: 'Unique; e.g. `calls`, `outbound_nb`.' })
  @Matches(KEY_PATTERN, { message: `key ${KEY_MESSAGE}` })
  key!: string;

  @Field()
  @Length(1, 100)
  @IsPlainText()
  name!: string;

  @Field(() => ChannelKindEnum)
  @IsIn(Object.values(ChannelKindEnum))
  kind!: 'LIVE' | 'DEFERRED';

  @Field(() => Int, { description: '15, 30 or 60.' })
  @IsIn([15, 30, 60], { message: 'intervalMinutes must be 15, 30 or 60' })
  intervalMinutes!: number;

  @Field(() => Float)
  @IsNumber()
  @Min(1)
  @Max(86_400)
  ahtSeconds!: number;

  @Field(() => ServiceLevelInput, { nullable: true, description: 'Required for LIVE channels.' })
  @IsOptional()
  @ValidateNested()
  serviceLevel?: ServiceLevelInput | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean caller patience, 1–86,400 seconds (Erlang A); null: Erlang C (no abandonment).',
  })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(86_400)
  patienceSeconds?: number | null;

  @Field(() => Float, { description: 'In [0.05, 1].' })
  @IsNumber()
  maxOccupancy!: number;

  @Field(() => Float, { description: 'In [0, 1).' })
  @IsNumber()
  shrinkage!: number;

  @Field(() => Float, { nullable: true, description: 'Required for DEFERRED channels.' })
  @IsOptional()
  @IsNumber()
  @Min(0.25)
  @Max(24 * 14)
  responseHours?: number | null;

  @Field()
  @Matches(KEY_PATTERN, { message: `requiredSkill ${KEY_MESSAGE}` })
  requiredSkill!: string;

  @Field(() => [OpeningWindowInput])
  @ArrayMaxSize(MAX_WEEKLY_WINDOWS)
  @ValidateNested({ each: true })
  openingHours!: OpeningWindowInput[];
}
