/**
 * Staffing plans from stored forecasts: per channel (`channelPlan`), per skill for the
 * roster optimiser (`skillPlan`, `requirementForWeek`), what-if scenarios (`scenario`) and
 * the stand-alone Erlang calculator.
 *
 * Orchestration only: it reads the channel (ChannelService) and a forecast
 * (ForecastService), lays the forecast onto the week's wall-clock slots (see
 * week-slots.ts for the daylight-saving rule) and hands arrays to the pure core
 * (staffing-plan.core.ts, staffing-scenario.core.ts, skill-requirement.core.ts).
 *
 * Which forecast: the one named by `forecastId`, or else the most recently created forecast
 * of the channel whose [start, end) covers the whole week. Without `week`, a named forecast
 * is planned for the first whole week (Monday 00:00 local) it covers.
 *
 * DEFERRED channels: every view (`channelPlan`, `scenario`, `weekPlans`, `skillPlan`) plans
 * them with their skill's pooled workload LP (workload-plan.service.ts) and shows a
 * channel's share of it (workload-share.core.ts), so a channel's numbers add up to its
 * skill's requirement. The closed-form spread (deferred-workload.core.ts) is the baseline
 * of `npm run bench:plan` only.
 *
 * Totals: staff hours are wall-clock slot hours (a repeated fall-back hour is counted once,
 * a skipped spring-forward hour not at all, as the roster sees them). Weekly FTE = weekly
 * staff hours / full-time week (default 37.5 h); daily FTE = day staff hours / a full-time
 * day of one fifth of that week (7.5 h).
 */
import type { Channel } from '../channels/channel.types';
import type { ChannelService } from '../channels/channel.service';
import { AppError, badInput, isAppError, notFound, type ErrorLocation } from '../errors';
import { localDateOf } from '../common/time-zone';
import type { ForecastRun } from '../forecasting/forecast.types';
import type { ForecastService } from '../forecasting/forecast.service';
import type { HolidayService } from '../holidays/holiday.service';
import type { DocumentStore } from '../store/document-store';
import { erlangCalculator, type ErlangCalculation, type ErlangCalculatorInput } from './erlang-calculator';
import { sumBySkill } from './skill-requirement.core';
import {
  assertChannel,
  channelStaffing,
  DEFAULT_FULL_TIME_HOURS_PER_WEEK,
  staffHoursToFte,
  type ChannelPlan,
  type StaffingChannel,
  type StaffingOptions,
} from './staffing-plan.core';
import { applyOverrides, compareScenario, type ScenarioOverrides } from './staffing-scenario.core';
import {
  previousWeek,
  WorkloadPlanner,
  type ChannelCarryIn,
  type DeferredInput,
  type SkillWorkload,
  type WorkloadChannelSummary,
  type WorkloadSolver,
} from './workload-plan.service';
import { pooledChannelPlan } from './workload-share.core';
import {
  REQUIREMENT_INTERVAL_MINUTES,
  type ChannelScenario,
  type ChannelSummary,
  type ChannelWeekPlan,
  type OverridesInput,
  type PlanRequest,
  type SkillRequirementRow,
  type SkillWeekPlan,
  type StaffingBasis,
  type WeekRequirement,
} from './staffing.types';
import { diffPlans } from './staffing-scenario.core';
import {
  firstWeekFrom,
  openSlots,
  parseWeek,
  refineSlots,
  slotVolumes,
  weekFrame,
  type WeekFrame,
} from './week-slots';
import { withoutNulls } from '../common/without-nulls';
import { sum } from '../common/sum';
import { TimeSlicer } from '../time-slicer';

const BASIS_FIELD = { MEAN: 'mean', HI80: 'hi80', HI95: 'hi95' } as const;

export interface StaffingSettings {
  /** IANA zone of the site: weeks and opening hours are local to it. */
  timeZone: string;
  fullTimeHoursPerWeek?: number;
  /** Solves a skill's workload LP; default in the calling thread (the server passes a worker). */
  workloadSolver?: WorkloadSolver;
  /** How many skills' workload LPs `workloadSolver` may solve at once (default 1). */
  workloadLanes?: number;
}

interface PlanSource {
  channel: Channel;
  forecast: ForecastRun;
  frame: WeekFrame;
  /** The week's dates the site is closed (CLOSED holidays): no channel is open on them. */
  closed: ReadonlySet<string>;
}

