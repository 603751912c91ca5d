import { mondayOf, todayIn } from '../common/calendar';
import channelSeeds from '../../seeds/channels.json';
import templateSeeds from '../../seeds/shift-templates.json';
import { generateStaff } from '../../seeds/staff.generator';
import { seedAccounts, type SeedAccountsResult } from '../auth/seed-accounts';
import type { ChannelSpec } from '../channels/channel.service';
import { forecastModelsStep, volumeHistoryStep } from '../forecasting/forecast.seed';
import { holidayCalendarStep } from '../holidays/holiday.seed';
import { rankingHistoryStep } from '../ranking/ranking.seed';
import { ensureIndexes, type Services } from '../server/services';
import type { AvailabilityDoc } from '../staff/staff.model';

/**
 * The demo site, written by `npm run seed` and by `npm start` on an empty store.
 *
 * Idempotent: every record is upserted by its natural key (channel key, template name,
 * employeeNo) with a deterministic id (`channel-calls`, `template-early`, `staff-0001`) and
 * timestamps taken from the anchor date, so running it twice in the same week leaves the
 * same data. Leave is placed in the eight weeks from the anchor (default: this week's Monday).
 *
 * Later capabilities (volume history, model versions) add their own step to DEMO_SEED_STEPS.
 */
export interface SeedOptions {
  /** Drop every collection first (`npm run seed -- --reset`). */
  reset?: boolean;
  /** Monday `YYYY-MM-DD` the generated leave is relative to (default: the current week's Monday). */
  anchorDate?: string;
  /** Also load the volume history and train models (default true); false seeds master data and accounts only. */
  history?: boolean;
}

export interface SeedContext {
  anchorDate: string;
  /** Deterministic `createdAt` / `updatedAt` of seeded records. */
  at: Date;
  /** Staff id the demo `agent` account is linked to (set by the staff step). */
  agentStaffId: string | null;
  accounts: SeedAccountsResult | null;
}

export interface SeedStep {
  name: string;
  /** Part of the volume history / forecasting data (skipped with `history: false`). */
  history?: boolean;
  /** Writes its part; returns the number of records written. */
  run(services: Services, ctx: SeedContext): Promise<number>;
}

export interface SeedReport {
  reset: boolean;
  anchorDate: string;
  steps: { name: string; written: number }[];
  accounts: SeedAccountsResult | null;
}

/** Staff member the demo `agent` account belongs to. */
export const DEMO_AGENT_EMPLOYEE_NO = 'E0001';

const staffId = (employeeNo: string): string => `staff-${employeeNo.replace(/^E/, '')}`;

const channelsStep: SeedStep = {
  name: 'channels',
  run: (s, ctx) => s.channels.upsertByKey(channelSeeds as ChannelSpec[], (key) => `channel-${key}`, ctx.at),
};

const shiftTemplatesStep: SeedStep = {
  name: 'shift templates',
  run: (s) => s.shiftTemplates.upsertByName(templateSeeds, (name) => `template-${name.replace(/\s+/g, '-')}`),
};

const staffStep: SeedStep = {
  name: 'staff and availability',
  async run(s, ctx) {
    const site = generateStaff({ anchorDate: ctx.anchorDate });
    const ids = await s.staff.upsertByEmployeeNo(site.staff, staffId, ctx.at);
    const docs: AvailabilityDoc[] = site.availability.map((a) => ({
      _id: ids.get(a.employeeNo)!,
      staffId: ids.get(a.employeeNo)!,
      weekly: a.weekly,
      exceptions: a.exceptions,
      updatedAt: ctx.at,
      updatedBy: null,
    }));
    await s.availability.replaceMany(docs);
    ctx.agentStaffId = ids.get(DEMO_AGENT_EMPLOYEE_NO) ?? null;
    return site.staff.length;
  },
};

/** Ensures the demo accounts and links `agent` to its staff member (only when it has none yet). */
const accountsStep: SeedStep = {
  name: 'accounts',
  async run(s, ctx) {
    ctx.accounts = await seedAccounts(s.users, s.config, s.logger, ctx.agentStaffId);
    const agent = await s.users.findByUsername('agent');
    if (agent && agent.staffId === null && ctx.agentStaffId)
      await s.users.update(agent._id, { staffId: ctx.agentStaffId });
    return ctx.accounts.created.length;
  },
};

/** In order; later capabilities append theirs (e.g. volume history after channels). */
export const DEMO_SEED_STEPS: SeedStep[] = [
  channelsStep,
  shiftTemplatesStep,
  staffStep,
  accountsStep,
  holidayCalendarStep,
  volumeHistoryStep,
  forecastModelsStep,
  rankingHistoryStep,
];

export async function seedDemo(services: Services, options: SeedOptions = {}): Promise<SeedReport> {
  if (options.reset) {
    await services.store.dropAll();
    await ensureIndexes(services.store);
  }
  const anchorDate = mondayOf(options.anchorDate ?? todayIn(services.config.SITE_TIME_ZONE));
  const ctx: SeedContext = {
    anchorDate,
    at: new Date(`${anchorDate}T00:00:00Z`),
    agentStaffId: null,
    accounts: null,
  };
  const steps: SeedReport['steps'] = [];
  for (const step of DEMO_SEED_STEPS.filter((st) => options.history !== false || !st.history)) {
    steps.push({ name: step.name, written: await step.run(services, ctx) });
    services.logger.debug({ step: step.name, written: steps.at(-1)!.written }, 'seeded');
  }
  return { reset: options.reset ?? false, anchorDate, steps, accounts: ctx.accounts };
}
