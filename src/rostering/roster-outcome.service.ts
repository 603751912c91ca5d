/**
 * rosterOutcome: the published plan against the volumes that arrived. Reads the roster
 * (with the reader rules of RosterService.get), the active channels and their stored
 * actual volumes for the week, maps them onto the roster's interval grid and hands them to
 * the pure core with the staffing feature's Erlang calculator.
 */
import { addDays } from '../common/calendar';
import type { ChannelService } from '../channels/channel.service';
import type { Channel } from '../channels/channel.types';
import type { Viewer } from '../auth/request-context';
import { AppError, isAppError } from '../errors';
import { dayLocalMinutes } from '../volumes/volume-calendar';
import type { VolumeService } from '../volumes/volume.service';
import type { HolidayService } from '../holidays/holiday.service';
import { toGrid } from './outcome-grid.core';
import { openSlots, weekFrame, type WeekFrame } from '../staffing/week-slots';
import type { RequirementBasisName } from './roster-job.service';
import { workedShift } from './roster-facts.validation';
import { shiftCostCents } from './roster-kpi';
import { nextTurn } from '../time-slicer';
import type { RosterDoc } from './roster.doc';
import {
  rosterOutcome,
  type OutcomeChannel,
  type OutcomeInput,
  type QueueFigures,
  type QueueQuery,
  type RosterOutcomeResult,
} from './roster-outcome.core';
import type { RosterService } from './roster.service';

/** What the staffing feature offers (src/staffing/staffing.service.ts `erlangCalculator`). */
export interface QueueCalculator {
  erlangCalculator(input: QueueQuery): { atAgents: QueueFigures | null };
  /** The backlog each DEFERRED channel's plan of the week started with (`deferredCarryIn`). */
  deferredCarryIn(
    week: string,
    basis: RequirementBasisName,
  ): Promise<{ channel: string; intervalMinutes: number; carryIn: { items: number; dueSlot: number }[] }[]>;
}

/** The roster job a roster came from: which forecast basis its plan used. */
export interface RosterJobReader {
  require(id: string): Promise<{ options: { basis: string } }>;
}

const BASES: readonly RequirementBasisName[] = ['MEAN', 'HI80', 'HI95'];

export interface RosterOutcome extends RosterOutcomeResult {
  rosterId: string;
  week: string;
  intervalMinutes: number;
}

export class RosterOutcomeService {
  constructor(
    private readonly rosters: RosterService,
    private readonly channels: ChannelService,
    private readonly volumes: VolumeService,
    private readonly staffing: QueueCalculator,
    private readonly jobs: RosterJobReader | null = null,
    private readonly holidays: Pick<HolidayService, 'closedInWeek'> | null = null,
  ) {}

  async outcome(rosterId: string, viewer: Viewer | null): Promise<RosterOutcome> {
    const doc = await this.rosters.get(rosterId, viewer);
    const calculator = this.staffing;
    const size = doc.intervalMinutes;
    const channels = await this.channels.listActive();
    const { arrivals, days } = await this.actuals(doc.week, size, channels);
    const frame = weekFrame(doc.week, size, this.volumes.timeZone);
    // real intervals behind each wall-clock slot: 0 in the hour skipped in spring, 2 in the
    // hour repeated in autumn (the same agents on shift work it twice)
    const passes = frame.slots.map((s) => s.instants.length);
    const carryIn = await this.carryIn(doc, size);
    const closed = new Set(await this.holidays?.closedInWeek(doc.week));
    // the reads above resolve on the same turn when the store is in-process: give way first
    await nextTurn();
    const outcomeChannels: OutcomeChannel[] = channels.map((c) => ({
      key: c.key,
      kind: c.kind,
      skill: c.requiredSkill,
      ahtSeconds: c.ahtSeconds,
      serviceLevelTarget: c.serviceLevel.target,
      answerSeconds: c.serviceLevel.answerSeconds,
      patienceSeconds: c.patienceSeconds,
      maxOccupancy: c.maxOccupancy,
      shrinkage: c.shrinkage,
      responseHours: c.responseHours,
      // deadlines count the hours the channel handles work, as in the staffing plan
      ...(c.kind === 'DEFERRED' ? openMask(frame, c, closed) : {}),
    }));
    const result = rosterOutcome(
      {
        weekStart: doc.week,
        intervalMinutes: size,
        days,
        channels: outcomeChannels,
        arrivals,
        passes,
        carryIn,
        rostered: Object.fromEntries(doc.coverage.map((c) => [c.skill, c.scheduled])),
        labourCost: labourCostByDate(doc),
      },
      (q) => {
        const figures = calculator.erlangCalculator(q).atAgents;
        if (!figures)
          throw new AppError('INTERNAL', 'The Erlang calculator returned no figures at the given agents');
        return figures;
      },
    );
    return { rosterId: doc._id, week: doc.week, intervalMinutes: size, ...result };
  }

