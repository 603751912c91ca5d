/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** ADD a shift, MOVE one, REMOVE one, or SWAP: exchange the shifts of staffId and toStaffId on date (toStaffId takes staffId's shift when they have none that day). */
export type AssignmentAction =
  | 'ADD'
  | 'MOVE'
  | 'REMOVE'
  | 'SWAP';

export type AuditFilterInput = {
  action?: string | null | undefined;
  from?: string | null | undefined;
  ok?: boolean | null | undefined;
  to?: string | null | undefined;
  userId?: string | number | null | undefined;
};

export type AvailabilityExceptionInput = {
  /** false: leave / sickness (whole day without times); true: extra availability (times required). */
  available: boolean;
  /** YYYY-MM-DD. */
  date: string;
  from?: string | null | undefined;
  /** e.g. "annual leave", "sickness", "extra shift". */
  reason: string;
  to?: string | null | undefined;
};

/** The whole availability of one person: replaces what was there. */
export type AvailabilityInput = {
  exceptions?: Array<AvailabilityExceptionInput>;
  weekly: Array<WeeklyWindowInput>;
};

export type CreateUserInput = {
  /** At least MIN_PASSWORD_LENGTH characters, not containing the username. */
  password: string;
  roles: Array<Role>;
  staffId?: string | number | null | undefined;
  username: string;
};

/** One interval of a queue: Erlang C, or Erlang A when patienceSeconds is given. */
export type ErlangCalculatorInput = {
  /** A head count (productive agents) to evaluate too. */
  agents?: number | null | undefined;
  /** Average handling time, seconds. */
  ahtSeconds: number;
  /** Answer time t of the service level "answered within t seconds". */
  answerSeconds: number;
  /** Interval length, minutes (e.g. 15, 30, 60). */
  intervalMinutes: number;
  /** Maximum occupancy, in [0.05, 1]. */
  maxOccupancy?: number;
  /** Mean patience before abandoning, seconds: Erlang A. */
  patienceSeconds?: number | null | undefined;
  /** Target share answered within answerSeconds, in (0, 1). */
  serviceLevelTarget: number;
  /** Share of paid time not available for work, in [0, 1). */
  shrinkage?: number;
  /** Average-speed-of-answer target, seconds. */
  targetAsaSeconds?: number | null | undefined;
  /** Contacts arriving in the interval, at most 1000000. */
  volume: number;
};

/** Which way a KPI improves: a figure meets its target at or above it (HIGHER), at or below it (LOWER). */
export type KpiDirection =
  | 'HIGHER_IS_BETTER'
  | 'LOWER_IS_BETTER';

/** SHARE: a rate in [0, 1] (0.9 is 90 %), as the KPIs are served. HOURS: hours. */
export type KpiUnit =
  | 'HOURS'
  | 'SHARE';

/** SNAIVE seasonal naive, MSTL (+AutoETS), ARIMA (SARIMA), THETA (SES with drift), ETS (exponential smoothing state space, as R’s ets), HARMONIC (Fourier terms + SES level), PROPHET, ENSEMBLE (inverse-error weighted best three). */
export type ModelKind =
  | 'ARIMA'
  | 'ENSEMBLE'
  | 'ETS'
  | 'HARMONIC'
  | 'MSTL'
  | 'PROPHET'
  | 'SNAIVE'
  | 'THETA';

/** Exactly one ACTIVE version per channel. */
export type ModelStatus =
  | 'ACTIVE'
  | 'INACTIVE';

/** Which forecast value the staffing requirement is built from: the mean or an upper interval bound. */
export type RequirementBasis =
  | 'HI80'
  | 'HI95'
  | 'MEAN';

/** What a user may do; see the README role table. */
export type Role =
  | 'ADMIN'
  | 'AGENT'
  | 'MANAGER'
  | 'PARTNER'
  | 'SERVICE_PROVIDER';

export type RosterJobState =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type RosterOptionsInput = {
  /** Default MEAN. */
  basis?: RequirementBasis | null | undefined;
  /** Interval of `requirements` (15, 30 or 60); required with them. */
  intervalMinutes?: number | null | undefined;
  /** Minimum rest between shifts in hours (default 11). */
  minRestHours?: number | null | undefined;
  /** Stop when proven within this relative gap (default 0.01). */
  relativeGap?: number | null | undefined;
  /** Use this requirement instead of the staffing plan (what-if, imported requirement): one entry per known skill (a channel's required skill or team_lead), at most 64. */
  requirements?: Array<RosterRequirementInput> | null | undefined;
  /** Solver time limit (default 60 s). */
  timeLimitSeconds?: number | null | undefined;
};

/** Agents required per interval of one skill, from Monday 00:00 for 7 days. */
export type RosterRequirementInput = {
  skill: string;
  /** Agents per interval, 0–1000000: 7 × 24 × 60 / intervalMinutes of them (672, 336 or 168). */
  values: Array<number>;
};

/** OPTIMAL: proven within the gap. FEASIBLE: limit reached, best found so far (or heuristic). */
export type RosterSolverStatus =
  | 'ERROR'
  | 'FEASIBLE'
  | 'INFEASIBLE'
  | 'OPTIMAL';

/** DRAFT: generated or edited, not visible to agents. PUBLISHED: the week’s timetable (one per week). SUPERSEDED: an earlier published version, kept. */
export type RosterStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'SUPERSEDED';

/** What-if overrides of a channel’s planning parameters; omitted fields keep the channel’s. */
export type ScenarioInput = {
  /** Average handling time, seconds. */
  ahtSeconds?: number | null | undefined;
  /** Answer time of the service level, seconds. */
  answerSeconds?: number | null | undefined;
  /** Maximum occupancy, in [0.05, 1]. */
  maxOccupancy?: number | null | undefined;
  /** Share answered within answerSeconds, in (0, 1). */
  serviceLevelTarget?: number | null | undefined;
  /** Share of paid time not available for work, in [0, 1). */
  shrinkage?: number | null | undefined;
  /** Scales every interval’s volume; 1.1 = +10 %. */
  volumeMultiplier?: number | null | undefined;
};

/** Forecast figure a plan staffs for: the mean, or the upper bound of the 80 % / 95 % interval. */
export type StaffingBasis =
  | 'HI80'
  | 'HI95'
  | 'MEAN';

/** The target that set the head count (the last one to be met). */
export type StaffingBindingConstraint =
  | 'ASA'
  | 'NONE'
  | 'OCCUPANCY'
  | 'SERVICE_LEVEL'
  | 'STABILITY';

/** ERLANG_C: live, no abandonment. ERLANG_A: live with patience. WORKLOAD: deferred work. */
export type StaffingModel =
  | 'ERLANG_A'
  | 'ERLANG_C'
  | 'WORKLOAD';

/** One manual change. The pair (staffId, date) names an existing shift. */
export type UpdateAssignmentInput = {
  action: AssignmentAction;
  /** Day of the shift (ADD: the new day), YYYY-MM-DD. */
  date: string;
  /** ADD: the shift template. */
  shiftTemplateId?: string | number | null | undefined;
  /** ADD: the skill served (default: the first the person has). */
  skill?: string | null | undefined;
  /** Whose shift (ADD: who gets it). */
  staffId: string | number;
  /** MOVE: to another day, YYYY-MM-DD. */
  toDate?: string | null | undefined;
  /** MOVE: to another shift template. */
  toShiftTemplateId?: string | number | null | undefined;
  /** MOVE: to another skill. */
  toSkill?: string | null | undefined;
  /** MOVE: to another person. SWAP: required, the other person. */
  toStaffId?: string | number | null | undefined;
};

export type UpdateUserInput = {
  active?: boolean | null | undefined;
  roles?: Array<Role> | null | undefined;
  staffId?: string | number | null | undefined;
};

export type WeeklyWindowInput = {
  /** 1 = Monday … 7 = Sunday. */
  dayOfWeek: number;
  /** "HH:MM". */
  from: string;
  /** "HH:MM" or "24:00"; after from. */
  to: string;
};

export type PingSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PingSubscription = { ping: { seq: number } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MyAvailabilityQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAvailabilityQuery = { availabilityLockDate: string | null, myAvailability: { updatedAt: string | null, weekly: Array<{ dayOfWeek: number, from: string, to: string }>, exceptions: Array<{ date: string, available: boolean, from: string | null, to: string | null, reason: string }> } };

export type SetMyAvailabilityMutationVariables = Exact<{
  input: AvailabilityInput;
}>;


export type SetMyAvailabilityMutation = { setMyAvailability: { updatedAt: string | null } };

export type MyTimetableQueryVariables = Exact<{
  week: string;
}>;


export type MyTimetableQuery = { myTimetable: { version: number, publishedAt: string | null, shifts: Array<{ date: string, start: string, end: string, skill: string, breaks: Array<{ start: string, end: string, paid: boolean }> | null }> } | null };

export type MyRosterPublishedSubscriptionVariables = Exact<{
  week: string;
}>;


export type MyRosterPublishedSubscription = { rosterPublished: { rosterId: string } };

export type AuditLogQueryVariables = Exact<{
  filter?: AuditFilterInput | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, nodes: Array<{ id: string, at: string, username: string | null, action: string, target: string | null, ok: boolean, code: string | null }> } };

export type ErlangCalculatorQueryVariables = Exact<{
  input: ErlangCalculatorInput;
}>;


export type ErlangCalculatorQuery = { erlangCalculator: { model: StaffingModel, trafficErlangs: number, rawAgents: number, scheduledAgents: number, binding: StaffingBindingConstraint, atRequired: { agents: number, serviceLevel: number, asaSeconds: number | null, occupancy: number, waitProbability: number, abandonProbability: number | null } } };

export type ForecastModelsQueryVariables = Exact<{
  channel: string;
}>;


export type ForecastModelsQuery = { models: Array<{ id: string, version: number, kind: ModelKind, status: ModelStatus, createdAt: string, metrics: { mase: number | null, wape: number | null, coverage80: number | null, coverage95: number | null, origins: number } }> };

export type ActivateModelMutationVariables = Exact<{
  id: string | number;
}>;


export type ActivateModelMutation = { activateModel: { id: string, status: ModelStatus } };

export type ForecastAccuracyQueryVariables = Exact<{
  channel: string;
  from: string;
  to: string;
}>;


export type ForecastAccuracyQuery = { forecastAccuracy: { drift: boolean, driftFactor: number, runs: Array<{ forecastId: string, modelKind: ModelKind, start: string, drift: boolean, backtestWape: number | null, metrics: { n: number, wape: number | null, mase: number | null, coverage80: number | null, coverage95: number | null } }> } };

export type ForecastRunFieldsFragment = { id: string, start: string, end: string, horizonDays: number, intervalMinutes: number, modelKind: ModelKind, createdAt: string, points: Array<{ t: string, mean: number, lo80: number, hi80: number, lo95: number, hi95: number }>, dailyTotals: Array<{ date: string, mean: number, lo80: number, hi80: number, lo95: number, hi95: number }> };

export type LatestForecastQueryVariables = Exact<{
  channel: string;
}>;


export type LatestForecastQuery = { latestForecast: { id: string, start: string, end: string, horizonDays: number, intervalMinutes: number, modelKind: ModelKind, createdAt: string, points: Array<{ t: string, mean: number, lo80: number, hi80: number, lo95: number, hi95: number }>, dailyTotals: Array<{ date: string, mean: number, lo80: number, hi80: number, lo95: number, hi95: number }> } | null };

export type ForecastByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ForecastByIdQuery = { forecast: { id: string, start: string, end: string, horizonDays: number, intervalMinutes: number, modelKind: ModelKind, createdAt: string, points: Array<{ t: string, mean: number, lo80: number, hi80: number, lo95: number, hi95: number }>, dailyTotals: Array<{ date: string, mean: number, lo80: number, hi80: number, lo95: number, hi95: number }> } };

export type ForecastRunsQueryVariables = Exact<{
  channel: string;
}>;


export type ForecastRunsQuery = { forecasts: { nodes: Array<{ id: string, start: string, createdAt: string, modelKind: ModelKind }> } };

export type ForecastHistoryQueryVariables = Exact<{
  channel: string;
  from: string;
  to: string;
}>;


export type ForecastHistoryQuery = { volumes: { intervals: Array<{ t: string, value: number | null }> } };

export type RunForecastMutationVariables = Exact<{
  channel: string;
  start: string;
  horizonDays: number;
}>;


export type RunForecastMutation = { runForecast: { id: string } };

export type ForecastUpdatedSubscriptionVariables = Exact<{
  channel: string;
}>;


export type ForecastUpdatedSubscription = { forecastUpdated: { forecastId: string, start: string } };

export type ForecastChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ForecastChannelsQuery = { channels: { nodes: Array<{ key: string, name: string }> } };

export type HistoryQualityQueryVariables = Exact<{
  channel: string;
  from: string;
  to: string;
}>;


export type HistoryQualityQuery = { validateVolumes: { counts: { missing: number, negatives: number, outsideOpeningHours: number, outliers: number }, outliers: Array<{ timestamp: string, value: number | null, expected: number, score: number }> } };

export type LoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string, user: { username: string, roles: Array<Role>, staffId: string | null } } };

