/**
 * A staffing requirement passed to a roster job (`generateRoster` / `planWeek` options): checked
 * in full before the job is created, so a bad one is refused with BAD_USER_INPUT naming
 * `options.requirements[i].skill` or `.values` instead of failing the job later. Before, 1,000
 * entries of one skill (1.35 MB) were accepted and their preparation held the event loop for
 * 1.2 s before the job failed on "duplicate skill"; 1,000 unknown skills solved to "Minimum
 * hours cannot be met".
 */
import { AppError, badInput, type ErrorLocation } from '../errors';
import { intervalsPerWeek } from './calendar-util';
import type { WeekRequirement } from './roster-problem-builder';

/**
 * Most skills one requirement may list, and so most coverage entries (and skill KPIs) a stored
 * roster has: one per skill of its requirement. A passed requirement is refused above it here,
 * before the catalogue is read; a staffing plan of more skills (one per required skill of the
 * active channels, which nothing caps) fails its job before the solve; and `storeDraft`
 * refuses any roster above it (assertRosterSkills). The query cost weighs `Roster.coverage`
 * by it: weighed at 10, 14 aliases of `coverage { required }` on a roster of 64 skills passed
 * at cost 94,108 and answered 11.5 MB, 6.4 times what the cost counted.
 */
export const MAX_REQUIREMENT_SKILLS = 64;

/**
 * Refuses a roster problem whose requirement names more than MAX_REQUIREMENT_SKILLS skills:
 * FAILED_PRECONDITION (the site's channels, not the request, are at fault).
 */
export function assertRosterSkills(skills: number): void {
  if (skills <= MAX_REQUIREMENT_SKILLS) return;
  throw new AppError(
    'FAILED_PRECONDITION',
    `The requirement names ${skills} skills; a roster covers at most ${MAX_REQUIREMENT_SKILLS}`,
    [{ field: 'requirements', message: `at most ${MAX_REQUIREMENT_SKILLS} skills, got ${skills}` }],
  );
}

const INTERVALS = [15, 30, 60];

/** The known skills for a message: sorted, the first 20. */
const known = (skills: ReadonlySet<string>): string => {
  const sorted = [...skills].sort();
  return sorted.length > 20 ? `${sorted.slice(0, 20).join(', ')}, …` : sorted.join(', ');
};

/** Every problem of a passed requirement, each naming its field under `options.`. */
export function requirementIssues(r: WeekRequirement, knownSkills: ReadonlySet<string>): ErrorLocation[] {
  const issues: ErrorLocation[] = [];
  const add = (field: string, message: string): void =>
    void issues.push({ field: `options.${field}`, message: `options.${field}: ${message}` });
  if (!INTERVALS.includes(r.intervalMinutes)) {
    add('intervalMinutes', `must be 15, 30 or 60, got ${r.intervalMinutes}`);
    return issues;
  }
  if (r.requirements.length > MAX_REQUIREMENT_SKILLS) {
    add('requirements', `at most ${MAX_REQUIREMENT_SKILLS} skills, got ${r.requirements.length}`);
    return issues;
  }
  const expected = intervalsPerWeek(r.intervalMinutes);
  const seen = new Map<string, number>();
  r.requirements.forEach((req, i) => {
    const first = seen.get(req.skill);
    if (first !== undefined)
      add(`requirements[${i}].skill`, `duplicate skill ${req.skill} (also requirements[${first}])`);
    else if (!knownSkills.has(req.skill))
      add(`requirements[${i}].skill`, `unknown skill ${req.skill} (known: ${known(knownSkills)})`);
    if (first === undefined) seen.set(req.skill, i);
    if (req.values.length !== expected)
      add(
        `requirements[${i}].values`,
        `expected ${expected} values (7 days of ${r.intervalMinutes}-minute intervals), got ${req.values.length}`,
      );
  });
  return issues;
}

/** Throws BAD_USER_INPUT with every issue of `r` in `details` (the first in the message). */
export function assertRequirement(r: WeekRequirement, knownSkills: ReadonlySet<string>): void {
  const issues = requirementIssues(r, knownSkills);
  const [first] = issues;
  if (first) throw badInput(first.message, issues.slice(0, 50));
}
