/**
 * Loads one week's master data through the services that own it (staff, availability and
 * shift templates from the staff feature; the previous week's published roster; the week's
 * CLOSED holidays) and builds the roster problem with the pure roster-problem-builder.ts.
 * Five reads, whatever the staff count.
 */
import type { AvailabilityService } from '../staff/availability.service';
import type { ShiftTemplateService } from '../staff/shift-template.service';
import type { StaffService } from '../staff/staff.service';
import type { HolidayService } from '../holidays/holiday.service';
import type { ChannelService } from '../channels/channel.service';
import { addDays } from '../common/calendar';
import { AppError } from '../errors';
import { ROSTER_PROBLEM_LIMITS } from './roster-problem-schema';
import {
  rosterProblemFromData,
  type BuiltProblem,
  type RosterSolveOptions,
  type WeekRequirement,
} from './roster-problem-builder';
import type { RosterService } from './roster.service';

export interface RosterProblemReaders {
  staff: Pick<StaffService, 'forRoster' | 'count'>;
  availability: Pick<AvailabilityService, 'storedFor'>;
  shiftTemplates: Pick<ShiftTemplateService, 'forRoster' | 'countActive'>;
  rosters: Pick<RosterService, 'published'>;
  holidays: Pick<HolidayService, 'closedInWeek'>;
  /** The skill catalogue: a passed requirement may name only these. */
  channels: Pick<ChannelService, 'knownSkills'>;
}

export class RosterProblemSource {
  /** `timeZone`: the site's, so the week's shifts are timed across clock changes (week-clock.ts). */
  constructor(
    private readonly readers: RosterProblemReaders,
    private readonly timeZone?: string,
  ) {}

  /** Skills a requirement may name: every channel's required skill and team_lead. */
  knownSkills(): Promise<string[]> {
    return this.readers.channels.knownSkills();
  }

  async load(week: string, requirement: WeekRequirement, options: RosterSolveOptions): Promise<BuiltProblem> {
    const { staff, availability, shiftTemplates, rosters, holidays } = this.readers;
    // counted before anything is read: a site past a cap (data older than it) fails here
    assertRosterList('staff', await staff.count({ active: true }));
    const people = await staff.forRoster();
    assertRosterList('staff', people.length);
    assertRosterList('shiftTemplates', await shiftTemplates.countActive());
    const templates = await shiftTemplates.forRoster();
    assertRosterList('shiftTemplates', templates.length);
    const patterns = await availability.storedFor(people.map((s) => s._id));
    const previous = await rosters.published(addDays(week, -7));
    const closedDates = await holidays.closedInWeek(week);
    return rosterProblemFromData({
      week,
      ...(this.timeZone ? { timeZone: this.timeZone } : {}),
      staff: people,
      availability: patterns,
      templates,
      requirement,
      previousAssignments: previous?.assignments ?? [],
      closedDates,
      options,
    });
  }
}

const WHAT = { staff: 'active staff', shiftTemplates: 'active shift templates' } as const;

/**
 * Refuses a week whose master data lists more people or templates than a roster problem may:
 * FAILED_PRECONDITION (the site's data, not the request, is at fault), before the problem is
 * built. Without it, 10,001 active people were read, given their availability and built into a
 * problem, and only then refused by the problem's schema.
 */
export function assertRosterList(list: keyof typeof WHAT, count: number): void {
  const limit = ROSTER_PROBLEM_LIMITS[list];
  if (count <= limit) return;
  throw new AppError(
    'FAILED_PRECONDITION',
    `The site has ${count} ${WHAT[list]}; a roster is planned for at most ${limit}: deactivate ${count - limit} first`,
    [{ field: list, message: `at most ${limit} ${WHAT[list]}, got ${count}` }],
  );
}