const precondition = (message: string, details?: ErrorLocation[]): AppError =>
  new AppError('FAILED_PRECONDITION', message, details);

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Drops null overrides (GraphQL sends null for fields given as null). */
export function overridesOf(input: OverridesInput | null | undefined): ScenarioOverrides {
  return input ? withoutNulls(input) : {};
}

/**
 * Adds `{ field, message }` to a core validation error ("shrinkage must be …") so clients
 * can point at the parameter; other errors pass through unchanged.
 */
export function withParameter(e: unknown, prefix = ''): unknown {
  if (!isAppError(e) || e.code !== 'BAD_USER_INPUT' || e.details.length > 0) return e;
  const name = /^([A-Za-z][\w.[\]]*) must /.exec(e.message)?.[1];
  return name ? badInput(e.message, [{ field: `${prefix}${name}`, message: e.message }]) : e;
}

/** Runs `fn`, naming the parameter of a core validation error (see withParameter). */
function rethrowing<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw withParameter(e, prefix);
  }
}

/** What staffing reads, through the owning features' services. */
export interface StaffingSources {
  channels: Pick<ChannelService, 'byKey' | 'listActive'>;
  forecasts: Pick<ForecastService, 'require' | 'covering'>;
  holidays: Pick<HolidayService, 'closedInWeek'>;
}

export class StaffingService {
  private readonly channels: StaffingSources['channels'];
  private readonly forecasts: StaffingSources['forecasts'];
  private readonly holidays: StaffingSources['holidays'];
  private readonly options: StaffingOptions;
  private readonly fullTime: number;
  private readonly workload: WorkloadPlanner;

  constructor(
    store: DocumentStore,
    sources: StaffingSources,
    private readonly settings: StaffingSettings,
  ) {
    this.channels = sources.channels;
    this.forecasts = sources.forecasts;
    this.holidays = sources.holidays;
    this.fullTime = settings.fullTimeHoursPerWeek ?? DEFAULT_FULL_TIME_HOURS_PER_WEEK;
    this.options = { fullTimeHoursPerWeek: this.fullTime };
    this.workload = new WorkloadPlanner(store, settings.workloadSolver, settings.workloadLanes);
  }

  /**
   * Per-interval plan of one channel for a week, optionally with scenario overrides applied
   * (to this channel). A DEFERRED channel shows its share of its skill's pooled plan.
   */
  async channelPlan(request: PlanRequest, overrides?: OverridesInput | null): Promise<ChannelWeekPlan> {
    const basis = request.basis ?? 'MEAN';
    const source = await this.source(request.channel, request.forecastId, request.week);
    if (source.channel.kind === 'DEFERRED') return this.pooledPlan(source, basis, overrides);
    const input = this.inputOf(source, basis);
    return this.present(source, basis, this.plan(input, overrides));
  }

  /**
   * Base and scenario plans of one channel side by side, with scenario − base differences.
   * A DEFERRED channel's scenario re-solves its skill's pool with this channel changed.
   */
  async scenario(request: PlanRequest, overrides: OverridesInput): Promise<ChannelScenario> {
    const basis = request.basis ?? 'MEAN';
    const source = await this.source(request.channel, request.forecastId, request.week);
    const input = this.inputOf(source, basis);
    let base: ChannelWeekPlan;
    let changed: ChannelWeekPlan;
    let diff: ReturnType<typeof diffPlans>;
    if (source.channel.kind === 'DEFERRED') {
      rethrowing('overrides.', () => {
        const out = applyOverrides(input.channel, input.volumes, overridesOf(overrides));
        assertChannel(out.channel, out.volumes);
      });
      base = await this.pooledPlan(source, basis, null);
      changed = await this.pooledPlan(source, basis, overrides, 'overrides.');
      diff = diffPlans(base, changed);
    } else {
      const cmp = rethrowing('overrides.', () =>
        compareScenario(input.channel, input.volumes, overridesOf(overrides), this.options),
      );
      base = this.present(source, basis, cmp.base);
      changed = this.present(source, basis, cmp.scenario);
      diff = cmp.diff;
    }
    const slots = source.frame.slots;
    return {
      channel: source.channel.key,
      week: source.frame.week,
      basis,
      forecastId: source.forecast._id,
      base,
      scenario: changed,
      diff: {
        rows: diff.rows.map((r) => ({ ...r, localTime: slots[r.index].localTime })),
        totals: diff.totals,
      },
    };
  }

