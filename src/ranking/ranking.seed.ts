/**
 * Demo history for the learned ranking, on the demo site's own staff: the
 * `DEMO_SITE_HISTORY_WEEKS` weeks before the seeded week, each rostered with the rules (the
 * greedy heuristic, against a requirement drawn from the channels' opening hours and scaled
 * per week, day and skill),
 * edited by the simulated manager of site-manager.core.ts and published (labels are recorded
 * by the publish handler, the edits kept in the roster's proposal and edit count, the
 * proposal's coverage as the roster's coverage as generated), then a
 * ranker trained on them. Weeks with any roster (even a draft) are skipped; a week is built on the one
 * before it (rest across the weekend), so they are published oldest first.
 *
 * Until 2026-12-03 the seed published 26 weeks of the 14-agent simulated site of 2025
 * (`publishSimulatedWeeks`, still used by tests): its ranker knew none of the demo's staff and
 * had no history near the seeded week, so planning the seeded week with ML on left 39 % of
 * the candidates on the rules.
 */
import type { Viewer } from '../auth/request-context';
import { Role } from '../auth/roles';
import { addDays, daysBetween } from '../common/calendar';
import { at } from '../common/indexed';
import { mulberry32 } from '../common/random';
import type { SeedStep } from '../common/seed-step';
import type { WeekRequirement } from '../rostering/roster-problem-builder';
import type { RosterProblem } from '../rostering/roster-problem-schema';
import { clockToMinutes, MINUTES_PER_DAY } from '../rostering/calendar-util';
import { candidateAssignment, weekShifts } from '../rostering/milp/shift-candidates';
import { coverageAsGenerated } from '../rostering/roster-draft';
import { checkRoster } from '../rostering/roster.validation';
import type { RosterService } from '../rostering/roster.service';
import type { RosterAssignment } from '../rostering/roster.types';
import type { RankerRegistryService } from './ranker-registry.service';
import type { RankingService } from './ranking.service';
import { simulateRulesWeeks, solveWeek } from './ranker-simulation';
import { siteManagerEdits, type SiteMove } from './site-manager.core';

/** Weeks of demo-site history the seed publishes and trains on (features look back up to 26). */
export const DEMO_SITE_HISTORY_WEEKS = 12;
/** Seed of the simulated manager's habits and edits (and of the weekly requirement's scaling). */
export const DEMO_MANAGER_SEED = 17;

const SEED_VIEWER: Viewer = { userId: 'seed', username: 'seed', roles: [Role.MANAGER], staffId: null };

/** Where the site's weeks come from (the seed runner wires staffing and the roster problem source). */
export interface SiteWeeks {
  /** The requirement the history weeks are rostered against (scaled per week by `weekVariant`). */
  requirement(): Promise<WeekRequirement>;
  /** The validated roster problem of `week` from the site's master data, against `requirement`. */
  problem(week: string, requirement: WeekRequirement): Promise<RosterProblem>;
}

/** Solves, edits and publishes simulated weeks `from` … `to − 1` of the 14-agent site; returns the number published. */
export async function publishSimulatedWeeks(
  s: { rosters: RosterService },
  from: number,
  to: number,
  heuristicOnly = false,
): Promise<number> {
  let written = 0;
  for (const week of await simulateRulesWeeks(from, to, 17, heuristicOnly)) {
    if (await s.rosters.published(week.problem.weekStart)) continue;
    const draft = await s.rosters.storeDraft(week.problem, week.result, null, SEED_VIEWER.userId);
    for (const m of week.moves)
      await s.rosters.updateAssignment(
        draft._id,
        { action: 'MOVE', staffId: m.staffId, date: m.date, toShiftTemplateId: m.toShiftTemplateId },
        SEED_VIEWER,
      );
    await s.rosters.publish(draft._id, SEED_VIEWER);
    written++;
  }
  return written;
}

/** What the history's requirement is drawn from: each channel's skill, kind and opening hours. */
export interface SiteChannel {
  requiredSkill: string;
  kind: 'LIVE' | 'DEFERRED';
  openingHours: { dayOfWeek: number; from: string; to: string }[];
}

/** Share of a skill's holders required while a channel of that kind is open (the demo's plan: calls ~0.45, e-mail ~0.1). */
const OPEN_SHARE = { LIVE: 0.4, DEFERRED: 0.1 } as const;

/**
 * A week's requirement for the history weeks, in quarter hours: while a channel is open its
 * skill needs a share of the people who have it (`OPEN_SHARE`, the larger where channels of
 * one skill overlap). The staffing plan of the demo week costs several seconds a call; the
 * history only needs rosters of the site's people over its opening hours.
 */
export function openingHoursRequirement(
  channels: SiteChannel[],
  holders: Map<string, number>,
): WeekRequirement {
  const step = 15;
  const perDay = MINUTES_PER_DAY / step;
  const bySkill = new Map<string, number[]>();
  for (const c of channels) {
    const values = bySkill.get(c.requiredSkill) ?? Array.from({ length: 7 * perDay }, () => 0);
    const level = Math.ceil(OPEN_SHARE[c.kind] * (holders.get(c.requiredSkill) ?? 0));
    for (const w of c.openingHours)
      for (let m = clockToMinutes(w.from); m < clockToMinutes(w.to); m += step) {
        const i = (w.dayOfWeek - 1) * perDay + Math.floor(m / step);
        values[i] = Math.max(values[i] ?? 0, level);
      }
    bySkill.set(c.requiredSkill, values);
  }
  return {
    intervalMinutes: step,
    requirements: [...bySkill.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([skill, values]) => ({ skill, values })),
  };
}