export type RankerFieldsFragment = { id: string, version: number, status: string, createdAt: string, activatedAt: string | null, lookbackWeeks: number, metrics: { auc: number | null, baselineAuc: number | null, precisionAtK: number | null, baselinePrecisionAtK: number | null, trainRows: number, validationRows: number, trainWeeks: Array<string>, validationWeeks: Array<string> } };

export type RankerModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type RankerModelsQuery = { rankerModels: Array<{ id: string, version: number, status: string, createdAt: string, activatedAt: string | null, lookbackWeeks: number, metrics: { auc: number | null, baselineAuc: number | null, precisionAtK: number | null, baselinePrecisionAtK: number | null, trainRows: number, validationRows: number, trainWeeks: Array<string>, validationWeeks: Array<string> } }>, rankerRollback: { refusal: string | null, target: { id: string, version: number } | null } };

export type TrainRankerMutationVariables = Exact<{
  lookbackWeeks: number;
}>;


export type TrainRankerMutation = { trainAssignmentRanker: { id: string, version: number, status: string, createdAt: string, activatedAt: string | null, lookbackWeeks: number, metrics: { auc: number | null, baselineAuc: number | null, precisionAtK: number | null, baselinePrecisionAtK: number | null, trainRows: number, validationRows: number, trainWeeks: Array<string>, validationWeeks: Array<string> } } };

