/**
 * repairRoster: re-solves a PUBLISHED week that has conflicts, with every unaffected
 * assignment fixed, against current staff data and the stored requirement. Only the
 * conflicted days may change (plus the whole week of people whose contract forces it).
 * The result is a checked DRAFT carrying what changed and the coverage and cost before and
 * after; publishing it supersedes the old version, as for any draft.
 */
import { daysBetween } from '../common/calendar';
import type { Viewer } from '../auth/request-context';
import { AppError, badInput } from '../errors';
import type { RosterConflictInfo } from '../events/topics';
import type { TaskRunner } from '../workers/task-runner';
import { taskFile } from '../workers/worker-pool';
import { WEEK_RULES, type ConflictRule } from './roster-conflicts.core';
import type { RosterConflictService } from './roster-conflict.service';
import type { RosterFigures, RosterRepairInfo, RosterVersion } from './roster-version.types';
import type { RosterProblem } from './roster-problem-schema';
import { assignmentKey } from './milp/roster-repair';
import type { RepairSolveInput, RepairSolveResult } from './roster-repair-solver';
import { rosterKpis } from './roster-kpi';
import type { RosterService } from './roster.service';
import type { RosterAssignment, RosterKpis } from './roster.types';
import { sum } from '../common/sum';

export interface RepairOptions {
  timeLimitSeconds?: number | null;
  relativeGap?: number | null;
}

export interface RepairOutcome extends RosterRepairInfo {
  roster: RosterVersion;
}

const round = (v: number, digits = 2): number => Number(v.toFixed(digits));

/** Overall coverage, under-cover and labour cost of a roster's KPIs. */
export function figures(kpis: RosterKpis): RosterFigures {
  const required = sum(kpis.skills, (k) => k.requiredHours);
  const met = sum(kpis.skills, (k) => (k.requiredHours * (k.coveragePercent ?? 100)) / 100);
  return {
    coveragePercent: required > 0 ? round((100 * met) / required) : null,
    underStaffedHours: round(
      sum(kpis.skills, (k) => k.underStaffedHours),
      4,
    ),
    labourCost: round(kpis.labourCost),
  };
}

/**
 * What a repaired draft inherits from the published roster it repairs, so that its labels and
 * KPIs still tell the optimiser's shifts from a manager's: the objective path, the manual
 * edits it carries, and as `proposed` the original proposal with the repair's own changes
 * applied (a repair is the optimiser's work: the shifts it drops leave the proposal, the ones
 * it adds join it). Without it the repaired roster read as proposed whole, every earlier
 * manual change KEPT, and the week's intervention rate fell to 0 once it was published.
 */
export function repairedLineage(
  doc: RosterVersion,
  after: RosterAssignment[],
): Pick<RosterVersion, 'proposed' | 'manualEdits' | 'ranking'> {
  const before = new Set(doc.assignments.map(assignmentKey));
  const kept = new Set(after.map(assignmentKey));
  const proposed = (doc.proposed ?? doc.assignments).filter(
    (a) => kept.has(assignmentKey(a)) || !before.has(assignmentKey(a)),
  );
  const proposedKeys = new Set(proposed.map(assignmentKey));
  const repairAdded = after.filter(
    (a) => !before.has(assignmentKey(a)) && !proposedKeys.has(assignmentKey(a)),
  );
  return {
    proposed: [...proposed, ...repairAdded],
    manualEdits: doc.manualEdits,
    ranking: doc.ranking ?? null,
  };
}

/** Shifts added and dropped between two rosters, and how many people that touches. */
export function rosterChanges(
  before: RosterAssignment[],
  after: RosterAssignment[],
): { added: number; removed: number; staff: number } {
  const a = new Set(before.map(assignmentKey));
  const b = new Set(after.map(assignmentKey));
  const added = after.filter((x) => !a.has(assignmentKey(x)));
  const removed = before.filter((x) => !b.has(assignmentKey(x)));
  return {
    added: added.length,
    removed: removed.length,
    staff: new Set([...added, ...removed].map((x) => x.staffId)).size,
  };
}

export class RosterRepairService {
  constructor(
    private readonly rosters: RosterService,
    private readonly conflicts: RosterConflictService,
    private readonly workers: TaskRunner,
  ) {}

