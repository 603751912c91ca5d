/**
 * Turns weeks (problem, earlier published rosters, this week's published roster) into rows
 * of candidate features and labels. A candidate is positive when the published roster holds
 * it (kept or added by a manager), negative otherwise (removed, or never proposed). Pure.
 */
import { addDays } from '../common/calendar';
import { at } from '../common/indexed';
import type { RosterProblem } from '../rostering/roster-problem-schema';
import { templatePaidHours } from '../staff/shift-breaks.core';
import { candidateRewardKey } from '../rostering/milp/roster-rewards';
import { enumerateCandidates } from '../rostering/milp/shift-candidates';
import type { LabelledShift } from './ranking-label.core';
import {
  candidateFeatures,
  type CandidateRef,
  type HistoryShift,
  type WeekHistory,
} from './ranking-features.core';

export interface RankerWeek {
  problem: RosterProblem;
  /** Published rosters of earlier weeks, newest first. */
  history: WeekHistory;
  /** This week's published roster (absent when scoring a week to plan). */
  published?: LabelledShift[];
}

export interface WeekRows {
  week: string;
  /** `candidateRewardKey` of each row. */
  keys: string[];
  refs: CandidateRef[];
  X: number[][];
  y: number[];
}

/** One candidate per (person, day, template, skill) the solver could choose. */
export function weekCandidates(problem: RosterProblem): CandidateRef[] {
  return enumerateCandidates(problem).map((c) => ({
    staffIndex: c.staffIndex,
    day: c.shift.day,
    templateIndex: c.shift.templateIndex,
    skill: c.skill,
  }));
}

export const refKey = (problem: RosterProblem, r: CandidateRef): string =>
  candidateRewardKey(
    at(problem.staff, r.staffIndex).id,
    r.day,
    at(problem.shiftTemplates, r.templateIndex).id,
    r.skill,
  );

/** A week's candidates and labels without their features (training computes those only for its sample). */
export function weekLabels(week: RankerWeek): Omit<WeekRows, 'X'> {
  const { problem } = week;
  const refs = weekCandidates(problem);
  const published = new Set(
    (week.published ?? []).map((a) => `${a.staffId}|${a.date}|${a.shiftTemplateId}|${a.skill}`),
  );
  const y = refs.map((r) => {
    const date = addDays(problem.weekStart, r.day);
    const key = `${at(problem.staff, r.staffIndex).id}|${date}|${at(problem.shiftTemplates, r.templateIndex).id}|${r.skill}`;
    return published.has(key) ? 1 : 0;
  });
  return { week: problem.weekStart, keys: refs.map((r) => refKey(problem, r)), refs, y };
}

export function weekRows(week: RankerWeek): WeekRows {
  const labels = weekLabels(week);
  return { ...labels, X: labels.refs.map((r) => candidateFeatures(week.problem, week.history, r)) };
}

/**
 * A published roster of `problem`'s week as history shifts (paid hours from its templates:
 * the duration less its unpaid breaks, break rules or a legacy `breakMinutes`, as the roster
 * KPIs count them).
 */
export function historyWeek(problem: RosterProblem, shifts: LabelledShift[]): HistoryShift[] {
  const templates = new Map(problem.shiftTemplates.map((t) => [t.id, t]));
  return shifts.map((a) => {
    const t = templates.get(a.shiftTemplateId);
    const day = Math.round(
      (Date.parse(`${a.date}T00:00:00Z`) - Date.parse(`${problem.weekStart}T00:00:00Z`)) / 86_400_000,
    );
    return {
      staffId: a.staffId,
      day,
      templateId: a.shiftTemplateId,
      skill: a.skill,
      paidHours: t ? templatePaidHours(t) : 0,
    };
  });
}
