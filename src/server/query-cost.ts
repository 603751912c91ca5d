/**
 * The cost model of the query limits: what one selection of a field weighs.
 *
 * Every field costs 1; a list field multiplies what it selects by the size the list
 * really has. Page sizes come from `first`: a literal, or a variable's value as the request
 * sends it (see `Variables`); the other lists weigh their known sizes: a
 * forecast's points, a roster's assignments and coverage, a staffing plan's intervals.
 * Unknown lists weigh a default. The sizes are upper ends of what one site returns (a
 * forecast run of 56 days of quarter-hours, a week of 672 quarter-hours for staffing and
 * rosters, 64 skills a roster, 64 channels a site, 500 stored warnings a roster, 10,000 people
 * a roster), so a query that passes cannot return more. A roster's coverage once weighed 10 skills
 * although a roster may cover 64, its warnings and an outcome's rows 20 although thousands
 * were stored or computed, a staffing plan's channels and skills 20 although channels had no
 * cap. Forecast points once weighed a week's 672 although a run may hold 56 days: 24 aliases
 * of `latestForecast` passed at cost 96,817 and answered 14.3 MB in 1.5 s. A roster's shifts
 * once weighed 500 people's although a roster may employ 10,000: 4 aliases of them passed at
 * 84,008 and answered 28.6 MB in 11-15 s.
 */
import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../common/pagination';
import { MAX_BREAKS_PER_SHIFT } from '../staff/shift-breaks.core';
import { MAX_SERIES_DAYS } from '../volumes/volume.service';
import { MAX_HORIZON_DAYS } from '../forecasting/forecast.service';
import { MAX_ACCURACY_RUNS } from '../forecasting/accuracy.service';
import { MAX_LISTED_ISSUES } from '../volumes/volume.validation';
import { MAX_LISTED_ROSTERS } from '../rostering/roster.service';
import { MAX_REQUIREMENT_SKILLS } from '../rostering/roster-requirement.validation';
import { MAX_ROSTER_WARNINGS } from '../rostering/roster-warnings.core';
import { MAX_CHANNELS } from '../channels/channel.validation';
import { MAX_ACTIVE_STAFF } from '../staff/active-staff-cap';
import { MAX_ACTIVE_SHIFT_TEMPLATES } from '../staff/active-template-cap';
import { MAX_EXCEPTIONS } from '../staff/availability.core';
import { MAX_WEEKLY_WINDOWS } from '../common/time-window';
import { MAX_HOLIDAY_RANGE_DAYS } from '../holidays/holiday.service';
import { MAX_KPI_WEEKS } from '../ranking/ranking.service';
import { MAX_ROSTER_STAFF, MAX_SHIFTS_PER_PERSON } from '../rostering/roster-assignments';

/** Page size of a connection field called without `first` (see common/pagination.ts). */
const DEFAULT_PAGE_SIZE = 50;
/** One week of quarter-hour intervals. */
const WEEK_INTERVALS = 672;
/** One day of quarter-hour wall-clock slots (a clock-change day's repeated hour shares its rows). */
const DAY_INTERVALS = 96;
/** Outcome rows of one skill per slot: its LIVE channels pooled, and its DEFERRED ones. */
const OUTCOME_GROUPS_PER_SKILL = 2;
/** A forecast run's points: its longest horizon of up to 100 quarter-hours a day (the fall-back day). */
const FORECAST_POINTS = MAX_HORIZON_DAYS * 100;