  async repair(id: string, options: RepairOptions, viewer: Viewer): Promise<RepairOutcome> {
    const limits = repairLimits(options);
    const { doc, open } = await this.conflictedRoster(id);
    const ids = doc.problem.staff.map((s) => s.id);
    const problem: RosterProblem = this.conflicts.refreshed(
      doc.problem,
      ids,
      await this.conflicts.snapshot(ids, doc.problem.weekStart),
    );
    const conflictDays = [...new Set(open.map((c) => c.date))].sort();
    const solved = await this.solveRepair(repairInput(doc, open, problem, conflictDays, limits));
    const info = repairInfo(doc, open, problem, solved, conflictDays);
    const roster = await this.rosters.storeDraft(problem, solved.result, null, viewer.userId, {
      repair: info,
      ...repairedLineage(doc, solved.result.assignments),
    });
    return { ...info, roster };
  }

  /** The PUBLISHED roster `id` and its open conflicts; anything else cannot be repaired. */
  private async conflictedRoster(id: string): Promise<{ doc: RosterVersion; open: RosterConflictInfo[] }> {
    const doc = await this.rosters.require(id);
    if (doc.status !== 'PUBLISHED')
      throw new AppError(
        'FAILED_PRECONDITION',
        `Roster ${id} is ${doc.status}; only a PUBLISHED roster is repaired`,
      );
    const open = doc.conflicts ?? [];
    if (open.length === 0)
      throw new AppError('FAILED_PRECONDITION', `Roster ${id} has no conflicts to repair`);
    return { doc, open };
  }

  /** Runs the repair solve in the worker pool; a solve without a roster is FAILED_PRECONDITION. */
  private async solveRepair(input: RepairSolveInput): Promise<RepairSolveResult> {
    const solved = await this.workers.run<RepairSolveInput, RepairSolveResult>(
      taskFile('rostering/repair.task'),
      'repairRosterTask',
      input,
      { timeoutMs: (input.timeLimitSeconds * 2 + 60) * 1000 },
    );
    const { result } = solved;
    if (result.status !== 'OPTIMAL' && result.status !== 'FEASIBLE')
      throw new AppError(
        'FAILED_PRECONDITION',
        result.message ?? `The repair solve returned ${result.status}`,
      );
    return solved;
  }
}

interface RepairLimits {
  timeLimitSeconds: number;
  relativeGap: number;
}

/** The repair solve's limits: 30 s and gap 0 by default, at most 600 s. */
function repairLimits(options: RepairOptions): RepairLimits {
  const timeLimitSeconds = options.timeLimitSeconds ?? 30;
  const relativeGap = options.relativeGap ?? 0;
  if (!(timeLimitSeconds > 0 && timeLimitSeconds <= 600))
    throw badInput(`timeLimitSeconds must be in (0, 600], got ${timeLimitSeconds}`, [
      { field: 'timeLimitSeconds', message: 'out of range' },
    ]);
  if (!(relativeGap >= 0 && relativeGap <= 1))
    throw badInput(`relativeGap must be in [0, 1], got ${relativeGap}`, [
      { field: 'relativeGap', message: 'out of range' },
    ]);
  return { timeLimitSeconds, relativeGap };
}

/**
 * What the repair solve may change: the conflicted days, the whole week of people with a
 * weekly-rule conflict; everything else stays as published.
 */
function repairInput(
  doc: RosterVersion,
  open: RosterConflictInfo[],
  problem: RosterProblem,
  conflictDays: string[],
  { timeLimitSeconds, relativeGap }: RepairLimits,
): RepairSolveInput {
  return {
    problem,
    published: doc.assignments,
    freeDays: conflictDays.map((d) => daysBetween(doc.week, d)),
    freeStaff: [...new Set(open.filter((c) => WEEK_RULES.has(c.rule as ConflictRule)).map((c) => c.staffId))],
    conflictStaff: [...new Set(open.map((c) => c.staffId))],
    timeLimitSeconds,
    relativeGap,
  };
}

/** What the repair changed, and the coverage and cost before, without the conflicts and after. */
function repairInfo(
  doc: RosterVersion,
  open: RosterConflictInfo[],
  problem: RosterProblem,
  { result, widened }: RepairSolveResult,
  conflictDays: string[],
): RosterRepairInfo {
  const conflicted = new Set(open.map((c) => `${c.staffId}|${c.date}|${c.shiftTemplateId}`));
  const kept = doc.assignments.filter((a) => !conflicted.has(`${a.staffId}|${a.date}|${a.shiftTemplateId}`));
  const changes = rosterChanges(doc.assignments, result.assignments);
  return {
    ofRosterId: doc._id,
    changedAssignments: changes.added + changes.removed,
    addedAssignments: changes.added,
    removedAssignments: changes.removed,
    changedStaff: changes.staff,
    conflictDays,
    widened,
    before: figures(doc.kpis),
    withoutConflicts: figures(rosterKpis(problem, kept)),
    after: figures(rosterKpis(problem, result.assignments)),
  };
}
