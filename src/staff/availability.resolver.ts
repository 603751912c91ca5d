import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CurrentViewer } from '../auth/current-viewer';
import { PLAN_READERS, Role, SIGNED_IN } from '../auth/roles';
import type { RequestContext, Viewer } from '../auth/request-context';
import { PageArgs } from '../common/connection.graphql';
import {
  AvailabilityInput,
  AvailabilityRowInput,
  AvailableStaffArgs,
  SetAvailabilityArgs,
} from './availability-inputs.graphql';
import { AvailabilityService } from './availability.service';
import { Availability } from './availability.graphql';
import { ImportResult, StaffConnection } from './staff.graphql';
import { MAX_ACTIVE_STAFF } from './active-staff-cap';
import { MAX_IMPORT_ROWS_PER_REQUEST } from './staff-inputs.graphql';

@Resolver(() => Availability)
export class AvailabilityResolver {
  constructor(private readonly availabilityService: AvailabilityService) {}

  @Authorized(...PLAN_READERS, Role.AGENT)
  @Query(() => Availability, { description: 'An AGENT may read only their own.' })
  availability(
    @Arg('staffId', () => ID) staffId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Availability> {
    return this.availabilityService.get(staffId, viewer);
  }

  @Authorized(Role.AGENT)
  @Query(() => Availability, { description: 'The availability of the staff member linked to the caller.' })
  myAvailability(@CurrentViewer() viewer: Viewer): Promise<Availability> {
    return this.availabilityService.mine(viewer);
  }

  @Authorized(...PLAN_READERS)
  @Query(() => StaffConnection, {
    description: `Active staff (with the skill) available for the whole window on the date, by employee number, a page at a time: a site may have ${MAX_ACTIVE_STAFF} active people.`,
  })
  availableStaff(
    @Args() query: AvailableStaffArgs,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<StaffConnection> {
    return this.availabilityService.availableStaff(query, page, ctx.loaders);
  }

  @Authorized(SIGNED_IN)
  @Query(() => String, {
    nullable: true,
    description: 'Agents may not change availability on or before this date.',
  })
  availabilityLockDate(): Promise<string | null> {
    return this.availabilityService.lockDate();
  }

  @Authorized(Role.MANAGER, Role.AGENT)
  @Mutation(() => Availability, {
    description:
      'Replaces weekly windows and exceptions. An AGENT: own only, nothing on or before the lock date.',
  })
  setAvailability(
    @Args() { staffId, input }: SetAvailabilityArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Availability> {
    return this.availabilityService.set(staffId, input, viewer);
  }

  @Authorized(Role.AGENT)
  @Mutation(() => Availability, { description: 'setAvailability for the caller’s own staff record.' })
  setMyAvailability(
    @Arg('input') input: AvailabilityInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Availability> {
    return this.availabilityService.setMine(viewer, input);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => String, {
    nullable: true,
    description: 'Sets (or clears, with null) the availability lock date.',
  })
  setAvailabilityLockDate(
    @Arg('date', () => String, { nullable: true }) date: string | null,
  ): Promise<string | null> {
    return this.availabilityService.setLockDate(date);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => ImportResult, {
    description: `Replaces the weekly windows of every person in rows, all or nothing; errors name the row (1-based). At most ${MAX_IMPORT_ROWS_PER_REQUEST} rows.`,
  })
  importAvailability(
    @Arg('rows', () => [AvailabilityRowInput]) rows: AvailabilityRowInput[],
    @CurrentViewer() viewer: Viewer,
  ): Promise<ImportResult> {
    return this.availabilityService.importRows(rows, viewer);
  }
}