export type ActivateRankerMutationVariables = Exact<{
  id: string | number;
}>;


export type ActivateRankerMutation = { activateRanker: { id: string, version: number, status: string, createdAt: string, activatedAt: string | null, lookbackWeeks: number, metrics: { auc: number | null, baselineAuc: number | null, precisionAtK: number | null, baselinePrecisionAtK: number | null, trainRows: number, validationRows: number, trainWeeks: Array<string>, validationWeeks: Array<string> } } };

export type RollbackRankerMutationVariables = Exact<{ [key: string]: never; }>;


export type RollbackRankerMutation = { rollbackRanker: { id: string, version: number, status: string, createdAt: string, activatedAt: string | null, lookbackWeeks: number, metrics: { auc: number | null, baselineAuc: number | null, precisionAtK: number | null, baselinePrecisionAtK: number | null, trainRows: number, validationRows: number, trainWeeks: Array<string>, validationWeeks: Array<string> } } };

export type KpiTargetFieldsFragment = { baseline: number, target: number, direction: KpiDirection, unit: KpiUnit };

export type SchedulingKpisQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type SchedulingKpisQuery = { schedulingKpis: { targets: { successRate: { baseline: number, target: number, direction: KpiDirection, unit: KpiUnit }, workloadBalance: { baseline: number, target: number, direction: KpiDirection, unit: KpiUnit }, interventionRate: { baseline: number, target: number, direction: KpiDirection, unit: KpiUnit } }, overall: { successRate: number | null, workloadBalance: number | null, interventionRate: number | null, fallbackRate: number | null, targetMet: { successRate: boolean | null, workloadBalance: boolean | null, interventionRate: boolean | null } }, weeks: Array<{ week: string, successRate: number | null, workloadBalance: number | null, interventionRate: number | null, fallbackRate: number | null, targetMet: { workloadBalance: boolean | null, interventionRate: boolean | null }, mlVsRules: { rulesCoveragePercent: number | null, modelCoveragePercent: number | null, rulesLabourCost: number, modelLabourCost: number, differingAssignments: number } | null }> } };

