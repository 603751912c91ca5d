/**
 * The weekly rostering problem: the one definition of the CLI's JSON input and of the
 * solver's input. `schema/roster-problem.schema.json` is emitted from `rosterProblemSchema`
 * (see `rosterProblemJsonSchema`) and a test fails when the committed file is stale.
 */
import { z } from 'zod';
import { MAX_ACTIVE_STAFF } from '../staff/active-staff-cap';
import { MAX_ACTIVE_SHIFT_TEMPLATES } from '../staff/active-template-cap';
import { MAX_BREAKS_PER_SHIFT } from '../staff/shift-breaks.core';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOCK_OR_24 = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * Most items of each list of a problem. Unbounded, zod parsed every item and collected
 * issues for each: a 25.9 MB file of 1.5 million `{"id":"s0"}` staff died out of memory
 * after 114 s at 4.65 GB, and 300,000 (5 MB) took 10.6 s and 1.8 GB. zod checks a list's
 * length before its items, so a list over its maximum costs nothing. The largest solve
 * measured is 5,000 staff (60 s); the GraphQL inputs allow 20 skills a person or template
 * and 70 weekly availability windows a person.
 */
export const ROSTER_PROBLEM_LIMITS = {
  /** A roster is planned for every active person: the staff feature caps them at this many. */
  staff: MAX_ACTIVE_STAFF,
  /** Every active template is offered: the staff feature caps them at this many. */
  shiftTemplates: MAX_ACTIVE_SHIFT_TEMPLATES,
  /** Requirements, one a skill. */
  requirements: 500,
  /** Skills of a person or a template. */
  skills: 100,
  /** Availability windows of a person in the week. */
  availability: 1_000,
  unavailableDates: 400,
  /** Days listed in a preference (ISO days, repeats allowed). */
  preferenceDays: 20,
  /** Days a template runs (ISO days, repeats allowed). */
  templateDays: 20,
  /** Requirement values: 7 days of 15-minute intervals (the exact count is checked after). */
  values: 7 * 24 * 4,
} as const;

const L = ROSTER_PROBLEM_LIMITS;

const clock = z.string().regex(CLOCK, 'must be "HH:MM" (00:00–23:59)');
const clockOr24 = z.string().regex(CLOCK_OR_24, 'must be "HH:MM" (00:00–24:00)');
const dayOfWeek = z.number().int().min(1).max(7).describe('ISO day of week, Monday = 1 … Sunday = 7');
const nonNegative = z.number().finite().nonnegative();

export const availabilityWindowSchema = z.object({
  dayOfWeek,
  from: clock,
  to: clockOr24.describe('End of the window; "24:00" is midnight at the end of the day'),
});

export const staffSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  skills: z.array(z.string().min(1)).min(1).max(L.skills),
  hourlyCost: nonNegative,
  minHoursWeek: nonNegative,
  maxHoursWeek: nonNegative,
  targetHoursWeek: nonNegative
    .optional()
    .describe('Hours the contract-deviation penalty steers towards; defaults to maxHoursWeek'),
  maxDaysWeek: z.number().int().min(0).max(7),
  maxConsecutiveDays: z.number().int().min(1).max(7).optional(),
  availability: z.array(availabilityWindowSchema).max(L.availability),
  unavailableDates: z.array(z.iso.date()).max(L.unavailableDates).optional(),
  preferences: z
    .object({
      desiredDays: z.array(dayOfWeek).max(L.preferenceDays).optional(),
      undesiredDays: z.array(dayOfWeek).max(L.preferenceDays).optional(),
      desiredShifts: z
        .array(z.string().min(1))
        .max(L.shiftTemplates)
        .optional()
        .describe('Shift template ids'),
      undesiredShifts: z
        .array(z.string().min(1))
        .max(L.shiftTemplates)
        .optional()
        .describe('Shift template ids'),
    })
    .optional(),
  previousWeek: z
    .object({
      lastShiftEnd: z.iso
        .datetime({ local: true })
        .optional()
        .describe('End of the last published shift, local wall-clock time without offset'),
      consecutiveDaysWorked: z.number().int().min(0).max(31).optional(),
    })
    .optional(),
});

