/** GraphQL types and arguments of a roster's shifts: narrowed, or a page of people's weeks. */
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.graphql';
import { ISO_DATE, MAX_ID_LENGTH } from '../common/input-rules';
import { MAX_ROSTER_STAFF, type StaffWeek } from './roster-assignments';
import { RosterAssignment } from './roster.graphql';

@ArgsType()
export class AssignmentArgs {
  @Field(() => ID, {
    nullable: true,
    description: `Only this person’s shifts. Given, the query cost counts a week of one person’s instead of ${MAX_ROSTER_STAFF} people’s.`,
  })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH)
  staffId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only the shifts starting on this day, YYYY-MM-DD. Given, the query cost counts one day’s.',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'date must be YYYY-MM-DD' })
  date?: string | null;
}

@ObjectType({ description: 'One person’s shifts of a roster’s week.' })
export class RosterStaffWeek implements StaffWeek {
  @Field(() => ID)
  staffId!: string;

  @Field(() => [RosterAssignment], { description: 'At most one a day, in day order.' })
  assignments!: RosterAssignment[];
}

@ObjectType()
export class RosterStaffWeekConnection extends Connection(RosterStaffWeek, 'RosterStaffWeek') {}