  /** Every active channel's plan for the week (sorted by key); fails if any lacks a forecast. */
  async weekPlans(
    week: string,
    basis: StaffingBasis = 'MEAN',
    overrides?: OverridesInput | null,
  ): Promise<ChannelWeekPlan[]> {
    return (await this.weekView(week, basis, overrides)).plans;
  }

  /**
   * Every active channel's plan (sorted by key; DEFERRED channels as their share of their
   * skill's pooled plan) and the per-skill requirement they add up to, from one solve.
   * Fails if any active channel lacks a forecast. `store` keeps the workload plans. Each
   * channel's frame, inputs and plan take a few milliseconds: a site of many channels plans
   * them in slices with turns of the event loop between (TimeSlicer).
   */
  async weekView(
    week: string,
    basis: StaffingBasis = 'MEAN',
    overrides?: OverridesInput | null,
    store = false,
  ): Promise<{ plans: ChannelWeekPlan[]; plan: SkillWeekPlan }> {
    parseWeek(week, this.settings.timeZone);
    const slicer = new TimeSlicer();
    const sources = await this.weekSources(week, slicer);
    const deferred = sources.filter((x) => x.channel.kind === 'DEFERRED');
    const inputs: DeferredInput[] = [];
    for (const x of deferred) {
      if (slicer.due) await slicer.pause();
      inputs.push(await this.deferredInput(x, basis, overrides, 'scenario.'));
    }
    const workloads = await this.workload.plan(week, basis, inputs, store);
    const plans: ChannelWeekPlan[] = [];
    for (const x of sources) {
      if (slicer.due) await slicer.pause();
      plans.push(
        x.channel.kind === 'DEFERRED'
          ? this.shareOf(x, basis, workloads, inputs[deferred.indexOf(x)])
          : this.present(x, basis, this.plan(this.inputOf(x, basis), overrides)),
      );
    }
    return { plans, plan: this.summarise(week, basis, plans, workloads) };
  }

  /** Every active channel with its forecast covering `week`; FAILED_PRECONDITION naming those without. */
  private async weekSources(week: string, slicer: TimeSlicer): Promise<PlanSource[]> {
    const sources: PlanSource[] = [];
    const missing: string[] = [];
    for (const channel of await this.channels.listActive()) {
      if (slicer.due) await slicer.pause();
      const found = await this.coveringForecast(channel, week);
      if (found === null) missing.push(channel.key);
      else sources.push(found);
    }
    if (missing.length > 0)
      throw precondition(
        `no forecast covers week ${week} for channel${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: run runForecast first`,
        missing.map((key) => ({ field: `channels.${key}`, message: `no forecast covers week ${week}` })),
      );
    return sources;
  }

  /**
   * The staffing requirement per skill, on the finest interval (15 minutes, finer if a
   * channel is finer): LIVE channels' scheduled agents summed by required skill, plus each
   * skill's pooled DEFERRED workload plan (workload-plan.service.ts), rounded once per skill
   * and interval. `store` keeps the workload plans (their carry-out feeds the next week).
   */
  async skillPlan(
    week: string,
    basis: StaffingBasis = 'MEAN',
    overrides?: OverridesInput | null,
    store = false,
  ): Promise<SkillWeekPlan> {
    return (await this.weekView(week, basis, overrides, store)).plan;
  }

  /** The requirement the roster optimiser consumes for a week (its workload plans are stored). */
  async requirementForWeek(week: string, basis: StaffingBasis = 'MEAN'): Promise<WeekRequirement> {
    const plan = await this.skillPlan(week, basis, null, true);
    return {
      intervalMinutes: plan.intervalMinutes,
      requirements: plan.skills.map(({ skill, values }) => ({ skill, values })),
    };
  }

  /**
   * Aggregates channel plans of one week into the per-skill requirement. Channels of a
   * skill that has a pooled workload plan count through that plan, not their own rows.
   */
  summarise(
    week: string,
    basis: StaffingBasis,
    plans: readonly ChannelWeekPlan[],
    workloads: readonly SkillWorkload[] = [],
  ): SkillWeekPlan {
    const intervalMinutes = [...plans, ...workloads].reduce(
      (g, p) => gcd(g, p.intervalMinutes),
      REQUIREMENT_INTERVAL_MINUTES,
    );
    const skills = skillRequirementRows(plans, workloads, intervalMinutes, this.fullTime);
    const totalStaffHours = sum(skills, (k) => k.staffHours);
    return {
      week: localDateOf(parseWeek(week, this.settings.timeZone), 'week'),
      timeZone: this.settings.timeZone,
      basis,
      intervalMinutes,
      skills,
      channels: plans.map(channelSummary),
      totalStaffHours,
      totalFte: staffHoursToFte(totalStaffHours, this.fullTime),
      workloads: [...workloads],
    };
  }