export type RostersQueryVariables = Exact<{
  week: string;
}>;


export type RostersQuery = { rosters: Array<{ id: string, version: number, status: RosterStatus, createdAt: string }> };

export type RosterDetailQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type RosterDetailQuery = { roster: { id: string, week: string, version: number, status: RosterStatus, manualEdits: number, intervalMinutes: number, publishedAt: string | null, assignmentCount: number, solver: { status: RosterSolverStatus, gap: number | null, seconds: number, heuristic: boolean }, ranking: { path: string, fallbackRate: number | null, reason: string | null } | null, staffWeeks: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, nodes: Array<{ staffId: string, assignments: Array<{ staffId: string, date: string, start: string, end: string, skill: string, shiftTemplateId: string }> }> }, kpis: { labourCost: number, preferencesMetPercent: number | null, skills: Array<{ skill: string, coveragePercent: number | null, requiredHours: number, underStaffedHours: number, overStaffedHours: number }>, fairness: { hoursDeviationStdDev: number | null, weekendShiftsMin: number | null, weekendShiftsMax: number | null, weekendShiftsSpread: number | null } }, warnings: Array<{ kind: string, message: string }> } };

export type RosterCoverageQueryVariables = Exact<{
  id: string | number;
  skill: string;
}>;


export type RosterCoverageQuery = { roster: { id: string, coverage: Array<{ skill: string, required: Array<number>, scheduled: Array<number> }> } };

export type RosterBreaksQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type RosterBreaksQuery = { roster: { id: string, staffWeeks: { nodes: Array<{ assignments: Array<{ breaks: Array<{ start: string, end: string }> | null }> }> } } };

export type RosterStaffQueryVariables = Exact<{ [key: string]: never; }>;


export type RosterStaffQuery = { staff: { nodes: Array<{ id: string, name: string, employeeNo: string }> }, shiftTemplates: { nodes: Array<{ id: string, name: string, start: string, durationMinutes: number, breakMinutes: number }> } };

export type PublishRosterMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishRosterMutation = { publishRoster: { id: string, status: RosterStatus, publishedAt: string | null } };

export type UpdateAssignmentMutationVariables = Exact<{
  rosterId: string | number;
  input: UpdateAssignmentInput;
}>;


export type UpdateAssignmentMutation = { updateAssignment: { roster: { id: string, manualEdits: number }, warnings: Array<{ kind: string, message: string }> } };

export type PlanWeekMutationVariables = Exact<{
  week: string;
  options?: RosterOptionsInput | null | undefined;
}>;


export type PlanWeekMutation = { planWeek: { id: string, state: RosterJobState, phase: string } };

export type CancelRosterJobMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelRosterJobMutation = { cancelRosterJob: { id: string, state: RosterJobState, phase: string } };

export type RosterJobQueryVariables = Exact<{
  id: string | number;
}>;


export type RosterJobQuery = { rosterJob: { id: string, state: RosterJobState, phase: string, rosterId: string | null, error: string | null, notes: Array<string>, progress: { elapsedSeconds: number, gap: number | null, objective: number | null } } };

