import { accountsSeedStep, type SeedAccountsResult } from '../auth/seed-accounts';
import { channelSeedStep } from '../channels/channel.seed';
import { clip } from '../common/bounded';
import { dateArgumentProblem, isIsoDate, mondayOf, todayIn } from '../common/calendar';
import type { SeedContext, SeedStep } from '../common/seed-step';
import { badInput } from '../errors';
import {
  forecastModelsSeedStep,
  forecastRunsSeedStep,
  volumeHistorySeedStep,
} from '../forecasting/forecast.seed';
import { holidayCalendarSeedStep } from '../holidays/holiday.seed';
import { openingHoursRequirement, rankingHistorySeedStep, type SiteWeeks } from '../ranking/ranking.seed';
import { parseRosterProblem } from '../rostering/roster-problem.validation';
import { DEFAULT_JOB_OPTIONS } from '../rostering/roster-job.service';
import { ensureIndexes, type Services } from '../server/services';
import { shiftTemplateSeedStep, staffSeedStep } from '../staff/staff.seed';
import { DEMO_SEED_DATA, type DemoSeedData } from './seed-data';

/**
 * The demo site, written by `npm run seed` and by `npm start` on an empty store.
 *
 * Idempotent: every record is upserted by its natural key (channel key, template name,
 * employeeNo) with a deterministic id (`channel-calls`, `template-early`, `staff-0001`) and
 * timestamps taken from the anchor date, so running it twice in the same week leaves the
 * same data. Leave is placed in the eight weeks from the anchor (default: this week's Monday).
 *
 * Each feature builds its own step (see `demoSeedSteps`); the seed data comes from ./seed-data.ts.
 */
export interface SeedOptions {
  /** Drop every collection first (`npm run seed -- --reset`). */
  reset?: boolean;
  /** Monday `YYYY-MM-DD` the generated leave is relative to (default: the current week's Monday). */
  anchorDate?: string;
  /** Also load the volume history and train models (default true); false seeds master data and accounts only. */
  history?: boolean;
}

export interface SeedReport {
  reset: boolean;
  anchorDate: string;
  steps: { name: string; written: number }[];
  accounts: SeedAccountsResult | null;
}

/**
 * The demo seed's steps in order, each built by its feature from its own services (features
 * register here; none imports the runner). `onAccounts` receives what the accounts step created.
 */
export function demoSeedSteps(
  s: Services,
  onAccounts: (result: SeedAccountsResult) => void = () => undefined,
  data: DemoSeedData = DEMO_SEED_DATA,
): SeedStep[] {
  return [
    channelSeedStep(s.channels, data.channels),
    shiftTemplateSeedStep(s.shiftTemplates, data.shiftTemplates),
    staffSeedStep(s.staff, s.availability, data.site),
    accountsSeedStep(s.users, s.config, s.logger, onAccounts),
    holidayCalendarSeedStep(s.holidays, data.holidays),
    volumeHistorySeedStep(s.volumes, data.historyCsv),
    forecastModelsSeedStep(s.channels, s.volumes, s.models),
    forecastRunsSeedStep(s.channels, s.models, s.forecasts),
    rankingHistorySeedStep(s.rosters, s.rankers, s.ranking, demoSiteWeeks(s)),
  ];
}

/** The demo site's weeks for the ranking history: its master data, a requirement over its opening hours. */
function demoSiteWeeks(s: Services): SiteWeeks {
  return {
    requirement: async () => {
      const holders = new Map<string, number>();
      for (const p of await s.staff.forRoster())
        for (const skill of p.skills) holders.set(skill, (holders.get(skill) ?? 0) + 1);
      return openingHoursRequirement(await s.channels.listActive(), holders);
    },
    problem: async (week, requirement) =>
      parseRosterProblem((await s.rosterProblems.load(week, requirement, DEFAULT_JOB_OPTIONS)).problem),
  };
}

/**
 * Anchors the seed accepts: its history lies in the years before, its leave in the weeks
 * after, and both must stay inside four-digit years.
 */
export const ANCHOR_RANGE = { from: '1971-01-04', to: '2999-12-30' } as const;

/** Why `date` cannot anchor the seed (the message names the option `name`), or null. */
export function anchorDateProblem(date: string, name = 'anchorDate'): string | null {
  if (dateArgumentProblem(date) === 'a date YYYY-MM-DD')
    return `${name} must be a real date YYYY-MM-DD, got "${clip(date, 40)}"`;
  if (!isIsoDate(date) || date < ANCHOR_RANGE.from || date > ANCHOR_RANGE.to)
    return `${name} must be between ${ANCHOR_RANGE.from} and ${ANCHOR_RANGE.to}, got ${date}`;
  return null;
}

export async function seedDemo(services: Services, options: SeedOptions = {}): Promise<SeedReport> {
  // checked before anything is dropped or written: a bad date used to fail after the reset
  const problem = options.anchorDate === undefined ? null : anchorDateProblem(options.anchorDate);
  if (problem) throw badInput(problem, [{ field: 'anchorDate', message: problem }]);
  if (options.reset) {
    await services.store.dropAll();
    await ensureIndexes(services.store);
  }
  const anchorDate = mondayOf(options.anchorDate ?? todayIn(services.config.SITE_TIME_ZONE));
  const ctx: SeedContext = { anchorDate, at: new Date(`${anchorDate}T00:00:00Z`), agentStaffId: null };
  let accounts: SeedAccountsResult | null = null;
  const steps: SeedReport['steps'] = [];
  for (const step of demoSeedSteps(services, (r) => (accounts = r))) {
    if (options.history === false && step.history) continue;
    const written = await step.run(ctx);
    steps.push({ name: step.name, written });
    services.logger.debug({ step: step.name, written }, 'seeded');
  }
  return { reset: options.reset ?? false, anchorDate, steps, accounts };
}
