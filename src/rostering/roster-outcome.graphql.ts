/** GraphQL types of rosterOutcome (plan versus actual). */
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ISO_DATE, MAX_ID_LENGTH } from '../common/input-rules';
import type { OutcomeDay, OutcomeInterval, OutcomeTotals } from './roster-outcome.core';
import type { RosterOutcome as Outcome } from './roster-outcome.service';

@ObjectType({ description: 'One interval and skill: what arrived and how the rostered agents served it.' })
export class RosterOutcomeInterval implements OutcomeInterval {
  @Field()
  date!: string;

  @Field({
    description:
      'Local wall-clock start, YYYY-MM-DDTHH:MM:00 (site time zone), as every other interval and shift.',
  })
  start!: string;

  @Field()
  skill!: string;

  @Field(() => String, { description: 'LIVE or DEFERRED.' })
  kind!: OutcomeInterval['kind'];

  @Field(() => [String])
  channels!: string[];

  @Field(() => Float, { description: 'Actual arrivals.' })
  arrivals!: number;

  @Field(() => Float, { description: 'Agents on shift net of breaks.' })
  rosteredAgents!: number;

  @Field(() => Float, { description: 'Rostered agents × (1 − shrinkage).' })
  productiveAgents!: number;

  @Field(() => Float, { nullable: true, description: 'LIVE: achieved service level (Erlang C / A).' })
  serviceLevel!: number | null;

  @Field(() => Float, { nullable: true, description: 'LIVE: average speed of answer; null when unstable.' })
  asaSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'LIVE with a patience: share abandoning (Erlang A).' })
  abandonRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'DEFERRED: items open at the end of the interval.' })
  backlog!: number | null;

  @Field(() => Float, { nullable: true, description: 'DEFERRED: items past their deadline here.' })
  deadlineMisses!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Null when nothing arrived and nothing was due.' })
  metTarget!: boolean | null;
}

@ObjectType()
export class RosterOutcomeTotals implements OutcomeTotals {
  @Field(() => Float)
  liveArrivals!: number;

  @Field(() => Float)
  deferredArrivals!: number;

  @Field(() => Float, { nullable: true, description: 'Arrival-weighted service level of LIVE intervals.' })
  serviceLevel!: number | null;

  @Field(() => Float)
  deadlineMisses!: number;

  @Field(() => Float)
  labourCost!: number;

  @Field(() => Int)
  intervalsCounted!: number;

  @Field(() => Int)
  intervalsMeetingTarget!: number;

  @Field(() => Float, { nullable: true })
  shareMeetingTarget!: number | null;
}

@ObjectType()
export class RosterOutcomeDay extends RosterOutcomeTotals implements OutcomeDay {
  @Field()
  date!: string;

  @Field(() => Float, { description: 'DEFERRED items open at the end of the day.' })
  backlogAtEnd!: number;
}

@ObjectType({ description: 'A roster against the volumes that actually arrived (days with actuals only).' })
export class RosterOutcome implements Outcome {
  @Field(() => ID)
  rosterId!: string;

  @Field()
  week!: string;

  @Field(() => Int)
  intervalMinutes!: number;

  /** The field, with its `skill` and `date` arguments: RosterOutcomeResolver.intervals. */
  intervals!: RosterOutcomeInterval[];

  @Field(() => [RosterOutcomeDay])
  days!: RosterOutcomeDay[];

  @Field(() => RosterOutcomeTotals, { description: 'All days with actuals together.' })
  total!: RosterOutcomeTotals;
}

@ArgsType()
export class OutcomeIntervalArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Only this skill’s rows (its LIVE and DEFERRED channels). Given, the query cost counts 2 groups of rows instead of one per channel a site may hold.',
  })
  @IsOptional()
  @MaxLength(MAX_ID_LENGTH)
  skill?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only this day’s rows, YYYY-MM-DD. Given, the query cost counts one day’s slots instead of the week’s.',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'date must be YYYY-MM-DD' })
  date?: string | null;
}
