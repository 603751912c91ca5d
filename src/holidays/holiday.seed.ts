import type { SeedStep } from '../common/seed-step';
import type { HolidayService } from './holiday.service';

/** The demo site's bank holidays, CLOSED; existing entries are kept. */
export const holidayCalendarSeedStep = (
  holidays: HolidayService,
  dates: readonly { date: string; name: string }[],
): SeedStep => ({
  name: 'holiday calendar',
  run: () => holidays.seed(dates.map((d) => ({ date: d.date, name: d.name, effect: 'CLOSED' as const }))),
});
