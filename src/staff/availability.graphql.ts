import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { DayWindow } from '../common/time-window';

/** Also the columns of an availability import row (AvailabilityRowInput extends it). */
@ObjectType({
  description: 'A recurring window: 1 = Monday … 7 = Sunday, "HH:MM" times (`to` may be "24:00").',
})
@InputType('WeeklyWindowColumnsInput')
export class WeeklyWindow implements DayWindow {
  @Field(() => Int)
  dayOfWeek!: number;

  @Field()
  from!: string;

  @Field()
  to!: string;
}

@ObjectType({
  description:
    'A dated change: leave or sickness (available false, no times = whole day; with times = that span), or extra availability (available true, with times).',
})
export class AvailabilityException {
  @Field({ description: 'YYYY-MM-DD.' })
  date!: string;

  @Field()
  available!: boolean;

  @Field(() => String, { nullable: true })
  from!: string | null;

  @Field(() => String, { nullable: true })
  to!: string | null;

  @Field()
  reason!: string;
}

@ObjectType({ description: 'When a staff member can work.' })
export class Availability {
  @Field(() => ID)
  staffId!: string;

  @Field(() => [WeeklyWindow])
  weekly!: WeeklyWindow[];

  @Field(() => [AvailabilityException])
  exceptions!: AvailabilityException[];

  @Field(() => Date, { nullable: true, description: 'Null when never set.' })
  updatedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'User who last changed it.' })
  updatedBy!: string | null;
}

@ObjectType({ description: 'Site-wide settings.' })
export class SiteSettings {
  @Field(() => String, {
    nullable: true,
    description: 'Agents may not change their availability on or before this date (YYYY-MM-DD).',
  })
  availabilityLockDate!: string | null;
}