/** Known list sizes, `Type.field` → elements. Connection `nodes` weigh 1: `first` already counted them. */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'Forecast.points': FORECAST_POINTS,
  // a run starting at a local midnight spans MAX_HORIZON_DAYS days, one starting later one more
  'Forecast.dailyTotals': MAX_HORIZON_DAYS + 1,
  'ForecastUpdate.dailyTotals': MAX_HORIZON_DAYS + 1,
  'ForecastAccuracy.runs': MAX_ACCURACY_RUNS,
  'RunAccuracy.days': MAX_HORIZON_DAYS + 1,
  // a person's week in a roster: at most one shift a day (a hard rule)
  'RosterStaffWeek.assignments': MAX_SHIFTS_PER_PERSON,
  // a shift's placed breaks: at most MAX_BREAKS_PER_SHIFT rules per template
  'RosterAssignment.breaks': MAX_BREAKS_PER_SHIFT,
  'TimetableShift.breaks': MAX_BREAKS_PER_SHIFT,
  // one entry per skill of the requirement (storeDraft refuses more), each with a value per
  // interval of the week
  'Roster.coverage': MAX_REQUIREMENT_SKILLS,
  // the first MAX_ROSTER_WARNINGS soft issues are stored (warningCount has them all)
  'Roster.warnings': MAX_ROSTER_WARNINGS,
  'UpdateAssignmentResult.warnings': MAX_ROSTER_WARNINGS,
  'RosterCoverage.required': WEEK_INTERVALS,
  'RosterCoverage.scheduled': WEEK_INTERVALS,
  'RosterCoverage.onBreak': WEEK_INTERVALS,
  'RosterKpis.skills': MAX_REQUIREMENT_SKILLS,
  // one per person of the roster's problem
  'RosterKpis.staff': MAX_ROSTER_STAFF,
  'RosterDiagnosis.staff': MAX_ROSTER_STAFF,
  // runs of short intervals, each of one skill: at most every interval of every skill
  'RosterDiagnosis.uncoverable': MAX_REQUIREMENT_SKILLS * WEEK_INTERVALS,
  // one per staff issue and one per uncoverable run
  'RosterDiagnosis.messages': MAX_ROSTER_STAFF + MAX_REQUIREMENT_SKILLS * WEEK_INTERVALS,
  'StaffingPlan.rows': WEEK_INTERVALS,
  // a plan's channels are the active channels, its skills and pooled workloads at most one each
  'StaffingRequirementPlan.channels': MAX_CHANNELS,
  'StaffingRequirementPlan.skills': MAX_CHANNELS,
  'StaffingRequirementPlan.workloads': MAX_CHANNELS,
  'SkillWorkloadPlan.channels': MAX_CHANNELS,
  // a pooled workload's values, one per interval of the week (the plan's step is 15 minutes or more)
  'SkillWorkloadPlan.scheduledAgents': WEEK_INTERVALS,
  'SkillWorkloadPlan.productiveAgents': WEEK_INTERVALS,
  'SkillWorkloadPlan.workHours': WEEK_INTERVALS,
  'SkillWorkloadPlan.occupancy': WEEK_INTERVALS,
  'WorkloadChannelFlow.agents': WEEK_INTERVALS,
  'WorkloadChannelFlow.handled': WEEK_INTERVALS,
  // an outcome row's channels: those of its skill and kind
  'RosterOutcomeInterval.channels': MAX_CHANNELS,
  // one summary per channel with volumes
  'Query.dataSummary': MAX_CHANNELS,
  'VolumeImportResult.channels': MAX_CHANNELS,
  'ScenarioDifference.rows': WEEK_INTERVALS,
  'StaffingSkillRequirement.values': WEEK_INTERVALS,
  // at most MAX_SERIES_DAYS days of up to 100 quarter-hours (the fall-back day)
  'VolumeSeries.intervals': MAX_SERIES_DAYS * 100,
  // issue lists hold the first MAX_LISTED_ISSUES of their kind
  'VolumeValidation.missing': MAX_LISTED_ISSUES,
  'VolumeValidation.negatives': MAX_LISTED_ISSUES,
  'VolumeValidation.outliers': MAX_LISTED_ISSUES,
  'VolumeValidation.outsideOpeningHours': MAX_LISTED_ISSUES,
  'VolumeValidation.duplicates': MAX_LISTED_ISSUES,
  'VolumeImportResult.duplicates': MAX_LISTED_ISSUES,
  // the newest versions of the week only
  'Query.rosters': MAX_LISTED_ROSTERS,
  // what the inputs, imports and stored-data checks allow a person or a channel
  'Availability.weekly': MAX_WEEKLY_WINDOWS,
  'Availability.exceptions': MAX_EXCEPTIONS,
  'Channel.openingHours': MAX_WEEKLY_WINDOWS,
  // one entry a date, of at most MAX_HOLIDAY_RANGE_DAYS days
  'Query.holidays': MAX_HOLIDAY_RANGE_DAYS,
  // one note a person and a template left out, and one for the closed days
  // (active templates are capped where they are made active: staff/active-template-cap.ts)
  'RosterJob.notes': MAX_ROSTER_STAFF + MAX_ACTIVE_SHIFT_TEMPLATES + 1,
  'Query.models': 50,
  // one entry a week of the range, at most MAX_KPI_WEEKS
  'SchedulingKpis.weeks': MAX_KPI_WEEKS,
};
/**
 * Lists an argument narrows to at most one entry, `Type.field` → the argument: a roster's
 * coverage of one skill, a staffing plan's pooled workload of one skill. Such a list weighs 1 where the argument is surely given.
 */
