/**
 * XLSX / CSV export of a week's staffing plan: `/exports/staffing/:week.xlsx|.csv?basis=HI80`.
 *
 * Sheets (CSV gets the first, or `?sheet=`):
 * - Requirement: scheduled agents per skill per requirement interval (15 min), one column per skill;
 * - Channels: every channel's plan per interval (volume, traffic, agents, SL, ASA, occupancy, abandonment);
 * - Totals: staff hours per day, per week and FTE for each skill, each channel and in all.
 */
import { PLAN_READERS } from '../auth/roles';
import { DAY_NAMES } from '../common/calendar';
import { badInput } from '../errors';
import type { DownloadRoute } from '../export/download';
import { exportLocalDateTime } from '../export/local-date-time';
import type { Cell, Sheet } from '../export/table';
import type { StaffingService } from './staffing.service';
import {
  STAFFING_BASES,
  type ChannelWeekPlan,
  type SkillWeekPlan,
  type StaffingBasis,
} from './staffing.types';
import { weekFrame } from './week-slots';
import { sum } from '../common/sum';

const DAY_KEYS = DAY_NAMES.map((d) => d.toLowerCase());

/** `?basis=` of a download: MEAN (default), HI80 or HI95. */
export function basisOf(value: string | undefined): StaffingBasis {
  if (value === undefined || value === '') return 'MEAN';
  if (Object.hasOwn(STAFFING_BASES, value)) return value as StaffingBasis;
  throw badInput(`basis must be one of ${Object.keys(STAFFING_BASES).join(', ')}, got "${value}"`, [
    { field: 'basis', message: 'unknown basis' },
  ]);
}

export function requirementSheet(plan: SkillWeekPlan): Sheet {
  const slots = weekFrame(plan.week, plan.intervalMinutes, plan.timeZone).slots;
  return {
    name: 'Requirement',
    columns: [
      { header: 'Interval', key: 'interval', width: 20 },
      { header: 'Day', key: 'day', width: 6 },
      { header: 'Time', key: 'time', width: 7 },
      ...plan.skills.map((s, k) => ({ header: s.skill, key: `s${k}`, width: 12 })),
      { header: 'Total', key: 'total', width: 10 },
    ],
    rows: slots.map((slot, i) => {
      const row: Record<string, Cell> = {
        interval: exportLocalDateTime(slot.localTime),
        day: DAY_NAMES[slot.day],
        time: slot.localTime.slice(11, 16),
      };
      let total = 0;
      plan.skills.forEach((s, k) => {
        row[`s${k}`] = s.values[i];
        total += s.values[i];
      });
      row.total = total;
      return row;
    }),
  };
}

export function channelSheet(plans: readonly ChannelWeekPlan[]): Sheet {
  return {
    name: 'Channels',
    columns: [
      { header: 'Channel', key: 'channel' },
      { header: 'Skill', key: 'skill' },
      { header: 'Model', key: 'model', width: 10 },
      { header: 'Interval', key: 'interval', width: 20 },
      { header: 'Open', key: 'open', width: 7 },
      { header: 'Volume', key: 'volume', numFmt: '0.00' },
      { header: 'Traffic (Erlangs)', key: 'traffic', numFmt: '0.00' },
      { header: 'Raw agents', key: 'raw' },
      { header: 'Scheduled agents', key: 'scheduled' },
      { header: 'Service level', key: 'sl', numFmt: '0.0%' },
      { header: 'ASA (s)', key: 'asa', numFmt: '0.0' },
      { header: 'Occupancy', key: 'occupancy', numFmt: '0.0%' },
      { header: 'Abandonment', key: 'abandon', numFmt: '0.0%' },
    ],
    rows: plans.flatMap((p) =>
      p.rows.map((r) => ({
        channel: p.channel,
        skill: p.requiredSkill,
        model: p.model,
        interval: exportLocalDateTime(r.localTime),
        open: r.open,
        volume: r.volume,
        traffic: r.trafficErlangs,
        raw: r.rawAgents,
        scheduled: r.scheduledAgents,
        sl: r.serviceLevel,
        asa: r.asaSeconds,
        occupancy: r.occupancy,
        abandon: r.abandonProbability,
      })),
    ),
  };
}

export function totalsSheet(plan: SkillWeekPlan, plans: readonly ChannelWeekPlan[]): Sheet {
  const perDay = (24 * 60) / plan.intervalMinutes;
  const hours = plan.intervalMinutes / 60;
  const dayCells = (daily: readonly number[]): Record<string, Cell> =>
    Object.fromEntries(DAY_KEYS.map((k, d) => [k, daily[d] ?? 0]));
  const skillDaily = plan.skills.map((s) =>
    DAY_KEYS.map((_, d) => sum(s.values.slice(d * perDay, (d + 1) * perDay)) * hours),
  );
  const skillRows = plan.skills.map((s, k) => ({
    level: 'skill',
    name: s.skill,
    ...dayCells(skillDaily[k]),
    week: s.staffHours,
    fte: s.fte,
    peak: s.peak,
  }));
  const channelRows = plans.map((p) => ({
    level: 'channel',
    name: p.channel,
    ...dayCells(p.totals.days.map((d) => d.staffHours)),
    week: p.totals.weeklyStaffHours,
    fte: p.totals.weeklyFte,
    peak: p.totals.peakScheduledAgents,
  }));
  const all = {
    level: 'all',
    name: 'All skills',
    ...dayCells(DAY_KEYS.map((_, d) => sum(skillDaily, (daily) => daily[d]))),
    week: plan.totalStaffHours,
    fte: plan.totalFte,
    peak: null,
  };
  return {
    name: 'Totals',
    columns: [
      { header: 'Level', key: 'level', width: 9 },
      { header: 'Name', key: 'name' },
      ...DAY_NAMES.map((d, i) => ({ header: `${d} staff hours`, key: DAY_KEYS[i], numFmt: '0.00' })),
      { header: 'Week staff hours', key: 'week', numFmt: '0.00' },
      { header: 'FTE', key: 'fte', numFmt: '0.00' },
      { header: 'Peak scheduled agents', key: 'peak' },
    ],
    rows: [...skillRows, ...channelRows, all],
  };
}

/** The staffing plan download of a week, for plan readers (ADMIN implied). */
export function staffingDownloads(staffing: StaffingService): DownloadRoute[] {
  return [
    {
      path: '/exports/staffing/:week',
      roles: [...PLAN_READERS],
      fileName: ({ week }) => `staffing-${week}`,
      async sheets({ week }, _viewer, query) {
        const basis = basisOf(query.basis);
        const { plans, plan } = await staffing.weekView(week, basis);
        return [requirementSheet(plan), channelSheet(plans), totalsSheet(plan, plans)];
      },
    },
  ];
}