  /** A DEFERRED channel's arrivals for the week (overrides applied) and the previous week's, when forecast. */
  private async deferredInput(
    source: PlanSource,
    basis: StaffingBasis,
    overrides: OverridesInput | null | undefined,
    prefix: string,
  ): Promise<DeferredInput> {
    const { channel, frame } = source;
    const input = this.inputOf(source, basis);
    const changed = rethrowing(prefix, () => {
      const out = applyOverrides(input.channel, input.volumes, overridesOf(overrides));
      assertChannel(out.channel, out.volumes);
      return out;
    });
    const prev = await this.coveringForecast(channel, previousWeek(frame.week));
    const before = prev ? this.inputOf(prev, basis) : null;
    return {
      skill: channel.requiredSkill,
      channel: changed.channel,
      volumes: changed.volumes,
      previous: before?.volumes ?? null,
      // without a forecast of it, the previous week is taken as a regular one
      previousOpen: before?.channel.open ?? openSlots(frame, channel.openingHours ?? []),
    };
  }

  /**
   * A DEFERRED channel's share of its skill's pooled plan: the pool holds this channel (its
   * forecast from `source`, `overrides` applied) and every other active DEFERRED channel of
   * the skill with its covering forecast, as `skillPlan` pools them. FAILED_PRECONDITION when
   * such a channel has no forecast for the week: its share would change once it has one.
   */
  private async pooledPlan(
    source: PlanSource,
    basis: StaffingBasis,
    overrides: OverridesInput | null | undefined,
    prefix = 'scenario.',
  ): Promise<ChannelWeekPlan> {
    const week = source.frame.week;
    const peers = (await this.channels.listActive('DEFERRED')).filter(
      (c) => c.requiredSkill === source.channel.requiredSkill,
    );
    const members = [...peers.filter((c) => c.key !== source.channel.key), source.channel].sort((a, b) =>
      a.key.localeCompare(b.key),
    );
    const inputs: DeferredInput[] = [];
    const missing: string[] = [];
    for (const channel of members) {
      if (channel.key === source.channel.key) {
        inputs.push(await this.deferredInput(source, basis, overrides, prefix));
        continue;
      }
      const found = await this.coveringForecast(channel, week);
      if (found === null) missing.push(channel.key);
      else inputs.push(await this.deferredInput(found, basis, null, prefix));
    }
    if (missing.length > 0)
      throw precondition(
        `no forecast covers week ${week} for ${missing.join(', ')}, pooled with ${source.channel.key} in skill ` +
          `${source.channel.requiredSkill}: run runForecast first`,
      );
    const workloads = await this.workload.plan(week, basis, inputs);
    const mine = inputs.find((i) => i.channel.key === source.channel.key);
    if (!mine) throw new AppError('INTERNAL', `${source.channel.key} is missing from its own pooled plan`);
    return this.shareOf(source, basis, workloads, mine);
  }

  /** Presents a DEFERRED channel's share of its skill's pooled plan. */
  private shareOf(
    source: PlanSource,
    basis: StaffingBasis,
    workloads: readonly SkillWorkload[],
    input: DeferredInput,
  ): ChannelWeekPlan {
    const pool = workloads.find((w) => w.skill === source.channel.requiredSkill);
    const flow = pool?.channels.find((c) => c.channel === source.channel.key);
    if (!pool || !flow)
      throw new AppError(
        'INTERNAL',
        `the pooled plan of ${source.channel.requiredSkill} has no ${source.channel.key}`,
      );
    const plan = rethrowing('scenario.', () =>
      pooledChannelPlan(
        input.channel,
        input.volumes,
        {
          intervalMinutes: pool.intervalMinutes,
          shrinkage: pool.shrinkage,
          agents: flow.agents,
          handled: flow.handled,
        },
        this.options,
      ),
    );
    return this.present(source, basis, plan, flow);
  }