export type RosterJobProgressSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type RosterJobProgressSubscription = { rosterJobProgress: { jobId: string, state: RosterJobState, phase: string, elapsedSeconds: number, gap: number | null, objective: number | null, message: string | null, rosterId: string | null } };

export type StaffingScenarioQueryVariables = Exact<{
  channel: string;
  week?: string | null | undefined;
  basis: StaffingBasis;
  overrides: ScenarioInput;
}>;


export type StaffingScenarioQuery = { staffingScenario: { base: { intervalMinutes: number, totals: { volume: number, workloadHours: number, scheduledStaffHours: number, weeklyFte: number, peakScheduledAgents: number }, rows: Array<{ scheduledAgents: number }> }, scenario: { totals: { volume: number, workloadHours: number, scheduledStaffHours: number, weeklyFte: number, peakScheduledAgents: number }, rows: Array<{ scheduledAgents: number }> } } };

export type StaffingPlanQueryVariables = Exact<{
  week: string;
  basis: StaffingBasis;
}>;


export type StaffingPlanQuery = { staffingPlan: { week: string, intervalMinutes: number, totalFte: number, totalStaffHours: number, skills: Array<{ skill: string, fte: number, peak: number, staffHours: number, values: Array<number> }>, channels: Array<{ channel: string, skill: string, model: StaffingModel, weeklyFte: number, weeklyStaffHours: number, peakScheduledAgents: number }> } };

export type UsersQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersQuery = { users: { totalCount: number, nodes: Array<{ id: string, username: string, roles: Array<Role>, active: boolean, staffId: string | null, lastLoginAt: string | null, lockedUntil: string | null }> } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string } };

export type UpdateUserMutationVariables = Exact<{
  id: string | number;
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { id: string, active: boolean, roles: Array<Role> } };

export type ResetPasswordMutationVariables = Exact<{
  id: string | number;
  password: string;
}>;


export type ResetPasswordMutation = { resetPassword: { id: string, lockedUntil: string | null } };

export type SiteZoneQueryVariables = Exact<{ [key: string]: never; }>;


export type SiteZoneQuery = { serverInfo: { timeZone: string } };

