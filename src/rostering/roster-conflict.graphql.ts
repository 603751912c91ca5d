/** GraphQL types of conflicts after publishing and of roster repairs. */
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { MAX_ID_LENGTH } from '../common/input-rules';
import { MAX_PAGE_SIZE } from '../common/pagination';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { RosterConflictEvent as ConflictEvent, RosterConflictInfo } from '../events/topics';
import type { RosterFigures as Figures, RosterRepairInfo } from './roster-version.types';

@ObjectType({ description: 'A published assignment that current staff data breaks.' })
export class RosterConflict implements RosterConflictInfo {
  @Field(() => ID)
  staffId!: string;

  @Field({ description: 'Day of the shift, YYYY-MM-DD.' })
  date!: string;

  @Field(() => ID)
  shiftTemplateId!: string;

  @Field()
  start!: string;

  @Field()
  end!: string;

  @Field()
  skill!: string;

  @Field(() => String, { description: 'What changed: AVAILABILITY, DEACTIVATION or CONTRACT.' })
  cause!: RosterConflictInfo['cause'];

  @Field({
    description: 'The rule the shift now breaks (AVAILABILITY, SKILL, MAX_HOURS, STAFF_INACTIVE …).',
  })
  rule!: string;

  @Field()
  reason!: string;

  @Field(() => Date)
  detectedAt!: Date;
}

@ObjectType({ description: 'The open conflicts of a week’s published roster after a staff change.' })
export class RosterConflictEvent implements ConflictEvent {
  @Field(() => ID)
  rosterId!: string;

  @Field()
  week!: string;

  /** The field, with its `first` argument: RosterConflictEventResolver.conflicts. */
  conflicts!: RosterConflict[];

  @Field(() => Int, { description: 'Open conflicts of the roster, all of them.' })
  conflictCount!: number;

  @Field(() => Int, { description: 'Conflicts new with this change.' })
  added!: number;

  @Field(() => Date)
  at!: Date;
}

@ObjectType({ description: 'Coverage and cost of a roster.' })
export class RosterFigures implements Figures {
  @Field(() => Float, { nullable: true, description: 'Share of required agent-hours met, all skills.' })
  coveragePercent!: number | null;

  @Field(() => Float)
  underStaffedHours!: number;

  @Field(() => Float)
  labourCost!: number;
}

@ObjectType({ description: 'What a repair changed against the published roster.' })
export class RosterRepairInfoType implements RosterRepairInfo {
  @Field(() => ID)
  ofRosterId!: string;

  @Field(() => Int, { description: 'Shifts added plus shifts dropped.' })
  changedAssignments!: number;

  @Field(() => Int)
  addedAssignments!: number;

  @Field(() => Int)
  removedAssignments!: number;

  @Field(() => Int, { description: 'People whose shifts changed.' })
  changedStaff!: number;

  @Field(() => [String], { description: 'Days the repair was allowed to change.' })
  conflictDays!: string[];

  @Field({ description: 'True when whole weeks of conflicted people had to be opened.' })
  widened!: boolean;

  @Field(() => RosterFigures, { description: 'The published roster as planned.' })
  before!: RosterFigures;

  @Field(() => RosterFigures, { description: 'The published roster without its conflicted shifts.' })
  withoutConflicts!: RosterFigures;

  @Field(() => RosterFigures)
  after!: RosterFigures;
}

@InputType()
export class RepairOptionsInput {
  @Field(() => Float, { nullable: true, description: 'Solver time limit (default 30 s).' })
  @IsOptional()
  @Min(0.1)
  @Max(600)
  timeLimitSeconds?: number;

  @Field(() => Float, { nullable: true, description: 'Relative gap (default 0).' })
  @IsOptional()
  @Min(0)
  @Max(1)
  relativeGap?: number;
}

@ArgsType()
export class ConflictListArgs {
  @Field(() => Int, {
    defaultValue: 100,
    description: `The first this many, in shift order, at most ${MAX_PAGE_SIZE} (conflictCount counts them all). A roster may hold thousands; the query cost counts this many.`,
  })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first!: number;
}

@ArgsType()
export class RepairRosterArgs {
  @Field(() => ID)
  @MaxLength(MAX_ID_LENGTH)
  id!: string;

  @Field(() => RepairOptionsInput, { nullable: true })
  @IsOptional()
  options?: RepairOptionsInput;
}
