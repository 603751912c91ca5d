import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { IsDayOfWeek, MAX_ID_LENGTH } from '../common/input-rules';
import { Contract } from './staff.graphql';
import { IsPlainText } from '../common/plain-text';

export const EMPLOYEE_NO = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
export const EMPLOYEE_NO_HINT = '1-32 letters, digits, "_" or "-"';
export const SKILL = /^[a-z][a-z0-9_]{0,39}$/;
/**
 * Most rows one importStaff / importAvailability call takes (checked before graphql coerces
 * them). Larger sites send several calls or import a file with the import command.
 */
export const MAX_IMPORT_ROWS_PER_REQUEST = 1000;

@InputType()
export class ContractInput {
  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(80)
  minHoursWeek!: number;

  @Field(() => Float, { description: 'At least minHoursWeek.' })
  @IsNumber()
  @Min(0)
  @Max(80)
  maxHoursWeek!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(7)
  maxDaysWeek!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(14)
  maxConsecutiveDays!: number;
}

@InputType()
export class PreferencesInput {
  @Field(() => [Int], { defaultValue: [] })
  @ArrayMaxSize(7)
  @IsDayOfWeek({ each: true })
  desiredDays!: number[];

  @Field(() => [Int], { defaultValue: [] })
  @ArrayMaxSize(7)
  @IsDayOfWeek({ each: true })
  undesiredDays!: number[];

  @Field(() => [String], {
    defaultValue: [],
    description: `Shift template ids (${MAX_ID_LENGTH} characters at most).`,
  })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(MAX_ID_LENGTH, { each: true })
  desiredShifts!: string[];

  @Field(() => [String], {
    defaultValue: [],
    description: `Shift template ids (${MAX_ID_LENGTH} characters at most).`,
  })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(MAX_ID_LENGTH, { each: true })
  undesiredShifts!: string[];
}

@InputType()
export class CreateStaffInput {
  @Field({ description: `Unique; ${EMPLOYEE_NO_HINT}.` })
  @Matches(EMPLOYEE_NO, { message: `employeeNo must be ${EMPLOYEE_NO_HINT}` })
  employeeNo!: string;

  @Field()
  @Length(1, 100)
  @IsPlainText()
  name!: string;

  @Field(() => [String], { description: 'Known skills: channel required skills and `team_lead`.' })
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @Matches(SKILL, { each: true, message: 'each skill must be a-z, 0-9 or "_"' })
  skills!: string[];

  @Field(() => ContractInput)
  @ValidateNested()
  contract!: ContractInput;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(10_000)
  hourlyCost!: number;

  @Field(() => PreferencesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  preferences?: PreferencesInput | null;
}

@InputType()
export class UpdateStaffInput {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(EMPLOYEE_NO, { message: `employeeNo must be ${EMPLOYEE_NO_HINT}` })
  employeeNo?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  @IsPlainText()
  name?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @Matches(SKILL, { each: true, message: 'each skill must be a-z, 0-9 or "_"' })
  skills?: string[];

  @Field(() => ContractInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  contract?: ContractInput;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(10_000)
  hourlyCost?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => PreferencesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  preferences?: PreferencesInput;
}

/**
 * One staff row of an import; the same columns as the CSV/XLSX file, the contract's flat.
 * Checked by the import rules.
 */
@InputType()
export class StaffRowInput extends Contract {
  @Field()
  employeeNo!: string;

  @Field()
  name!: string;

  @Field(() => [String])
  skills!: string[];

  @Field(() => Float)
  hourlyCost!: number;

  @Field(() => Boolean, { nullable: true, description: 'Default true.' })
  active?: boolean | null;
}