export const breakRuleSchema = z.object({
  durationMinutes: z.number().int().min(1).max(240),
  paid: z.boolean().default(false),
  earliestStartMinutes: z.number().int().min(0).describe('Earliest start, minutes after the shift start'),
  latestStartMinutes: z.number().int().min(0).describe('Latest start, minutes after the shift start'),
});

export const shiftTemplateSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  start: clock,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  breakMinutes: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe(
      'Legacy: one unpaid break whose start may move up to 60 min either side of mid-shift; use breaks instead',
    ),
  breaks: z
    .array(breakRuleSchema)
    .max(MAX_BREAKS_PER_SHIFT)
    .optional()
    .describe('Breaks in order, windows relative to the shift start; they replace breakMinutes'),
  daysOfWeek: z.array(dayOfWeek).min(1).max(L.templateDays),
  skills: z.array(z.string().min(1)).min(1).max(L.skills),
});

/**
 * Most agents one interval may require: far above any site (the Erlang calculator stops at
 * 200,000 raw agents) and far below HiGHS's infinity (1e20), from where the MILP failed and
 * 1e308 made the objective Infinity.
 */
export const MAX_REQUIRED_AGENTS = 1_000_000;

export const requirementSchema = z.object({
  skill: z.string().min(1),
  values: z
    .array(nonNegative.max(MAX_REQUIRED_AGENTS))
    .max(L.values)
    .describe('Agents required per interval from weekStart 00:00, 7 × 24 × 60 / intervalMinutes values'),
});

export const penaltiesSchema = z.object({
  underCover: nonNegative.default(1000).describe('Per missing agent-hour'),
  overCover: nonNegative.default(1).describe('Per surplus agent-hour'),
  contractDeviation: nonNegative.default(2).describe('Per hour away from targetHoursWeek'),
  weekendFairness: nonNegative.default(20).describe('Per weekend shift of the busiest person'),
  preference: nonNegative.default(5).describe('Per shift on an undesired (or not desired) day or template'),
  minHoursShortfall: nonNegative
    .default(500)
    .describe('Per hour below minHoursWeek; only used by the infeasibility diagnosis (min hours are hard)'),
});

export const optionsSchema = z.object({
  minRestHours: nonNegative.max(48).default(11),
  timeLimitSeconds: z.number().positive().max(86_400).default(60),
  relativeGap: z.number().min(0).max(1).default(0.01),
  penalties: penaltiesSchema.prefault({}),
});

export const rosterProblemSchema = z.object({
  weekStart: z.iso.date().describe('Monday of the week, YYYY-MM-DD'),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe(
      'IANA zone of the local times (e.g. Europe/London): shifts last durationMinutes of real time across a clock change. Absent: every day is 24 h',
    ),
  intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]),
  staff: z.array(staffSchema).max(L.staff),
  shiftTemplates: z.array(shiftTemplateSchema).max(L.shiftTemplates),
  requirements: z.array(requirementSchema).max(L.requirements),
  options: optionsSchema.prefault({}),
});

/** A validated problem with every default filled in. */
export type RosterProblem = z.output<typeof rosterProblemSchema>;
/** What callers may send: defaults optional. */
export type RosterProblemInput = z.input<typeof rosterProblemSchema>;
export type Staff = RosterProblem['staff'][number];
export type ShiftTemplate = RosterProblem['shiftTemplates'][number];
export type Requirement = RosterProblem['requirements'][number];
export type Penalties = RosterProblem['options']['penalties'];

/** The JSON Schema committed as `schema/roster-problem.schema.json`. */
export const rosterProblemJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(rosterProblemSchema, { io: 'input', target: 'draft-2020-12' });
