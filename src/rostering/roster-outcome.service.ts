/**
 * rosterOutcome: the published plan against the volumes that arrived. Reads the roster
 * (with the reader rules of RosterService.get), the active channels and their stored
 * actual volumes for the week, maps them onto the roster's interval grid and hands them to
 * the pure core with the staffing feature's Erlang calculator.
 */
import { addDays } from '../common/calendar';
import type { ChannelService } from '../channels/channel.service';
import type { Viewer } from '../auth/request-context';
import { AppError } from '../errors';
import type { VolumeService } from '../volumes/volume.service';
import { workedShift } from './roster-facts.validation';
import { nextTurn } from '../time-slicer';
import type { RosterDoc } from './roster.doc';
import {
  rosterOutcome,
  type OutcomeChannel,
  type QueueFigures,
  type QueueQuery,
  type RosterOutcomeResult,
} from './roster-outcome.core';
import type { RosterService } from './roster.service';

/** What the staffing feature offers (src/staffing/staffing.service.ts `erlangCalculator`). */
export interface QueueCalculator {
  erlangCalculator(input: QueueQuery): { atAgents: QueueFigures | null };
}

export interface RosterOutcome extends RosterOutcomeResult {
  rosterId: string;
  week: string;
  intervalMinutes: number;
}

/**
 * One day of a channel's values (on its own grid) onto the roster grid of `size` minutes:
 * each value is spread evenly over its minutes. Null where every overlapping value is missing.
 */
export function toGrid(
  values: readonly (number | null)[],
  channelMinutes: number,
  size: number,
): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(1440 / size).fill(null);
  values.forEach((v, c) => {
    if (v === null || v === undefined) return;
    const from = c * channelMinutes;
    const to = Math.min(from + channelMinutes, 1440);
    for (let r = Math.floor(from / size); r * size < to; r++) {
      const overlap = Math.min(to, (r + 1) * size) - Math.max(from, r * size);
      out[r] = (out[r] ?? 0) + (v * overlap) / channelMinutes;
    }
  });
  return out;
}

export class RosterOutcomeService {
  constructor(
    private readonly rosters: RosterService,
    private readonly channels: ChannelService,
    private readonly volumes: VolumeService,
    private readonly staffing: QueueCalculator,
  ) {}

  async outcome(rosterId: string, viewer: Viewer | null): Promise<RosterOutcome> {
    const doc = await this.rosters.get(rosterId, viewer);
    const calculator = this.staffing;
    const size = doc.intervalMinutes;
    const perDay = 1440 / size;
    const last = addDays(doc.week, 6);
    const channels = await this.channels.listActive();
    const arrivals: Record<string, (number | null)[]> = {};
    const days = new Set<string>();
    for (const c of channels) {
      const grid = new Array<number | null>(7 * perDay).fill(null);
      for (const bucket of await this.volumes.buckets(c.key, doc.week, last)) {
        const day = Math.round((Date.parse(bucket.date) - Date.parse(doc.week)) / 86_400_000);
        toGrid(bucket.values, bucket.intervalMinutes, size).forEach((v, r) => (grid[day * perDay + r] = v));
        days.add(bucket.date);
      }
      arrivals[c.key] = grid;
    }
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
    }));
    const result = rosterOutcome(
      {
        weekStart: doc.week,
        intervalMinutes: size,
        days: [...days].sort(),
        channels: outcomeChannels,
        arrivals,
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
}

/** Σ hourly cost × paid hours of the shifts starting on each date. */
export function labourCostByDate(doc: Pick<RosterDoc, 'problem' | 'assignments'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of doc.assignments) {
    const s = workedShift(doc.problem, a);
    out[a.date] = (out[a.date] ?? 0) + (s.staff?.hourlyCost ?? 0) * s.paidHours;
  }
  return out;
}
