import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CurrentViewer } from '../auth/current-viewer';
import { PageArgs } from '../common/connection.graphql';
import { PLAN_READERS, Role } from '../auth/roles';
import { User } from '../auth/user.graphql';
import type { RequestContext, Viewer } from '../auth/request-context';
import { Availability } from './availability.graphql';
import { AvailabilityService } from './availability.service';
import {
  CreateStaffInput,
  MAX_IMPORT_ROWS_PER_REQUEST,
  StaffRowInput,
  UpdateStaffInput,
} from './staff-inputs.graphql';
import type { StaffDoc } from './staff.doc';
import { StaffService } from './staff.service';
import { ImportResult, Staff, StaffConnection, StaffListArgs } from './staff.graphql';

@Resolver(() => Staff)
export class StaffResolver {
  constructor(
    private readonly staffService: StaffService,
    private readonly availabilityService: AvailabilityService,
  ) {}

  @Authorized(...PLAN_READERS)
  @Query(() => StaffConnection, {
    description: 'Staff ordered by employee number; filter by skill, active, text.',
  })
  staff(@Args() { filter }: StaffListArgs, @Args() page: PageArgs): Promise<StaffConnection> {
    return this.staffService.list(filter ?? {}, page);
  }

  @Authorized(...PLAN_READERS, Role.AGENT)
  @Query(() => Staff, { description: 'One staff member; an AGENT may read only their own record.' })
  staffMember(@Arg('id', () => ID) id: string, @CurrentViewer() viewer: Viewer): Promise<Staff> {
    return this.staffService.requireVisible(id, viewer);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => Staff)
  createStaff(@Arg('input') input: CreateStaffInput): Promise<Staff> {
    return this.staffService.create(input);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => Staff)
  updateStaff(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateStaffInput): Promise<Staff> {
    return this.staffService.update(id, input);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => Staff, { description: 'Takes the person out of planning; the record stays.' })
  deactivateStaff(@Arg('id', () => ID) id: string): Promise<Staff> {
    return this.staffService.deactivate(id);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => ImportResult, {
    description: `Upserts staff by employeeNo, all or nothing; errors name the row (1-based position in rows). At most ${MAX_IMPORT_ROWS_PER_REQUEST} rows.`,
  })
  importStaff(@Arg('rows', () => [StaffRowInput]) rows: StaffRowInput[]): Promise<ImportResult> {
    return this.staffService.importRows(rows);
  }

  @FieldResolver(() => Availability, { description: 'Batched per request.' })
  availability(@Root() staff: StaffDoc, @Ctx() ctx: RequestContext): Promise<Availability> {
    return this.availabilityService.load(ctx.loaders, staff._id);
  }

  @Authorized(Role.MANAGER)
  @FieldResolver(() => User, { nullable: true, description: 'The account linked to this person (batched).' })
  user(@Root() staff: StaffDoc, @Ctx() ctx: RequestContext): Promise<User | null> {
    return this.staffService.loadUser(ctx.loaders, staff._id);
  }
}