  /**
   * The backlog each DEFERRED channel's plan of `week` started with (workload-plan.service.ts
   * `carryIn`): what plan versus actual starts the week with. A channel without a forecast
   * covering the week has none.
   */
  async deferredCarryIn(week: string, basis: StaffingBasis = 'MEAN'): Promise<ChannelCarryIn[]> {
    parseWeek(week, this.settings.timeZone);
    const inputs: DeferredInput[] = [];
    for (const channel of await this.channels.listActive('DEFERRED')) {
      const found = await this.coveringForecast(channel, week);
      if (found) inputs.push(await this.deferredInput(found, basis, null, ''));
    }
    return this.workload.carryIn(week, basis, inputs);
  }

  /** Stand-alone Erlang C / A figures for one interval; core messages, parameter named in details. */
  erlangCalculator(input: ErlangCalculatorInput): ErlangCalculation {
    return rethrowing('input.', () => erlangCalculator(input));
  }

  private async source(key: string, forecastId?: string | null, week?: string | null): Promise<PlanSource> {
    if (forecastId) return this.sourceOfForecast(await this.plannedChannel(key, week), forecastId, week);
    if (!week)
      throw badInput('give week or forecastId', [
        { field: 'week', message: 'week or forecastId is required' },
      ]);
    return this.sourceOfWeek(await this.plannedChannel(key, week), week);
  }

  /** The channel to plan, after checking the week (when given) is one. */
  private async plannedChannel(key: string, week?: string | null): Promise<Channel> {
    if (week) parseWeek(week, this.settings.timeZone);
    const channel = await this.channels.byKey(key);
    if (!channel) throw notFound('Channel', key);
    return channel;
  }

  /** The channel's newest forecast covering `week`. */
  private async sourceOfWeek(channel: Channel, week: string): Promise<PlanSource> {
    const found = await this.coveringForecast(channel, week);
    if (found === null)
      throw precondition(`no forecast covers week ${week} for channel ${channel.key}: run runForecast first`);
    return found;
  }

  /** A named forecast of the channel and the week it plans (given, or its first whole one). */
  private async sourceOfForecast(
    channel: Channel,
    forecastId: string,
    week?: string | null,
  ): Promise<PlanSource> {
    const tz = this.settings.timeZone;
    const forecast = await this.forecasts.require(forecastId);
    if (forecast.channel !== channel.key)
      throw badInput(`forecast ${forecastId} is for channel ${forecast.channel}, not ${channel.key}`, [
        { field: 'forecastId', message: 'belongs to another channel' },
      ]);
    const frame = weekFrame(week ?? firstWeekFrom(forecast.start, tz), channel.intervalMinutes, tz);
    if (!covers(forecast, frame))
      throw precondition(
        `forecast ${forecastId} does not cover week ${frame.week} (Monday to Sunday in ${tz}) for channel ${channel.key}`,
      );
    return { channel, forecast, frame, closed: await this.closedDuring(frame) };
  }

  /** The most recently created forecast of the channel covering the whole week, or null. */
  private async coveringForecast(channel: Channel, week: string): Promise<PlanSource | null> {
    const frame = weekFrame(week, channel.intervalMinutes, this.settings.timeZone);
    const forecast = await this.forecasts.covering(channel.key, new Date(frame.start), new Date(frame.end));
    return forecast ? { channel, forecast, frame, closed: await this.closedDuring(frame) } : null;
  }

  /** The dates of the frame's week the calendar closes the site. */
  private async closedDuring(frame: WeekFrame): Promise<ReadonlySet<string>> {
    return new Set(await this.holidays.closedInWeek(frame.week));
  }

  /** The core plan, with the scenario overrides (if any) applied. */
  private plan(
    input: { channel: StaffingChannel; volumes: number[] },
    overrides: OverridesInput | null | undefined,
  ): ChannelPlan {
    return rethrowing('scenario.', () => {
      const changed = applyOverrides(input.channel, input.volumes, overridesOf(overrides));
      return channelStaffing(changed.channel, changed.volumes, this.options);
    });
  }

  private inputOf(
    { channel, forecast, frame, closed }: PlanSource,
    basis: StaffingBasis,
  ): { channel: StaffingChannel; volumes: number[] } {
    const field = BASIS_FIELD[basis];
    const points = forecast.points.map((p) => ({ t: new Date(p.t).getTime(), value: p[field] }));
    return {
      channel: {
        key: channel.key,
        kind: channel.kind,
        intervalMinutes: channel.intervalMinutes,
        ahtSeconds: channel.ahtSeconds,
        serviceLevel: channel.serviceLevel,
        maxOccupancy: channel.maxOccupancy,
        shrinkage: channel.shrinkage,
        responseHours: channel.responseHours ?? undefined,
        patienceSeconds: channel.kind === 'LIVE' ? (channel.patienceSeconds ?? undefined) : undefined,
        open: openSlots(frame, channel.openingHours ?? [], closed),
      },
      // deferred items of both passes of a repeated hour all arrive; live traffic is staffed per pass
      volumes: slotVolumes(
        frame,
        points,
        forecast.intervalMinutes,
        channel.kind === 'DEFERRED' ? 'sum' : 'max',
      ),
    };
  }

