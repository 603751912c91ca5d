/**
 * Demo history for the learned ranking: 26 past weeks of the simulated site
 * (simulated-manager.core.ts), each solved with the rules, edited by the simulated manager
 * through the ordinary roster edits and published (labels are recorded by the publish
 * handler), then a ranker trained on them. Skipped when the weeks are already published.
 */
import type { Viewer } from '../auth/request-context';
import { Role } from '../auth/roles';
import type { SeedStep } from '../common/seed-step';
import type { RosterService } from '../rostering/roster.service';
import type { RankerRegistryService } from './ranker-registry.service';
import type { RankingService } from './ranking.service';
import { DEFAULT_RANKER_OPTIONS, type RankerOptions } from './ranker.core';
import { simulateRulesWeeks } from './ranker-simulation';
import { demoWeek } from './simulated-manager.core';

export const DEMO_RANKING_WEEKS = 26;

/** A smaller forest for the demo seed. */
const SEED_RANKER_OPTIONS: RankerOptions = { ...DEFAULT_RANKER_OPTIONS, nEstimators: 6, maxTrainRows: 600 };

const SEED_VIEWER: Viewer = { userId: 'seed', username: 'seed', roles: [Role.MANAGER], staffId: null };

/** Solves, edits and publishes simulated weeks `from` … `to − 1`; returns the number published. */
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

export const rankingHistorySeedStep = (
  rosters: RosterService,
  rankers: RankerRegistryService,
  ranking: RankingService,
): SeedStep => ({
  name: 'ranking history',
  history: true,
  async run() {
    if (await rosters.published(demoWeek(DEMO_RANKING_WEEKS - 1))) return 0;
    // the greedy heuristic and a small forest keep seeding quick; retrain for the full model
    const written = await publishSimulatedWeeks({ rosters }, 0, DEMO_RANKING_WEEKS, true);
    if (!(await rankers.active()))
      await ranking.trainAssignmentRanker(DEMO_RANKING_WEEKS, null, SEED_RANKER_OPTIONS);
    return written;
  },
});
