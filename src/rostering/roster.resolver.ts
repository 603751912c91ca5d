import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { PLAN_READERS, PLANNERS, Role } from '../auth/roles';
import type { RequestContext } from '../auth/request-context';
import { type RosterJobProgressEvent, type RosterPublishedEvent, TOPIC } from '../events/topics';
import { PlanWeekService } from './plan-week.service';
import {
  Roster,
  RosterJob,
  RosterJobProgress,
  RosterPublished,
  Timetable,
  UpdateAssignmentResult,
} from './roster-api.types';
import { RosterJobService, type RosterJobOptions } from './roster-job.service';
import { GenerateRosterArgs, RosterOptionsInput, UpdateAssignmentInput, WeekArgs } from './roster.inputs';
import { RosterService } from './roster.service';
import { badInput } from '../errors';

/** GraphQL options → job options (a passed requirement needs its interval). */
export function jobOptions(input: RosterOptionsInput | null | undefined): Partial<RosterJobOptions> {
  if (!input) return {};
  const { requirements, intervalMinutes, ...rest } = input;
  if (requirements && !intervalMinutes)
    throw badInput('options.intervalMinutes is required with options.requirements', [
      { field: 'options.intervalMinutes', message: 'required with requirements' },
    ]);
  return {
    ...rest,
    requirement: requirements
      ? { intervalMinutes: intervalMinutes!, requirements: requirements.map((r) => ({ ...r })) }
      : undefined,
  };
}

@Resolver(() => Roster)
export class RosterResolver {
  constructor(
    private readonly rosterService: RosterService,
    private readonly jobService: RosterJobService,
    private readonly planWeekService: PlanWeekService,
  ) {}

  @Authorized(...PLANNERS)
  @Mutation(() => RosterJob, {
    description: 'Starts solving the week’s roster in the background; follow it with rosterJobProgress.',
  })
  generateRoster(
    @Args() { week, options }: GenerateRosterArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<RosterJob> {
    return this.jobService.generate(week, jobOptions(options), ctx.viewer!) as Promise<RosterJob>;
  }

  @Authorized(...PLANNERS)
  @Mutation(() => RosterJob, {
    description:
      'Forecast every active channel, build the staffing requirement and solve the roster, in one job.',
  })
  planWeek(@Args() { week, options }: GenerateRosterArgs, @Ctx() ctx: RequestContext): Promise<RosterJob> {
    return this.planWeekService.planWeek(week, jobOptions(options), ctx.viewer!) as Promise<RosterJob>;
  }

  @Authorized(...PLANNERS)
  @Query(() => RosterJob)
  rosterJob(@Arg('id', () => ID) id: string): Promise<RosterJob> {
    return this.jobService.require(id) as Promise<RosterJob>;
  }

  @Authorized(...PLANNERS)
  @Mutation(() => RosterJob, {
    description: 'Stops a queued or running job; a finished job is returned as is.',
  })
  cancelRosterJob(@Arg('id', () => ID) id: string): Promise<RosterJob> {
    return this.jobService.cancel(id) as Promise<RosterJob>;
  }

  @Authorized(...PLANNERS)
  @Subscription(() => RosterJobProgress, {
    topics: TOPIC.ROSTER_JOB_PROGRESS,
    topicId: ({ args }) => args.jobId,
    description:
      'Live progress of a roster job until its final state. Subscribe, then read rosterJob(id) to catch up on what came before.',
  })
  rosterJobProgress(
    @Arg('jobId', () => ID) _jobId: string,
    @Root() event: RosterJobProgressEvent,
  ): RosterJobProgress {
    return event as RosterJobProgress;
  }

  @Authorized(...PLAN_READERS)
  @Query(() => Roster, { description: 'SERVICE_PROVIDER: PUBLISHED rosters only.' })
  roster(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Roster> {
    return this.rosterService.get(id, ctx.viewer) as Promise<Roster>;
  }

  @Authorized(...PLAN_READERS)
  @Query(() => [Roster], {
    description: 'Every version of the week, newest first. SERVICE_PROVIDER: PUBLISHED only.',
  })
  rosters(@Args() { week }: WeekArgs, @Ctx() ctx: RequestContext): Promise<Roster[]> {
    return this.rosterService.list(week, ctx.viewer) as Promise<Roster[]>;
  }

  @Authorized(...PLANNERS)
  @Mutation(() => Roster, {
    description: 'Publishes a DRAFT; the week’s previously published version becomes SUPERSEDED.',
  })
  publishRoster(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Roster> {
    return this.rosterService.publish(id, ctx.viewer!) as Promise<Roster>;
  }

  @Authorized(...PLANNERS)
  @Mutation(() => UpdateAssignmentResult, {
    description:
      'Adds, moves, removes or swaps shifts of a DRAFT. A hard-rule break is refused (BAD_USER_INPUT, nothing saved); soft issues come back as warnings.',
  })
  updateAssignment(
    @Arg('rosterId', () => ID) rosterId: string,
    @Arg('input') input: UpdateAssignmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UpdateAssignmentResult> {
    return this.rosterService.updateAssignment(
      rosterId,
      input,
      ctx.viewer!,
    ) as Promise<UpdateAssignmentResult>;
  }

  @Authorized(Role.AGENT)
  @Query(() => Timetable, {
    nullable: true,
    description: 'The caller’s own shifts in the week’s PUBLISHED roster; null when none is published.',
  })
  myTimetable(@Args() { week }: WeekArgs, @Ctx() ctx: RequestContext): Promise<Timetable | null> {
    return this.rosterService.myTimetable(week, ctx.viewer!);
  }

  @Authorized(...PLAN_READERS, Role.AGENT)
  @Subscription(() => RosterPublished, {
    topics: TOPIC.ROSTER_PUBLISHED,
    topicId: ({ args }) => args.week,
    description: 'Fires when a roster of the week is published (agents: then read myTimetable).',
  })
  rosterPublished(@Args() _args: WeekArgs, @Root() event: RosterPublishedEvent): RosterPublished {
    return event;
  }
}
