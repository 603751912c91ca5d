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
} from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { SKILL } from './staff.inputs';

@InputType()
export class UpdateShiftTemplateInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 60)
  name?: string;

  @Field({ nullable: true, description: '"HH:MM".' })
  @IsOptional()
  @Matches(/^\d{2}:\d{2}$/, { message: 'start must be a time HH:MM' })
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

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
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
  name!: string;

  @Field({ description: '"HH:MM".' })
  @Matches(/^\d{2}:\d{2}$/, { message: 'start must be a time HH:MM' })
  start!: string;

  @Field(() => Int, { description: '60 … 720, a multiple of 15.' })
  @IsInt()
  @Min(60)
  @Max(720)
  durationMinutes!: number;

  @Field(() => Int, { description: 'Unpaid; shorter than the shift.' })
  @IsInt()
  @Min(0)
  @Max(180)
  breakMinutes!: number;

  @Field(() => [Int])
  @ArrayNotEmpty()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  daysOfWeek!: number[];

  @Field(() => [String])
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @Matches(SKILL, { each: true, message: 'each skill must be a-z, 0-9 or "_"' })
  skills!: string[];
}
