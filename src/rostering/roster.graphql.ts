/** GraphQL object types of rosters, roster jobs and timetables. */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RosterConflict } from './roster-conflict.graphql';
import { MAX_ROSTER_WARNINGS } from './roster-warnings.core';
import type { RosterJobPhase, RosterJobState } from '../events/topics';
import type { RosterJobKind } from './roster.doc';
import type { RosterVersionStatus } from './roster-version.types';
import type { RosterStatus } from './roster.types';
import type * as events from '../events/topics';
import type * as docs from './roster.doc';
import type * as version from './roster-version.types';
import type * as service from './roster.service';
import type * as core from './roster.types';

/** The GraphQL enums of the rostering unions: each lists every member of its union, no more. */
export const RosterDocStatusEnum = {
  DRAFT: 'DRAFT',
  PUBLISHED: 'PUBLISHED',
  SUPERSEDED: 'SUPERSEDED',
} as const satisfies { [K in RosterVersionStatus]: K };
registerEnumType(RosterDocStatusEnum, {
  name: 'RosterStatus',
  description:
    'DRAFT: generated or edited, not visible to agents. PUBLISHED: the week’s timetable (one per week). SUPERSEDED: an earlier published version, kept.',
});

export const SolverStatusEnum = {
  OPTIMAL: 'OPTIMAL',
  FEASIBLE: 'FEASIBLE',
  INFEASIBLE: 'INFEASIBLE',
  ERROR: 'ERROR',
} as const satisfies { [K in RosterStatus]: K };
registerEnumType(SolverStatusEnum, {
  name: 'RosterSolverStatus',
  description: 'OPTIMAL: proven within the gap. FEASIBLE: limit reached, best found so far (or heuristic).',
});

export const RosterJobStateEnum = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
} as const satisfies { [K in RosterJobState]: K };
registerEnumType(RosterJobStateEnum, { name: 'RosterJobState' });

export const RosterJobKindEnum = {
  GENERATE: 'GENERATE',
  PLAN_WEEK: 'PLAN_WEEK',
} as const satisfies { [K in RosterJobKind]: K };
registerEnumType(RosterJobKindEnum, { name: 'RosterJobKind' });

@ObjectType({ description: 'One placed break of a shift.' })
export class RosterBreak implements core.RosterBreak {
  @Field({ description: 'Local wall-clock start, YYYY-MM-DDTHH:MM:00.' })
  start!: string;

  @Field({ description: 'Local wall-clock end.' })
  end!: string;

  @Field({ description: 'Paid breaks count towards paid hours; nobody covers calls on either.' })
  paid!: boolean;
}

@ObjectType({ description: 'One shift of one person.' })
export class RosterAssignment implements core.RosterAssignment {
  @Field(() => ID)
  staffId!: string;

  @Field({ description: 'Start date of the shift, YYYY-MM-DD.' })
  date!: string;

  @Field(() => ID)
  shiftTemplateId!: string;

  @Field({ description: 'Local wall-clock start, YYYY-MM-DDTHH:MM:00 (site time zone).' })
  start!: string;

  @Field({ description: 'Local wall-clock end; may be the next day.' })
  end!: string;

  @Field({ description: 'The skill the person serves on this shift.' })
  skill!: string;

  @Field(() => [RosterBreak], {
    nullable: true,
    description: 'Breaks in template order, each inside its window; null on rosters stored before breaks.',
  })
  breaks!: RosterBreak[];
}

@ObjectType()
export class RosterSolverInfo implements version.RosterSolverInfo {
  @Field(() => SolverStatusEnum)
  status!: RosterStatus;

  @Field(() => String, { nullable: true, description: 'HiGHS’ own status text.' })
  solverStatus!: string | null;

  @Field(() => Float, { nullable: true })
  objective!: number | null;

  @Field(() => Float, { nullable: true, description: 'Best proven lower bound.' })
  bound!: number | null;

  @Field(() => Float, { nullable: true, description: 'Relative gap between objective and bound.' })
  gap!: number | null;

  @Field(() => Float)
  seconds!: number;

  @Field({ description: 'The greedy roster was kept: HiGHS found nothing better in time.' })
  heuristic!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Objective of the greedy roster built first (and handed to HiGHS as its start).',
  })
  greedyObjective?: number | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

@ObjectType()
export class RosterSkillKpi implements core.SkillKpi {
  @Field()
  skill!: string;

  @Field(() => Float)
  requiredHours!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of required agent-hours met (null: nothing required).',
  })
  coveragePercent!: number | null;

  @Field(() => Float)
  underStaffedHours!: number;

  @Field(() => Float)
  overStaffedHours!: number;
}

@ObjectType()
export class RosterStaffHours implements core.StaffHoursKpi {
  @Field(() => ID)
  staffId!: string;

  @Field(() => Float)
  paidHours!: number;

