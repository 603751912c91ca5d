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
import { PLAN_READERS, PLANNERS } from '../auth/roles';
import type { Viewer } from '../auth/request-context';
import { subscribeById } from '../events/keyed-subscription';
import { type RosterConflictEvent as ConflictEvent, TOPIC } from '../events/topics';
import { Roster } from './roster.graphql';
import {
  ConflictListArgs,
  RepairRosterArgs,
  RosterConflict,
  RosterConflictEvent,
  RosterRepairInfoType,
} from './roster-conflict.graphql';
import type { RosterDoc } from './roster.doc';
import { RosterOutcomeService } from './roster-outcome.service';
import { OutcomeIntervalArgs, RosterOutcome, RosterOutcomeInterval } from './roster-outcome.graphql';
import { outcomeRows } from './roster-outcome.core';
import { conflictCountOf, conflictsOf } from './roster-conflict.service';
import { RosterRepairService } from './roster-repair.service';
import { RosterRepair } from './roster-repair.graphql';
import { WeekArgs } from './roster-inputs.graphql';
import { assertWeek } from './roster.service';
import type { KeyedLanes } from '../common/keyed-lanes';
import { MAX_PAGE_SIZE } from '../common/pagination';

/** After publishing: conflicts (fields on Roster, rosterConflict), repairRoster and rosterOutcome. */
@Resolver(() => Roster)
export class RosterConflictResolver {
  constructor(
    private readonly repairService: RosterRepairService,
    private readonly outcomeService: RosterOutcomeService,
    /** The caller's heavy reads, a few at a time (an outcome replays the week's intervals). */
    private readonly heavyReads: KeyedLanes,
  ) {}

  @FieldResolver(() => [RosterConflict], {
    description: 'Published assignments that current staff data breaks (leave, availability, contract).',
  })
  conflicts(@Root() roster: RosterDoc, @Args() { first }: ConflictListArgs): RosterConflict[] {
    return conflictsOf(roster, first);
  }

  @FieldResolver(() => Int, { description: 'Open conflicts, all of them.' })
  conflictCount(@Root() roster: RosterDoc): number {
    return conflictCountOf(roster);
  }

  @FieldResolver(() => RosterRepairInfoType, {
    nullable: true,
    description: 'Set on a DRAFT made by repairRoster.',
  })
  repair(@Root() roster: RosterDoc): RosterRepairInfoType | null {
    return roster.repair ?? null;
  }

  @Authorized(...PLANNERS)
  @Mutation(() => RosterRepair, {
    description:
      'Re-solves a PUBLISHED week with conflicts: unaffected assignments fixed, only conflicted days change; returns a DRAFT.',
  })
  repairRoster(
    @Args() { id, options }: RepairRosterArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<RosterRepair> {
    return this.repairService.repair(id, options ?? {}, viewer);
  }

  @Authorized(...PLANNERS)
  @Subscription(() => RosterConflictEvent, {
    subscribe: subscribeById(TOPIC.ROSTER_CONFLICT, 'week', assertWeek),
    description: 'Fires when a staff change opens or closes conflicts on the week’s published roster.',
  })
  rosterConflict(@Args() _args: WeekArgs, @Root() event: ConflictEvent): RosterConflictEvent {
    return event;
  }

  @Authorized(...PLAN_READERS)
  @Query(() => RosterOutcome, {
    description:
      'Plan versus actual for the days of the roster’s week with actual volumes. SERVICE_PROVIDER: PUBLISHED rosters only. A heavy read: a user’s run two at a time, six at most (then RATE_LIMITED).',
  })
  rosterOutcome(
    @Arg('rosterId', () => ID) rosterId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<RosterOutcome> {
    return this.heavyReads.run(viewer.userId, viewer.userId, () =>
      this.outcomeService.outcome(rosterId, viewer),
    );
  }
}

/** An outcome's rows, of one skill or day when asked (the query cost counts fewer then). */
@Resolver(() => RosterOutcome)
export class RosterOutcomeResolver {
  @FieldResolver(() => [RosterOutcomeInterval], {
    description: 'One row per slot of the days with actuals and (skill, kind) of the active channels.',
  })
  intervals(
    @Root() outcome: RosterOutcome,
    @Args() { skill, date }: OutcomeIntervalArgs,
  ): RosterOutcomeInterval[] {
    return outcomeRows(outcome.intervals, skill, date);
  }
}

/** A conflict event's list, its first `first` (the query cost counts that many). */
@Resolver(() => RosterConflictEvent)
export class RosterConflictEventResolver {
  @FieldResolver(() => [RosterConflict], {
    description: `The roster's open conflicts in shift order: the first \`first\` of at most ${MAX_PAGE_SIZE} the event carries (conflictCount counts them all).`,
  })
  conflicts(@Root() event: ConflictEvent, @Args() { first }: ConflictListArgs): RosterConflict[] {
    return conflictsOf(event, first);
  }
}