export const ForecastRunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ForecastRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Forecast"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"horizonDays"}},{"kind":"Field","name":{"kind":"Name","value":"intervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"modelKind"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"t"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"lo80"}},{"kind":"Field","name":{"kind":"Name","value":"hi80"}},{"kind":"Field","name":{"kind":"Name","value":"lo95"}},{"kind":"Field","name":{"kind":"Name","value":"hi95"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dailyTotals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"lo80"}},{"kind":"Field","name":{"kind":"Name","value":"hi80"}},{"kind":"Field","name":{"kind":"Name","value":"lo95"}},{"kind":"Field","name":{"kind":"Name","value":"hi95"}}]}}]}}]} as unknown as DocumentNode<ForecastRunFieldsFragment, unknown>;
export const RankerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RankerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RankerModel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"activatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lookbackWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auc"}},{"kind":"Field","name":{"kind":"Name","value":"baselineAuc"}},{"kind":"Field","name":{"kind":"Name","value":"precisionAtK"}},{"kind":"Field","name":{"kind":"Name","value":"baselinePrecisionAtK"}},{"kind":"Field","name":{"kind":"Name","value":"trainRows"}},{"kind":"Field","name":{"kind":"Name","value":"validationRows"}},{"kind":"Field","name":{"kind":"Name","value":"trainWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"validationWeeks"}}]}}]}}]} as unknown as DocumentNode<RankerFieldsFragment, unknown>;
export const KpiTargetFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiTargetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiTarget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"baseline"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]} as unknown as DocumentNode<KpiTargetFieldsFragment, unknown>;
export const PingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Ping"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ping"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}}]}}]}}]} as unknown as DocumentNode<PingSubscription, PingSubscriptionVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const MyAvailabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAvailability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availabilityLockDate"}},{"kind":"Field","name":{"kind":"Name","value":"myAvailability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"weekly"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exceptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<MyAvailabilityQuery, MyAvailabilityQueryVariables>;
export const SetMyAvailabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMyAvailability"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AvailabilityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMyAvailability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<SetMyAvailabilityMutation, SetMyAvailabilityMutationVariables>;
export const MyTimetableDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTimetable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"week"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myTimetable"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"week"},"value":{"kind":"Variable","name":{"kind":"Name","value":"week"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shifts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"skill"}},{"kind":"Field","name":{"kind":"Name","value":"breaks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyTimetableQuery, MyTimetableQueryVariables>;
export const MyRosterPublishedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MyRosterPublished"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"week"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterPublished"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"week"},"value":{"kind":"Variable","name":{"kind":"Name","value":"week"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterId"}}]}}]}}]} as unknown as DocumentNode<MyRosterPublishedSubscription, MyRosterPublishedSubscriptionVariables>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const ErlangCalculatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ErlangCalculator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ErlangCalculatorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"erlangCalculator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"trafficErlangs"}},{"kind":"Field","name":{"kind":"Name","value":"rawAgents"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAgents"}},{"kind":"Field","name":{"kind":"Name","value":"binding"}},{"kind":"Field","name":{"kind":"Name","value":"atRequired"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agents"}},{"kind":"Field","name":{"kind":"Name","value":"serviceLevel"}},{"kind":"Field","name":{"kind":"Name","value":"asaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"occupancy"}},{"kind":"Field","name":{"kind":"Name","value":"waitProbability"}},{"kind":"Field","name":{"kind":"Name","value":"abandonProbability"}}]}}]}}]}}]} as unknown as DocumentNode<ErlangCalculatorQuery, ErlangCalculatorQueryVariables>;
export const ForecastModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ForecastModels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mase"}},{"kind":"Field","name":{"kind":"Name","value":"wape"}},{"kind":"Field","name":{"kind":"Name","value":"coverage80"}},{"kind":"Field","name":{"kind":"Name","value":"coverage95"}},{"kind":"Field","name":{"kind":"Name","value":"origins"}}]}}]}}]}}]} as unknown as DocumentNode<ForecastModelsQuery, ForecastModelsQueryVariables>;
export const ActivateModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ActivateModelMutation, ActivateModelMutationVariables>;
export const ForecastAccuracyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ForecastAccuracy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forecastAccuracy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drift"}},{"kind":"Field","name":{"kind":"Name","value":"driftFactor"}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forecastId"}},{"kind":"Field","name":{"kind":"Name","value":"modelKind"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"drift"}},{"kind":"Field","name":{"kind":"Name","value":"backtestWape"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"n"}},{"kind":"Field","name":{"kind":"Name","value":"wape"}},{"kind":"Field","name":{"kind":"Name","value":"mase"}},{"kind":"Field","name":{"kind":"Name","value":"coverage80"}},{"kind":"Field","name":{"kind":"Name","value":"coverage95"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ForecastAccuracyQuery, ForecastAccuracyQueryVariables>;
export const LatestForecastDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LatestForecast"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latestForecast"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ForecastRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ForecastRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Forecast"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"horizonDays"}},{"kind":"Field","name":{"kind":"Name","value":"intervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"modelKind"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"t"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"lo80"}},{"kind":"Field","name":{"kind":"Name","value":"hi80"}},{"kind":"Field","name":{"kind":"Name","value":"lo95"}},{"kind":"Field","name":{"kind":"Name","value":"hi95"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dailyTotals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"lo80"}},{"kind":"Field","name":{"kind":"Name","value":"hi80"}},{"kind":"Field","name":{"kind":"Name","value":"lo95"}},{"kind":"Field","name":{"kind":"Name","value":"hi95"}}]}}]}}]} as unknown as DocumentNode<LatestForecastQuery, LatestForecastQueryVariables>;
export const ForecastByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ForecastById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forecast"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ForecastRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ForecastRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Forecast"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"horizonDays"}},{"kind":"Field","name":{"kind":"Name","value":"intervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"modelKind"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"t"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"lo80"}},{"kind":"Field","name":{"kind":"Name","value":"hi80"}},{"kind":"Field","name":{"kind":"Name","value":"lo95"}},{"kind":"Field","name":{"kind":"Name","value":"hi95"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dailyTotals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"lo80"}},{"kind":"Field","name":{"kind":"Name","value":"hi80"}},{"kind":"Field","name":{"kind":"Name","value":"lo95"}},{"kind":"Field","name":{"kind":"Name","value":"hi95"}}]}}]}}]} as unknown as DocumentNode<ForecastByIdQuery, ForecastByIdQueryVariables>;
export const ForecastRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ForecastRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forecasts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"modelKind"}}]}}]}}]}}]} as unknown as DocumentNode<ForecastRunsQuery, ForecastRunsQueryVariables>;
export const ForecastHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ForecastHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intervals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"t"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ForecastHistoryQuery, ForecastHistoryQueryVariables>;
export const RunForecastDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunForecast"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"start"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"horizonDays"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runForecast"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"start"},"value":{"kind":"Variable","name":{"kind":"Name","value":"start"}}},{"kind":"Argument","name":{"kind":"Name","value":"horizonDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"horizonDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RunForecastMutation, RunForecastMutationVariables>;
export const ForecastUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ForecastUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forecastUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forecastId"}},{"kind":"Field","name":{"kind":"Name","value":"start"}}]}}]}}]} as unknown as DocumentNode<ForecastUpdatedSubscription, ForecastUpdatedSubscriptionVariables>;
export const ForecastChannelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ForecastChannels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"active"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ForecastChannelsQuery, ForecastChannelsQueryVariables>;
export const HistoryQualityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HistoryQuality"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateVolumes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"missing"}},{"kind":"Field","name":{"kind":"Name","value":"negatives"}},{"kind":"Field","name":{"kind":"Name","value":"outsideOpeningHours"}},{"kind":"Field","name":{"kind":"Name","value":"outliers"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outliers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"expected"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<HistoryQualityQuery, HistoryQualityQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const RankerModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RankerModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rankerModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RankerFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rankerRollback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refusal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RankerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RankerModel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"activatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lookbackWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auc"}},{"kind":"Field","name":{"kind":"Name","value":"baselineAuc"}},{"kind":"Field","name":{"kind":"Name","value":"precisionAtK"}},{"kind":"Field","name":{"kind":"Name","value":"baselinePrecisionAtK"}},{"kind":"Field","name":{"kind":"Name","value":"trainRows"}},{"kind":"Field","name":{"kind":"Name","value":"validationRows"}},{"kind":"Field","name":{"kind":"Name","value":"trainWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"validationWeeks"}}]}}]}}]} as unknown as DocumentNode<RankerModelsQuery, RankerModelsQueryVariables>;
export const TrainRankerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TrainRanker"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lookbackWeeks"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainAssignmentRanker"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lookbackWeeks"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lookbackWeeks"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RankerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RankerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RankerModel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"activatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lookbackWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auc"}},{"kind":"Field","name":{"kind":"Name","value":"baselineAuc"}},{"kind":"Field","name":{"kind":"Name","value":"precisionAtK"}},{"kind":"Field","name":{"kind":"Name","value":"baselinePrecisionAtK"}},{"kind":"Field","name":{"kind":"Name","value":"trainRows"}},{"kind":"Field","name":{"kind":"Name","value":"validationRows"}},{"kind":"Field","name":{"kind":"Name","value":"trainWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"validationWeeks"}}]}}]}}]} as unknown as DocumentNode<TrainRankerMutation, TrainRankerMutationVariables>;
export const ActivateRankerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateRanker"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateRanker"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RankerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RankerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RankerModel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"activatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lookbackWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auc"}},{"kind":"Field","name":{"kind":"Name","value":"baselineAuc"}},{"kind":"Field","name":{"kind":"Name","value":"precisionAtK"}},{"kind":"Field","name":{"kind":"Name","value":"baselinePrecisionAtK"}},{"kind":"Field","name":{"kind":"Name","value":"trainRows"}},{"kind":"Field","name":{"kind":"Name","value":"validationRows"}},{"kind":"Field","name":{"kind":"Name","value":"trainWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"validationWeeks"}}]}}]}}]} as unknown as DocumentNode<ActivateRankerMutation, ActivateRankerMutationVariables>;
export const RollbackRankerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RollbackRanker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollbackRanker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RankerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RankerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RankerModel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"activatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lookbackWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auc"}},{"kind":"Field","name":{"kind":"Name","value":"baselineAuc"}},{"kind":"Field","name":{"kind":"Name","value":"precisionAtK"}},{"kind":"Field","name":{"kind":"Name","value":"baselinePrecisionAtK"}},{"kind":"Field","name":{"kind":"Name","value":"trainRows"}},{"kind":"Field","name":{"kind":"Name","value":"validationRows"}},{"kind":"Field","name":{"kind":"Name","value":"trainWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"validationWeeks"}}]}}]}}]} as unknown as DocumentNode<RollbackRankerMutation, RollbackRankerMutationVariables>;
export const SchedulingKpisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchedulingKpis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schedulingKpis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"successRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiTargetFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workloadBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiTargetFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"interventionRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiTargetFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"workloadBalance"}},{"kind":"Field","name":{"kind":"Name","value":"interventionRate"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackRate"}},{"kind":"Field","name":{"kind":"Name","value":"targetMet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"workloadBalance"}},{"kind":"Field","name":{"kind":"Name","value":"interventionRate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"weeks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"week"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"workloadBalance"}},{"kind":"Field","name":{"kind":"Name","value":"interventionRate"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackRate"}},{"kind":"Field","name":{"kind":"Name","value":"targetMet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workloadBalance"}},{"kind":"Field","name":{"kind":"Name","value":"interventionRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mlVsRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rulesCoveragePercent"}},{"kind":"Field","name":{"kind":"Name","value":"modelCoveragePercent"}},{"kind":"Field","name":{"kind":"Name","value":"rulesLabourCost"}},{"kind":"Field","name":{"kind":"Name","value":"modelLabourCost"}},{"kind":"Field","name":{"kind":"Name","value":"differingAssignments"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiTargetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiTarget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"baseline"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]} as unknown as DocumentNode<SchedulingKpisQuery, SchedulingKpisQueryVariables>;
export const RostersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Rosters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"week"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"week"},"value":{"kind":"Variable","name":{"kind":"Name","value":"week"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<RostersQuery, RostersQueryVariables>;
export const RosterDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RosterDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"week"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"manualEdits"}},{"kind":"Field","name":{"kind":"Name","value":"intervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"solver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"seconds"}},{"kind":"Field","name":{"kind":"Name","value":"heuristic"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ranking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackRate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignmentCount"}},{"kind":"Field","name":{"kind":"Name","value":"staffWeeks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"skill"}},{"kind":"Field","name":{"kind":"Name","value":"shiftTemplateId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"kpis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"labourCost"}},{"kind":"Field","name":{"kind":"Name","value":"preferencesMetPercent"}},{"kind":"Field","name":{"kind":"Name","value":"skills"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skill"}},{"kind":"Field","name":{"kind":"Name","value":"coveragePercent"}},{"kind":"Field","name":{"kind":"Name","value":"requiredHours"}},{"kind":"Field","name":{"kind":"Name","value":"underStaffedHours"}},{"kind":"Field","name":{"kind":"Name","value":"overStaffedHours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fairness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hoursDeviationStdDev"}},{"kind":"Field","name":{"kind":"Name","value":"weekendShiftsMin"}},{"kind":"Field","name":{"kind":"Name","value":"weekendShiftsMax"}},{"kind":"Field","name":{"kind":"Name","value":"weekendShiftsSpread"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RosterDetailQuery, RosterDetailQueryVariables>;
export const RosterCoverageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RosterCoverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skill"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"skill"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skill"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skill"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled"}}]}}]}}]}}]} as unknown as DocumentNode<RosterCoverageQuery, RosterCoverageQueryVariables>;
export const RosterBreaksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RosterBreaks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"staffWeeks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"breaks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RosterBreaksQuery, RosterBreaksQueryVariables>;
export const RosterStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RosterStaff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"employeeNo"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shiftTemplates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"breakMinutes"}}]}}]}}]}}]} as unknown as DocumentNode<RosterStaffQuery, RosterStaffQueryVariables>;
export const PublishRosterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishRoster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishRoster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]} as unknown as DocumentNode<PublishRosterMutation, PublishRosterMutationVariables>;
export const UpdateAssignmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAssignment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rosterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAssignmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAssignment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"rosterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rosterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"manualEdits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateAssignmentMutation, UpdateAssignmentMutationVariables>;
export const PlanWeekDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlanWeek"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"week"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"options"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RosterOptionsInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planWeek"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"week"},"value":{"kind":"Variable","name":{"kind":"Name","value":"week"}}},{"kind":"Argument","name":{"kind":"Name","value":"options"},"value":{"kind":"Variable","name":{"kind":"Name","value":"options"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}}]}}]} as unknown as DocumentNode<PlanWeekMutation, PlanWeekMutationVariables>;
export const CancelRosterJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelRosterJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelRosterJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}}]}}]} as unknown as DocumentNode<CancelRosterJobMutation, CancelRosterJobMutationVariables>;
export const RosterJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RosterJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"rosterId"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"elapsedSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"objective"}}]}}]}}]}}]} as unknown as DocumentNode<RosterJobQuery, RosterJobQueryVariables>;
export const RosterJobProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RosterJobProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterJobProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"elapsedSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"objective"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"rosterId"}}]}}]}}]} as unknown as DocumentNode<RosterJobProgressSubscription, RosterJobProgressSubscriptionVariables>;
export const StaffingScenarioDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaffingScenario"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"week"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"basis"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StaffingBasis"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"overrides"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScenarioInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffingScenario"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"week"},"value":{"kind":"Variable","name":{"kind":"Name","value":"week"}}},{"kind":"Argument","name":{"kind":"Name","value":"basis"},"value":{"kind":"Variable","name":{"kind":"Name","value":"basis"}}},{"kind":"Argument","name":{"kind":"Name","value":"overrides"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overrides"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"base"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"workloadHours"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledStaffHours"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyFte"}},{"kind":"Field","name":{"kind":"Name","value":"peakScheduledAgents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduledAgents"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"scenario"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"workloadHours"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledStaffHours"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyFte"}},{"kind":"Field","name":{"kind":"Name","value":"peakScheduledAgents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduledAgents"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StaffingScenarioQuery, StaffingScenarioQueryVariables>;
export const StaffingPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaffingPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"week"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"basis"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StaffingBasis"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffingPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"week"},"value":{"kind":"Variable","name":{"kind":"Name","value":"week"}}},{"kind":"Argument","name":{"kind":"Name","value":"basis"},"value":{"kind":"Variable","name":{"kind":"Name","value":"basis"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"week"}},{"kind":"Field","name":{"kind":"Name","value":"intervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"totalFte"}},{"kind":"Field","name":{"kind":"Name","value":"totalStaffHours"}},{"kind":"Field","name":{"kind":"Name","value":"skills"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skill"}},{"kind":"Field","name":{"kind":"Name","value":"fte"}},{"kind":"Field","name":{"kind":"Name","value":"peak"}},{"kind":"Field","name":{"kind":"Name","value":"staffHours"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"skill"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyFte"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyStaffHours"}},{"kind":"Field","name":{"kind":"Name","value":"peakScheduledAgents"}}]}}]}}]}}]} as unknown as DocumentNode<StaffingPlanQuery, StaffingPlanQueryVariables>;
export const UsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}}]}}]}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<UpdateUserMutation, UpdateUserMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}}]}}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const SiteZoneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SiteZone"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]}}]} as unknown as DocumentNode<SiteZoneQuery, SiteZoneQueryVariables>;