  /**
   * The DEFERRED backlog the week's plan started with (the plan of the roster job's basis),
   * per channel on the roster grid: due by the end of the roster slot holding the end of the
   * plan's due slot.
   */
  private async carryIn(doc: RosterDoc, size: number): Promise<OutcomeInput['carryIn']> {
    const job = doc.jobId && this.jobs ? await this.jobs.require(doc.jobId).catch(missingJob) : null;
    const basis = BASES.find((b) => b === job?.options.basis) ?? 'MEAN';
    const out: NonNullable<OutcomeInput['carryIn']> = {};
    for (const c of await this.staffing.deferredCarryIn(doc.week, basis))
      out[c.channel] = c.carryIn.map((d) => ({
        items: d.items,
        dueSlot: Math.ceil(((d.dueSlot + 1) * c.intervalMinutes) / size) - 1,
      }));
    return out;
  }

  /** Each channel's stored actuals of the week on the roster's wall-clock grid, and the dates that have any. */
  private async actuals(
    week: string,
    size: number,
    channels: readonly Channel[],
  ): Promise<Pick<OutcomeInput, 'arrivals' | 'days'>> {
    const perDay = 1440 / size;
    const { timeZone } = this.volumes;
    const arrivals: Record<string, (number | null)[]> = {};
    const days = new Set<string>();
    for (const c of channels) {
      const grid = new Array<number | null>(7 * perDay).fill(null);
      for (const bucket of await this.volumes.buckets(c.key, week, addDays(week, 6))) {
        const day = Math.round((Date.parse(bucket.date) - Date.parse(week)) / 86_400_000);
        // buckets count elapsed intervals from local midnight (23 or 25 hours on clock-change
        // days); the roster grid is wall clock: place each value at its own local start
        const starts = dayLocalMinutes(bucket.date, bucket.intervalMinutes, timeZone);
        toGrid(bucket.values, bucket.intervalMinutes, size, starts).forEach(
          (v, r) => (grid[day * perDay + r] = v),
        );
        days.add(bucket.date);
      }
      arrivals[c.key] = grid;
    }
    return { arrivals, days: [...days].sort() };
  }
}

/** A roster whose job is gone was planned on the default basis; any other failure stands. */
function missingJob(e: unknown): null {
  if (isAppError(e) && e.code === 'NOT_FOUND') return null;
  throw e;
}

/**
 * A channel's opening hours on the week's grid, the site's CLOSED days closed (as in the
 * staffing plan); none (always open) when it never opens.
 */
function openMask(frame: WeekFrame, c: Channel, closed: ReadonlySet<string>): { open?: boolean[] } {
  const open = openSlots(frame, c.openingHours, closed);
  return open.some(Boolean) ? { open } : {};
}

/** Labour cost of the shifts starting on each date (the KPI's shift costs in cents, summed by date). */
export function labourCostByDate(doc: Pick<RosterDoc, 'problem' | 'assignments'>): Record<string, number> {
  const cents: Record<string, number> = {};
  for (const a of doc.assignments)
    cents[a.date] = (cents[a.date] ?? 0) + shiftCostCents(workedShift(doc.problem, a));
  return Object.fromEntries(Object.entries(cents).map(([date, c]) => [date, c / 100]));
}
