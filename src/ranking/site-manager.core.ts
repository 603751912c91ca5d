/**
 * A simulated manager for any site's roster (the demo seed's history on the demo site's own
 * staff). Pure and seeded: the same problem, roster and seed give the same edits. Who has
 * which habit is drawn per person from the seed (FNV-1a of the staff id), so a person keeps
 * their habits week after week:
 *
 * 1. Favourites: `FAVOURITE_SHARE` of the people have a favourite template (one of those of
 *    their skills, of the most common length); their shifts on other templates of that length
 *    are moved to it when it runs that day (probability `FAVOURITE_PROBABILITY`).
 * 2. Part-timers (contract max ≤ 24 h) do not close: a shift on the latest-starting template
 *    of its length that day goes to the earliest-starting one (`HABIT_PROBABILITY`).
 * 3. Early Fridays: `EARLY_FRIDAY_SHARE` of the people never close on Fridays (as 2).
 * 4. Noise: any other shift goes to another template of the same length that day with
 *    probability `SITE_NOISE`.
 *
 * A move keeps the person, day, skill and shift length (so contract hours stay as they were);
 * whether it keeps the hard rules (availability, rest) is for the caller to check.
 */
import { daysBetween } from '../common/calendar';
import { at } from '../common/indexed';
import { mulberry32 } from '../common/random';
import { clockToMinutes } from '../rostering/calendar-util';
import type { RosterProblem } from '../rostering/roster-problem-schema';
import type { LabelledShift } from './ranking-label.core';
import { fnv1a32 } from './ranking-canary.core';

export const FAVOURITE_SHARE = 0.35;
export const FAVOURITE_PROBABILITY = 0.8;
export const EARLY_FRIDAY_SHARE = 0.15;
export const HABIT_PROBABILITY = 0.9;
export const SITE_NOISE = 0.02;
const PART_TIME_MAX_HOURS = 24;

export type SiteHabit = 'FAVOURITE' | 'PART_TIME_NO_CLOSE' | 'EARLY_FRIDAY' | 'NOISE';

export interface SiteMove {
  staffId: string;
  date: string;
  fromTemplateId: string;
  toShiftTemplateId: string;
  skill: string;
  habit: SiteHabit;
}

type Template = RosterProblem['shiftTemplates'][number];

/** A person's habits: drawn from the seed and the id only, so they hold in every week. */
export interface PersonHabits {
  favourite: string | null;
  earlyFriday: boolean;
  partTime: boolean;
}

export function personHabits(problem: RosterProblem, staffIndex: number, seed: number): PersonHabits {
  const staff = at(problem.staff, staffIndex);
  const rng = mulberry32(fnv1a32(`${seed}|${staff.id}`));
  const own = problem.shiftTemplates.filter((t) => t.skills.some((k) => staff.skills.includes(k)));
  const lengths = new Map<number, number>();
  for (const t of own) lengths.set(t.durationMinutes, (lengths.get(t.durationMinutes) ?? 0) + 1);
  const common = [...lengths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  const candidates = own.filter((t) => t.durationMinutes === common);
  const favouriteDraw = rng();
  const pick = rng();
  const earlyFriday = rng() < EARLY_FRIDAY_SHARE;
  return {
    favourite:
      favouriteDraw < FAVOURITE_SHARE && candidates.length > 1
        ? at(candidates, Math.floor(pick * candidates.length)).id
        : null,
    earlyFriday,
    partTime: staff.maxHoursWeek <= PART_TIME_MAX_HOURS,
  };
}

/** Templates like `from` (same length, running on `dow`, with `skill`), earliest start first. */
function alikeTemplates(problem: RosterProblem, from: Template, dow: number, skill: string): Template[] {
  return problem.shiftTemplates
    .filter(
      (t) =>
        t.durationMinutes === from.durationMinutes && t.daysOfWeek.includes(dow) && t.skills.includes(skill),
    )
    .sort((x, y) => clockToMinutes(x.start) - clockToMinutes(y.start) || x.id.localeCompare(y.id));
}

/** Where the manager moves one shift (and by which habit), or null to keep it. */
function moveOf(
  problem: RosterProblem,
  a: LabelledShift,
  from: Template,
  h: PersonHabits,
  rng: () => number,
): { to: Template; habit: SiteHabit } | null {
  const dow = daysBetween(problem.weekStart, a.date) + 1;
  const alike = alikeTemplates(problem, from, dow, a.skill);
  const first = alike[0];
  const last = alike[alike.length - 1];
  const draw = rng();
  const closing = first !== undefined && last !== undefined && from.id === last.id && alike.length > 1;
  if (closing && h.partTime && draw < HABIT_PROBABILITY) return { to: first, habit: 'PART_TIME_NO_CLOSE' };
  if (closing && h.earlyFriday && dow === 5 && draw < HABIT_PROBABILITY)
    return { to: first, habit: 'EARLY_FRIDAY' };
  const favourite = h.favourite === null ? undefined : alike.find((t) => t.id === h.favourite);
  if (favourite && favourite.id !== from.id && draw < FAVOURITE_PROBABILITY)
    return { to: favourite, habit: 'FAVOURITE' };
  if (rng() >= SITE_NOISE) return null;
  const others = alike.filter((t) => t.id !== from.id);
  return others.length > 0 ? { to: at(others, Math.floor(rng() * others.length)), habit: 'NOISE' } : null;
}

/** The simulated manager's edits to `roster` (a roster of `problem`'s week), seeded by `seed`. */
export function siteManagerEdits(problem: RosterProblem, roster: LabelledShift[], seed: number): SiteMove[] {
  const rng = mulberry32(fnv1a32(`${seed}|${problem.weekStart}`));
  const index = new Map(problem.staff.map((s, i) => [s.id, i]));
  const habits = new Map<string, PersonHabits>();
  const templates = new Map(problem.shiftTemplates.map((t) => [t.id, t]));
  const sorted = [...roster].sort(
    (a, b) => a.date.localeCompare(b.date) || a.staffId.localeCompare(b.staffId),
  );
  const moves: SiteMove[] = [];
  for (const a of sorted) {
    const i = index.get(a.staffId);
    const from = templates.get(a.shiftTemplateId);
    if (i === undefined || !from) continue;
    const h = habits.get(a.staffId) ?? personHabits(problem, i, seed);
    habits.set(a.staffId, h);
    const move = moveOf(problem, a, from, h, rng);
    if (move)
      moves.push({
        staffId: a.staffId,
        date: a.date,
        fromTemplateId: from.id,
        toShiftTemplateId: move.to.id,
        skill: a.skill,
        habit: move.habit,
      });
  }
  return moves;
}
