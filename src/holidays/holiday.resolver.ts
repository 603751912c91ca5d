import { Arg, Args, Authorized, Mutation, Query, Resolver } from 'type-graphql';
import { CurrentViewer } from '../auth/current-viewer';
import { PLAN_READERS, Role } from '../auth/roles';
import type { Viewer } from '../auth/request-context';
import { HolidayInput, HolidayRangeArgs } from './holiday-inputs.graphql';
import { HolidayService } from './holiday.service';
import { Holiday } from './holiday.graphql';

@Resolver(() => Holiday)
export class HolidayResolver {
  constructor(private readonly holidayService: HolidayService) {}

  @Authorized(...PLAN_READERS)
  @Query(() => [Holiday], { description: "The site's holiday calendar, from ≤ date < to." })
  holidays(@Args() { from, to }: HolidayRangeArgs): Promise<Holiday[]> {
    return this.holidayService.between(from, to);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => Holiday, { description: 'Creates or replaces the holiday of a date.' })
  setHoliday(@Arg('input') input: HolidayInput, @CurrentViewer() viewer: Viewer): Promise<Holiday> {
    return this.holidayService.set(input, viewer.userId);
  }

  @Authorized(Role.MANAGER)
  @Mutation(() => Boolean, { description: 'Removes the holiday of a date (NOT_FOUND if there is none).' })
  deleteHoliday(@Arg('date') date: string): Promise<boolean> {
    return this.holidayService.remove(date);
  }
}