/** `requirement` with each skill's values of each day scaled by a seeded factor in [0.85, 1.15). */
export function weekVariant(requirement: WeekRequirement, week: string, seed: number): WeekRequirement {
  const rng = mulberry32(seed * 7919 + Date.parse(`${week}T00:00:00Z`) / 86_400_000);
  const perDay = Math.round(MINUTES_PER_DAY / requirement.intervalMinutes);
  return {
    intervalMinutes: requirement.intervalMinutes,
    requirements: requirement.requirements.map(({ skill, values }) => {
      const factors = Array.from({ length: 7 }, () => 0.85 + 0.3 * rng());
      return { skill, values: values.map((v, i) => v * (factors[Math.floor(i / perDay)] ?? 1)) };
    }),
  };
}

/**
 * The roster after the manager's moves that keep the hard rules: every move is applied (the
 * moved shift as a manual MOVE makes it: the template's times, breaks in the middle of their
 * windows), the roster checked, and the moves of anyone the checker names dropped (the checks
 * are per person, so the rest stand). Returns the roster and the moves kept. The week's shifts
 * are built once: applyChange per move built them 120 times a week (1.2 s of the seed's 3.1 s
 * in this step).
 */
export function applySiteMoves(
  problem: RosterProblem,
  proposed: RosterAssignment[],
  moves: SiteMove[],
): { assignments: RosterAssignment[]; kept: SiteMove[] } {
  const shifts = weekShifts(problem);
  const staffIndex = new Map(problem.staff.map((p, i) => [p.id, i]));
  const keyOf = (a: { staffId: string; date: string }): string => `${a.staffId}|${a.date}`;
  const moved = new Map<string, RosterAssignment>();
  for (const m of moves) {
    const day = daysBetween(problem.weekStart, m.date);
    const shift = shifts.find(
      (x) => at(problem.shiftTemplates, x.templateIndex).id === m.toShiftTemplateId && x.day === day,
    );
    const i = staffIndex.get(m.staffId);
    if (shift && i !== undefined)
      moved.set(keyOf(m), candidateAssignment(problem, { staffIndex: i, shift, skill: m.skill }));
  }
  const apply = (chosen: SiteMove[]): RosterAssignment[] => {
    const keys = new Set(chosen.map(keyOf));
    return proposed.map((a) => (keys.has(keyOf(a)) ? (moved.get(keyOf(a)) ?? a) : a));
  };
  let kept = moves.filter((m) => moved.has(keyOf(m)));
  for (let round = 0; round < 3; round++) {
    const assignments = apply(kept);
    const broken = new Set(checkRoster(problem, assignments).violations.map((v) => v.staffId));
    if (broken.size === 0) return { assignments, kept };
    kept = kept.filter((m) => !broken.has(m.staffId) && !broken.has(null));
  }
  return { assignments: proposed, kept: [] };
}

/** Rosters one week of the site with the rules, lets the simulated manager edit it, publishes it. */
async function publishSiteWeek(rosters: RosterService, problem: RosterProblem, seed: number): Promise<void> {
  const result = await solveWeek(problem, undefined, true);
  const moves = siteManagerEdits(problem, result.assignments, seed);
  const { assignments, kept } = applySiteMoves(problem, result.assignments, moves);
  const draft = await rosters.storeDraft(problem, { ...result, assignments }, null, SEED_VIEWER.userId, {
    proposed: result.assignments,
    manualEdits: kept.length,
    generatedCoveragePercent: coverageAsGenerated(problem, result.assignments),
  });
  await rosters.publish(draft._id, SEED_VIEWER);
}

export const rankingHistorySeedStep = (
  rosters: RosterService,
  rankers: RankerRegistryService,
  ranking: RankingService,
  site: SiteWeeks,
  weeks = DEMO_SITE_HISTORY_WEEKS,
  seed = DEMO_MANAGER_SEED,
): SeedStep => ({
  name: 'ranking history',
  history: true,
  async run(ctx) {
    if (await rosters.rostered(addDays(ctx.anchorDate, -7))) return 0;
    // the greedy heuristic keeps seeding quick; the forest is the default one (its training
    // time is the feature rows': 6 trees of 600 rows left 9.5 % of the seeded week's
    // candidates on the rules, 24 of 1,200 5.3 %, in the same time)
    const requirement = await site.requirement();
    let written = 0;
    for (let k = weeks; k >= 1; k--) {
      const week = addDays(ctx.anchorDate, -7 * k);
      // a week someone has rostered, even as a draft only, is theirs: the seed adds no version
      if (await rosters.rostered(week)) continue;
      await publishSiteWeek(rosters, await site.problem(week, weekVariant(requirement, week, seed)), seed);
      written++;
    }
    if (!(await rankers.active())) await ranking.trainAssignmentRanker(weeks, null);
    return written;
  },
});