export const ONE_ENTRY_ARGUMENTS: Readonly<Record<string, string>> = {
  'Roster.coverage': 'skill',
  'StaffingRequirementPlan.workloads': 'skill',
};
/**
 * Lists whose size is a product of factors that arguments narrow, `Type.field` → argument →
 * [the factor, the factor when the argument is surely given]: an outcome's rows are (skill,
 * kind) groups × slots, of one skill's groups with `skill`, of one day's slots with `date`; a
 * roster's shifts are people × days, of one person's with `staffId`, of one day's with `date`.
 */
export const NARROWED_FACTORS: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>> =
  {
    'RosterOutcome.intervals': {
      skill: [MAX_CHANNELS, OUTCOME_GROUPS_PER_SKILL],
      date: [WEEK_INTERVALS, DAY_INTERVALS],
    },
    // a roster's shifts: one a day for each person it may employ; one person's, one day's
    'Roster.assignments': {
      staffId: [MAX_ROSTER_STAFF, 1],
      date: [MAX_SHIFTS_PER_PERSON, 1],
    },
  };
/**
 * Fields that read more than they answer, `Type.field` → the documents one resolution reads,
 * added to its cost. `availableStaff` answers a page but reads every active person and their
 * availability to count and order who is free: at 10,000 people a page of 50 took 0.16-0.47 s,
 * and 30 aliases of it passed at cost 21,090 and took 9.2 s. Aliases of one skill now share one
 * read per request, but each alias is still weighed for it: the cost does not know which skills
 * the aliases send (a variable's, or a different one, reads again), and each alias still
 * filters the 10,000 people it shares (about 35 ms).
 */
export const READ_SIZES: Readonly<Record<string, number>> = {
  'Query.availableStaff': MAX_ACTIVE_STAFF,
};

/** What a field costs besides its answer: the documents it reads (READ_SIZES), else 0. */
export const fieldReads = (parentType: string, field: GraphQLField<unknown, unknown>): number =>
  READ_SIZES[`${parentType}.${field.name}`] ?? 0;

/** Lists of objects not in LIST_SIZES. */
const DEFAULT_OBJECT_LIST = 20;
/** Lists of scalars not in LIST_SIZES (skills, roles, days of the week). */
const DEFAULT_LEAF_LIST = 10;

/**
 * The variables of the operation being costed. `values` are the request's, unset when only
 * the document is known (the validation rule, run once per document). A variable `first`
 * then weighs 1, the least any value can make it, and the request is costed again with
 * its values before it executes (`requestLimitErrors`): costing the variable's default
 * instead let `query($n: Int = 1)` sent with n = 500 pass at 1/500 of its cost.
 */
