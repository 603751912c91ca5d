import {
  Arg,
  Args,
  Authorized,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { CurrentViewer } from '../auth/current-viewer';
import { PLAN_READERS, PLANNERS, Role } from '../auth/roles';
import type { Viewer } from '../auth/request-context';
import { subscribeById } from '../events/keyed-subscription';
import { type RosterJobProgressEvent, type RosterPublishedEvent, TOPIC } from '../events/topics';
import { PlanWeekService } from './plan-week.service';
import {
  Roster,
  RosterAssignment,
  RosterCoverage,
  RosterJob,
  RosterJobProgress,
  RosterPublished,
  Timetable,
  UpdateAssignmentResult,
} from './roster.graphql';
import { RosterJobService, type RosterJobOptions } from './roster-job.service';
import {
  CoverageArgs,
  GenerateRosterArgs,
  RosterOptionsInput,
  UpdateAssignmentInput,
  WeekArgs,
} from './roster-inputs.graphql';
import { assertWeek, coverageOf, MAX_LISTED_ROSTERS, RosterService } from './roster.service';
import { MAX_REQUIREMENT_SKILLS } from './roster-requirement.validation';
import { warningCountOf } from './roster-warnings.core';
import { badInput } from '../errors';
import { PageArgs } from '../common/connection.graphql';
import { toConnection } from '../common/connection';
import { assignmentsOf, MAX_ROSTER_STAFF, staffWeeksOf } from './roster-assignments';
import { AssignmentArgs, RosterStaffWeekConnection } from './roster-assignments.graphql';

/** GraphQL options → job options (a passed requirement needs its interval). */
export function jobOptions(input: RosterOptionsInput | null | undefined): Partial<RosterJobOptions> {
  if (!input) return {};
  const { requirements, intervalMinutes, ...rest } = input;
  if (!requirements) return { ...rest, requirement: undefined };
  if (!intervalMinutes)
    throw badInput('options.intervalMinutes is required with options.requirements', [
      { field: 'options.intervalMinutes', message: 'required with requirements' },
    ]);
  return { ...rest, requirement: { intervalMinutes, requirements: requirements.map((r) => ({ ...r })) } };
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
    @CurrentViewer() viewer: Viewer,
  ): Promise<RosterJob> {
    return this.jobService.generate(week, jobOptions(options), viewer);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => RosterJob, {
    description:
      'Forecast every active channel, build the staffing requirement and solve the roster, in one job.',
  })
  planWeek(
    @Args() { week, options }: GenerateRosterArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<RosterJob> {
    return this.planWeekService.planWeek(week, jobOptions(options), viewer);
  }

  @Authorized(...PLANNERS)
  @Query(() => RosterJob)
  rosterJob(@Arg('id', () => ID) id: string): Promise<RosterJob> {
    return this.jobService.require(id);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => RosterJob, {
    description: 'Stops a queued or running job; a finished job is returned as is.',
  })
  cancelRosterJob(@Arg('id', () => ID) id: string): Promise<RosterJob> {
    return this.jobService.cancel(id);
  }

  @Authorized(...PLANNERS)
  @Subscription(() => RosterJobProgress, {
    subscribe: subscribeById(TOPIC.ROSTER_JOB_PROGRESS, 'jobId'),
    description:
      'Live progress of a roster job until its final state. Subscribe, then read rosterJob(id) to catch up on what came before. A job that does not exist: NOT_FOUND.',
  })
  rosterJobProgress(
    @Arg('jobId', () => ID) _jobId: string,
    @Root() event: RosterJobProgressEvent,
  ): RosterJobProgress {
    return event;
  }

  @Authorized(...PLAN_READERS)
  @Query(() => Roster, { description: 'SERVICE_PROVIDER: PUBLISHED rosters only.' })
  roster(@Arg('id', () => ID) id: string, @CurrentViewer() viewer: Viewer): Promise<Roster> {
    return this.rosterService.get(id, viewer);
  }

  @Authorized(...PLAN_READERS)
  @Query(() => [Roster], {
    description: `The week’s newest ${MAX_LISTED_ROSTERS} versions, newest first. SERVICE_PROVIDER: PUBLISHED only.`,
  })
  rosters(@Args() { week }: WeekArgs, @CurrentViewer() viewer: Viewer): Promise<Roster[]> {
    return this.rosterService.list(week, viewer);
  }

  @FieldResolver(() => [RosterCoverage], {
    description: `Required, scheduled and on-break agents per interval, one entry per skill of the requirement (at most ${MAX_REQUIREMENT_SKILLS}).`,
  })
  coverage(@Root() roster: Roster, @Args() { skill }: CoverageArgs): RosterCoverage[] {
    return coverageOf(roster, skill);
  }

  @FieldResolver(() => [RosterAssignment], {
    description: `The shifts, in start order: of one person (staffId) or one day (date) when asked. A roster may hold one shift a day for each of ${MAX_ROSTER_STAFF} people, and the query cost counts that many unless narrowed: read a whole roster with staffWeeks.`,
  })
  assignments(@Root() roster: Roster, @Args() filter: AssignmentArgs): RosterAssignment[] {
    return assignmentsOf(roster, filter);
  }

  @FieldResolver(() => Int, { description: 'Shifts of the roster, all of them.' })
  assignmentCount(@Root() roster: Roster): number {
    return roster.assignments.length;
  }

  @FieldResolver(() => RosterStaffWeekConnection, {
    description:
      'The rostered people in staff id order, a page at a time, each with their shifts of the week (the query cost counts a week for each of `first`).',
  })
  staffWeeks(@Root() roster: Roster, @Args() page: PageArgs): RosterStaffWeekConnection {
    return toConnection(staffWeeksOf(roster, page));
  }

  @FieldResolver(() => Int, { description: 'Soft issues found by the checker, all of them.' })
  warningCount(@Root() roster: Roster): number {
    return warningCountOf(roster);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => Roster, {
    description: 'Publishes a DRAFT; the week’s previously published version becomes SUPERSEDED.',
  })
  publishRoster(@Arg('id', () => ID) id: string, @CurrentViewer() viewer: Viewer): Promise<Roster> {
    return this.rosterService.publish(id, viewer);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => UpdateAssignmentResult, {
    description:
      'Adds, moves, removes or swaps shifts of a DRAFT. A hard-rule break is refused (BAD_USER_INPUT, nothing saved); soft issues come back as warnings. Edits of one roster apply one at a time, in order; past 8 waiting (per roster or per user) RATE_LIMITED.',
  })
  updateAssignment(
    @Arg('rosterId', () => ID) rosterId: string,
    @Arg('input') input: UpdateAssignmentInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<UpdateAssignmentResult> {
    return this.rosterService.updateAssignment(rosterId, input, viewer);
  }

  @Authorized(Role.AGENT)
  @Query(() => Timetable, {
    nullable: true,
    description: 'The caller’s own shifts in the week’s PUBLISHED roster; null when none is published.',
  })
  myTimetable(@Args() { week }: WeekArgs, @CurrentViewer() viewer: Viewer): Promise<Timetable | null> {
    return this.rosterService.myTimetable(week, viewer);
  }

  @Authorized(...PLAN_READERS, Role.AGENT)
  @Subscription(() => RosterPublished, {
    subscribe: subscribeById(TOPIC.ROSTER_PUBLISHED, 'week', assertWeek),
    description: 'Fires when a roster of the week is published (agents: then read myTimetable).',
  })
  rosterPublished(@Args() _args: WeekArgs, @Root() event: RosterPublishedEvent): RosterPublished {
    return event;
  }
}
