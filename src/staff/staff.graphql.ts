import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.graphql';
import type * as types from './staff.types';
import { MAX_ID_LENGTH } from '../common/input-rules';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';

/** Also the contract columns of a staff import row (StaffRowInput extends it). */
@ObjectType({ description: 'Working-time limits of a contract.' })
@InputType('ContractColumnsInput')
export class Contract implements types.Contract {
  @Field(() => Float)
  minHoursWeek!: number;

  @Field(() => Float)
  maxHoursWeek!: number;

  @Field(() => Int)
  maxDaysWeek!: number;

  @Field(() => Int)
  maxConsecutiveDays!: number;
}

@ObjectType({ description: 'Soft wishes the roster tries to honour.' })
export class StaffPreferences {
  @Field(() => [Int], { description: 'Days of week (1 = Monday … 7 = Sunday) the person likes to work.' })
  desiredDays!: number[];

  @Field(() => [Int])
  undesiredDays!: number[];

  @Field(() => [String], { description: 'Shift template names.' })
  desiredShifts!: string[];

  @Field(() => [String])
  undesiredShifts!: string[];
}

@ObjectType({ description: 'A person who can be rostered.' })
export class Staff {
  @Field(() => ID, { name: 'id' })
  _id!: string;

  @Field({ description: 'Unique, as in the HR system.' })
  employeeNo!: string;

  @Field()
  name!: string;

  @Field(() => [String], {
    description: 'Channel skills (`calls`, `emails`, `outbound`, …) and `team_lead`.',
  })
  skills!: string[];

  @Field(() => Contract)
  contract!: Contract;

  @Field(() => Float)
  hourlyCost!: number;

  @Field()
  active!: boolean;

  @Field(() => StaffPreferences)
  preferences!: StaffPreferences;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType()
export class StaffConnection extends Connection(Staff, 'Staff') {}

@ObjectType({ description: 'Outcome of an import: every row was written (or none, on error).' })
export class ImportResult {
  @Field(() => Int, { description: 'Rows read.' })
  rows!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;
}

@InputType()
export class StaffFilterInput {
  @Field(() => String, { nullable: true, description: 'Only staff holding this skill.' })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH)
  skill?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive text in name or employee number.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@ArgsType()
export class StaffListArgs {
  @Field(() => StaffFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: StaffFilterInput | null;
}