  private present(
    { channel, forecast, frame }: PlanSource,
    basis: StaffingBasis,
    plan: ChannelPlan,
    workload: WorkloadChannelSummary | null = null,
  ): ChannelWeekPlan {
    const t = plan.totals;
    const dailyFullTime = this.fullTime / 5;
    const perDay = frame.slots.length / 7;
    return {
      channel: channel.key,
      channelName: channel.name,
      kind: channel.kind,
      requiredSkill: channel.requiredSkill,
      model: plan.model,
      week: frame.week,
      timeZone: frame.timeZone,
      basis,
      forecastId: forecast._id,
      intervalMinutes: plan.intervalMinutes,
      rows: plan.rows.map((row) => {
        const slot = frame.slots[row.index];
        return {
          ...row,
          asaSeconds: row.asaSeconds !== null && Number.isFinite(row.asaSeconds) ? row.asaSeconds : null,
          localTime: slot.localTime,
          start: slot.instants.length > 0 ? new Date(slot.instants[0]) : null,
          occurrences: slot.instants.length,
        };
      }),
      totals: {
        volume: t.volume,
        workloadHours: t.workloadHours,
        rawStaffHours: t.rawStaffHours,
        scheduledStaffHours: t.scheduledStaffHours,
        peakScheduledAgents: t.peakScheduledAgents,
        days: Array.from({ length: 7 }, (_, d) => {
          const staffHours = t.staffHoursPerDay[d] ?? 0;
          return { date: frame.slots[d * perDay].date, staffHours, fte: staffHours / dailyFullTime };
        }),
        weeklyStaffHours: t.weeklyStaffHours,
        weeklyFte: t.weeklyFte,
        unplacedWorkHours: t.unplacedWorkHours,
      },
      workload,
    };
  }
}

/**
 * Scheduled agents per skill on the `intervalMinutes` grid, sorted by skill: channels' own
 * rows, except those of a skill with a pooled workload plan, which counts instead.
 */
function skillRequirementRows(
  plans: readonly ChannelWeekPlan[],
  workloads: readonly SkillWorkload[],
  intervalMinutes: number,
  fullTime: number,
): SkillRequirementRow[] {
  const hours = intervalMinutes / 60;
  const pooled = new Set(workloads.flatMap((w) => w.channels.map((c) => c.channel)));
  const rowsOf = (values: number[], minutes: number) =>
    refineSlots(values, minutes, intervalMinutes).map((scheduledAgents) => ({ scheduledAgents }));
  const summed = sumBySkill([
    ...plans
      .filter((p) => !pooled.has(p.channel))
      .map((p) => ({
        skill: p.requiredSkill,
        rows: rowsOf(
          p.rows.map((r) => r.scheduledAgents),
          p.intervalMinutes,
        ),
      })),
    ...workloads.map((w) => ({ skill: w.skill, rows: rowsOf(w.scheduledAgents, w.intervalMinutes) })),
  ]).sort((a, b) => a.skill.localeCompare(b.skill));
  return summed.map(({ skill, scheduledAgents: values }) => {
    const staffHours = sum(values) * hours;
    return {
      skill,
      values,
      peak: values.reduce((m, v) => Math.max(m, v), 0),
      staffHours,
      fte: staffHoursToFte(staffHours, fullTime),
    };
  });
}

const channelSummary = (p: ChannelWeekPlan): ChannelSummary => ({
  channel: p.channel,
  skill: p.requiredSkill,
  model: p.model,
  intervalMinutes: p.intervalMinutes,
  forecastId: p.forecastId,
  weeklyStaffHours: p.totals.weeklyStaffHours,
  weeklyFte: p.totals.weeklyFte,
  peakScheduledAgents: p.totals.peakScheduledAgents,
});

const covers = (forecast: ForecastRun, frame: WeekFrame): boolean =>
  new Date(forecast.start).getTime() <= frame.start && new Date(forecast.end).getTime() >= frame.end;