  @Field(() => Float, {
    description:
      "This week's minimum paid hours: the contract's, less minHoursWeek / maxDaysWeek for each usual working day the person cannot work: leave, sickness, site closure, or an appointment that leaves none of their shifts (what the roster was held to).",
  })
  minHoursWeek!: number;

  @Field(() => Float)
  maxHoursWeek!: number;

  @Field(() => Float)
  targetHoursWeek!: number;

  @Field(() => Float, { description: 'paidHours − targetHoursWeek.' })
  deviation!: number;

  @Field(() => Int)
  shifts!: number;

  @Field(() => Int)
  weekendShifts!: number;
}

@ObjectType()
export class RosterFairness implements core.FairnessKpis {
  @Field(() => Float, { nullable: true, description: 'Standard deviation of the hours deviation.' })
  hoursDeviationStdDev!: number | null;

  @Field(() => Int, { nullable: true })
  weekendShiftsMin!: number | null;

  @Field(() => Int, { nullable: true })
  weekendShiftsMax!: number | null;

  @Field(() => Int, { nullable: true })
  weekendShiftsSpread!: number | null;
}

@ObjectType()
export class RosterKpiSolver implements core.SolverKpis {
  @Field(() => SolverStatusEnum, { nullable: true })
  status!: RosterStatus | null;

  @Field(() => Float, { nullable: true })
  seconds!: number | null;

  @Field(() => Float, { nullable: true })
  gap!: number | null;

  @Field()
  heuristic!: boolean;
}

@ObjectType({ description: 'KPIs of a roster, recomputed after every manual edit.' })
export class RosterKpis implements core.RosterKpis {
  @Field(() => [RosterSkillKpi])
  skills!: RosterSkillKpi[];

  @Field(() => Float, { description: 'Σ hourly cost × paid hours.' })
  labourCost!: number;

  @Field(() => [RosterStaffHours])
  staff!: RosterStaffHours[];

  @Field(() => RosterFairness)
  fairness!: RosterFairness;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of shifts of people with preferences that meet them.',
  })
  preferencesMetPercent!: number | null;

  @Field(() => RosterKpiSolver)
  solver!: RosterKpiSolver;
}

@ObjectType({
  description: 'Requirement against scheduled agents of one skill, one value per interval from Monday 00:00.',
})
export class RosterCoverage implements version.SkillCoverage {
  @Field()
  skill!: string;

  @Field(() => [Float])
  required!: number[];

  @Field(() => [Float], { description: 'Agents working, net of breaks.' })
  scheduled!: number[];

  @Field(() => [Float], {
    nullable: true,
    description: 'Agents on shift but on a break; null on rosters stored before breaks.',
  })
  onBreak?: number[];
}

@ObjectType()
export class RosterUncoverable implements core.UncoverableRange {
  @Field()
  skill!: string;

  @Field()
  start!: string;

  @Field()
  end!: string;

  @Field(() => Float)
  required!: number;

  @Field(() => Float)
  maxPossible!: number;

  @Field()
  reason!: string;
}

@ObjectType()
export class RosterStaffIssue implements core.StaffIssue {
  @Field(() => ID)
  staffId!: string;

  @Field()
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'MIN_HOURS_ABOVE_SHIFTS (the minimum exceeds the hours of the shifts the person can work at all) or MIN_HOURS_UNREACHABLE (no week of those shifts meets it with rest, day and hour limits); null on diagnoses stored before 2026-12-04.',
  })
  code?: core.StaffIssueCode;

  @Field(() => Float, {
    nullable: true,
    description: "The week's minimum hours: the contract's, less credited days off.",
  })
  minHoursWeek?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The most hours found possible: the bound of their shifts, or the best week found.',
  })
  reachableHours?: number;
}

@ObjectType({ description: 'Why (part of) the week cannot be covered.' })
export class RosterDiagnosis implements core.RosterDiagnosis {
  @Field(() => [RosterUncoverable])
  uncoverable!: RosterUncoverable[];

  @Field(() => [RosterStaffIssue])
  staff!: RosterStaffIssue[];

  @Field(() => [String])
  messages!: string[];
}

@ObjectType({ description: 'A soft issue: under-cover or a missed preference.' })
export class RosterWarning implements core.Warning {
  @Field(() => String, { description: 'UNDER_COVER or PREFERENCE.' })
  kind!: core.Warning['kind'];

  @Field()
  message!: string;
}

@ObjectType({ description: 'One version of a week’s roster.' })
export class Roster implements Omit<version.RosterVersion, 'problem' | 'revision'> {
  @Field(() => ID, { name: 'id' })
  _id!: string;

