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
import {
  rosterProblemFromData,
  type BuiltProblem,
  type RosterSolveOptions,
  type WeekRequirement,
} from './roster-problem-builder';
import type { RosterService } from './roster.service';

export interface RosterProblemReaders {
  staff: Pick<StaffService, 'forRoster'>;
  availability: Pick<AvailabilityService, 'storedFor'>;
  shiftTemplates: Pick<ShiftTemplateService, 'forRoster'>;
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
    const people = await staff.forRoster();
    const patterns = await availability.storedFor(people.map((s) => s._id));
    const templates = await shiftTemplates.forRoster();
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
