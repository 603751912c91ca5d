import { Field, InputType, Int } from 'type-graphql';
import { IsClockTime, IsDayOfWeek } from './input-rules';
import type { DayWindow } from './time-window';

/**
 * The day and start of a weekly window input: a channel's opening hours, a person's weekly
 * availability. Each adds its own `to`, described for its use (a base only, not a type of
 * the schema).
 */
@InputType('WeekdayWindowStartInput')
export class WeekdayWindowStartInput implements Omit<DayWindow, 'to'> {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday.' })
  @IsDayOfWeek()
  dayOfWeek!: number;

  @Field({ description: '"HH:MM".' })
  @IsClockTime()
  from!: string;
}