  @Field({ description: 'Monday of the week, YYYY-MM-DD.' })
  week!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => RosterDocStatusEnum)
  status!: RosterVersionStatus;

  @Field(() => Int)
  intervalMinutes!: number;

  @Field(() => RosterSolverInfo)
  solver!: RosterSolverInfo;

  @Field(() => RosterKpis)
  kpis!: RosterKpis;

  /** The field, with its `staffId` and `date` arguments: RosterResolver.assignments. */
  assignments!: RosterAssignment[];

  /** The field, with its `skill` argument: RosterResolver.coverage. */
  coverage!: RosterCoverage[];

  @Field(() => RosterDiagnosis, { nullable: true })
  diagnosis!: RosterDiagnosis | null;

  @Field(() => [RosterWarning], {
    description: `Soft issues found by the checker: the first ${MAX_ROSTER_WARNINGS} (warningCount counts them all).`,
  })
  warnings!: RosterWarning[];

  /** The field: RosterResolver.warningCount (older rosters store no count). */
  warningCount?: number;

  @Field(() => Int, { description: 'Manual edits applied since generation.' })
  manualEdits!: number;

  @Field(() => ID, { nullable: true })
  jobId!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => ID, { nullable: true })
  createdBy!: string | null;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  publishedBy!: string | null;
}

@ObjectType()
export class UpdateAssignmentResult implements Omit<service.UpdateAssignmentResult, 'roster'> {
  @Field(() => Roster)
  roster!: Roster;

  @Field(() => [RosterWarning], {
    description: `Soft issues of the whole roster after the change: the first ${MAX_ROSTER_WARNINGS}.`,
  })
  warnings!: RosterWarning[];

  @Field(() => Int, { description: 'Soft issues of the whole roster after the change, all of them.' })
  warningCount!: number;
}

/**
 * The solve figures of a job's stored progress and of its live events (a base only, not a
 * type of the schema); each keeps its own objective, described in the event only.
 */
@ObjectType('RosterSolveProgress')
export class RosterSolveProgress implements Omit<events.SolveProgress, 'objective'> {
  @Field(() => Float, { nullable: true })
  bound!: number | null;

  @Field(() => Float, { nullable: true })
  gap!: number | null;

  @Field(() => Float)
  elapsedSeconds!: number;
}

@ObjectType()
export class RosterJobProgressInfo extends RosterSolveProgress implements docs.RosterJobProgressInfo {
  @Field(() => String, { nullable: true, description: 'validate, build, solve, heuristic, check or done.' })
  solverPhase!: string | null;

  @Field(() => Float, { nullable: true })
  objective!: number | null;
}

@ObjectType({ description: 'A background roster generation (generateRoster or planWeek).' })
export class RosterJob implements Omit<docs.RosterJobDoc, 'options' | 'createdBy'> {
  @Field(() => ID, { name: 'id' })
  _id!: string;

  @Field(() => RosterJobKindEnum)
  kind!: RosterJobKind;

  @Field()
  week!: string;

  @Field(() => RosterJobStateEnum)
  state!: RosterJobState;

  @Field(() => String, { description: 'queued, forecast, staffing, prepare, solve, store or done.' })
  phase!: RosterJobPhase;

  @Field(() => RosterJobProgressInfo)
  progress!: RosterJobProgressInfo;

  @Field(() => ID, { nullable: true, description: 'The DRAFT roster, once SUCCEEDED.' })
  rosterId!: string | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => RosterDiagnosis, { nullable: true })
  diagnosis!: RosterDiagnosis | null;

  @Field(() => [String], { description: 'What the preparation left out and why.' })
  notes!: string[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType({ description: 'A live progress event of a roster job.' })
export class RosterJobProgress extends RosterSolveProgress implements events.RosterJobProgressEvent {
  @Field(() => ID)
  jobId!: string;

  @Field(() => RosterJobStateEnum)
  state!: RosterJobState;

  @Field(() => String)
  phase!: RosterJobPhase;

  @Field(() => Float, { nullable: true, description: 'Best objective found so far.' })
  objective!: number | null;

  @Field(() => ID, { nullable: true })
  rosterId!: string | null;

  @Field(() => String, { nullable: true, description: 'Solver sub-phase, a planWeek step, or the error.' })
  message!: string | null;
}

@ObjectType({ description: 'A week’s roster has been published.' })
export class RosterPublished implements Omit<events.RosterPublishedEvent, 'publishedBy'> {
  @Field(() => ID)
  rosterId!: string;

  @Field()
  week!: string;

  @Field(() => Date)
  publishedAt!: Date;
}

@ObjectType({ description: 'A shift of a timetable.' })
export class TimetableShift extends RosterAssignment implements service.TimetableShift {
  @Field(() => RosterConflict, {
    nullable: true,
    description: 'Set when current staff data (leave, availability, contract) breaks this shift.',
  })
  conflict!: RosterConflict | null;
}

@ObjectType({ description: 'The caller’s own shifts in the week’s published roster.' })
export class Timetable implements service.Timetable {
  @Field()
  week!: string;

  @Field(() => ID)
  staffId!: string;

  @Field(() => ID)
  rosterId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => [TimetableShift])
  shifts!: TimetableShift[];
}