export interface Variables {
  definitions: ReadonlyMap<string, VariableDefinitionNode>;
  values?: Readonly<Record<string, unknown>>;
}

const intOf = (value: ValueNode | undefined): number | undefined =>
  value?.kind === Kind.INT ? Number(value.value) : undefined;

const clampPage = (n: number): number => Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(n)));

/** Page size when `first` is absent: the argument's default, else the lists' own. */
function omittedPage(field: GraphQLField<unknown, unknown>): number {
  const fallback = field.args.find((a) => a.name === 'first')?.defaultValue;
  return typeof fallback === 'number' ? clampPage(fallback) : DEFAULT_PAGE_SIZE;
}

/** Page size of a literal `first` (or a variable's default): null means the lists' default. */
function literalPage(value: ValueNode): number {
  if (value.kind === Kind.NULL) return DEFAULT_PAGE_SIZE;
  const literal = intOf(value);
  return literal === undefined ? MAX_PAGE_SIZE : clampPage(literal);
}

/**
 * Page size of `first: $name` as graphql will execute it: the value sent; when none is
 * sent, the variable's default; without one, the argument is omitted. A value that is not
 * a number (refused later, when graphql coerces it) weighs the largest page.
 */
function variablePage(field: GraphQLField<unknown, unknown>, name: string, variables: Variables): number {
  const { definitions, values } = variables;
  if (!values) return 1;
  if (Object.prototype.hasOwnProperty.call(values, name)) {
    const sent = values[name];
    if (sent === null) return DEFAULT_PAGE_SIZE;
    return typeof sent === 'number' && Number.isFinite(sent) ? clampPage(sent) : MAX_PAGE_SIZE;
  }
  const fallback = definitions.get(name)?.defaultValue;
  return fallback ? literalPage(fallback) : omittedPage(field);
}

/** Page size of a field with a `first` argument. */
function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Variables): number {
  const arg = node.arguments?.find((a) => a.name.value === 'first');
  if (!arg) return omittedPage(field);
  if (arg.value.kind === Kind.VARIABLE) return variablePage(field, arg.value.name.value, variables);
  return literalPage(arg.value);
}

/**
 * Whether argument `name` is surely given a value: a literal other than null, or a variable of
 * a non-null type (graphql refuses null for it). A nullable variable may be sent null, so it
 * narrows nothing, whatever the request sends: the cost does not depend on its value.
 */
function surelyGiven(node: FieldNode, name: string, variables: Variables): boolean {
  const value = node.arguments?.find((a) => a.name.value === name)?.value;
  if (!value) return false;
  if (value.kind !== Kind.VARIABLE) return value.kind !== Kind.NULL;
  return variables.definitions.get(value.name.value)?.type.kind === Kind.NON_NULL_TYPE;
}

/**
 * How many times a field's selection is resolved per resolution of the field: the page
 * size for fields with `first`, the list size for lists (1 where an argument picks one
 * entry), 1 otherwise.
 */
export function fieldMultiplier(
  parentType: string,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Variables,
): number {
  if (field.args.some((a) => a.name === 'first')) return pageSize(field, node, variables);
  if (!isListType(getNullableType(field.type))) return 1;
  if (parentType.endsWith('Connection') && field.name === 'nodes') return 1;
  const key = `${parentType}.${field.name}`;
  const narrowing = ONE_ENTRY_ARGUMENTS[key];
  if (narrowing !== undefined && surelyGiven(node, narrowing, variables)) return 1;
  const factors = NARROWED_FACTORS[key];
  if (factors !== undefined)
    return Object.entries(factors).reduce(
      (size, [argument, [all, narrowed]]) => size * (surelyGiven(node, argument, variables) ? narrowed : all),
      1,
    );
  const known = LIST_SIZES[key];
  if (known !== undefined) return known;
  return isLeafType(getNamedType(field.type)) ? DEFAULT_LEAF_LIST : DEFAULT_OBJECT_LIST;
}
