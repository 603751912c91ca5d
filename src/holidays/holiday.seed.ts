import holidayFile from '../../seeds/holidays.json';
import type { SeedStep } from '../seed/demo-seed';

/** The demo site's bank holidays (seeds/holidays.json), CLOSED; existing entries are kept. */
export const holidayCalendarStep: SeedStep = {
  name: 'holiday calendar',
  run: (s) =>
    s.holidays.seed(
      holidayFile.dates.map((d) => ({ date: d.date, name: d.name, effect: 'CLOSED' as const })),
    ),
};
