/**
 * The issue's Done-when test: 26 weeks of rules rosters edited by the simulated manager train
 * the ranker (temporal split, newest 4 validate); on 8 held-out weeks the manager's policy is
 * applied to the rules-only roster and to the model-weighted one; on 16 held-out weeks the
 * ranker's AUC and precision@k are compared with the stated-preference rules'.
 */
import {
  historyBefore,
  rankerWeeks,
  rewardsFor,
  simulateRulesWeeks,
  solveWeek,
  type SimWeek,
} from '../../../src/ranking/ranker-simulation';
import { evaluate, trainRanker, type TrainedRanker } from '../../../src/ranking/ranker.core';
import { weekRows } from '../../../src/ranking/ranker-dataset.core';
import { managerEdits } from '../../../src/ranking/simulated-manager.core';
import type { RosterResult } from '../../../src/rostering/roster.types';

jest.setTimeout(300_000);

const coverage = (r: RosterResult): number => r.kpis!.skills[0].coveragePercent!;
const labelled = (r: RosterResult) =>
  r.assignments.map((a) => ({
    staffId: a.staffId,
    date: a.date,
    shiftTemplateId: a.shiftTemplateId,
    skill: a.skill,
  }));

describe('learned ranking against the simulated manager (held-out weeks)', () => {
  let weeks: SimWeek[];
  let ranker: TrainedRanker;
  const model: { edits: number; cost: number; coverage: number; source: string | null; status: string }[] =
    [];

  beforeAll(async () => {
    weeks = await simulateRulesWeeks(0, 42);
    ranker = trainRanker(rankerWeeks(weeks.slice(0, 26)), 4);
    for (let i = 26; i < 34; i++) {
      const decision = rewardsFor(weeks[i].problem, historyBefore(weeks, i), ranker.forest, 0.6);
      expect(decision.path).toBe('MODEL');
      const result = await solveWeek(weeks[i].problem, decision.rewards!);
      model.push({
        edits: managerEdits(i, labelled(result)).length,
        cost: result.kpis!.labourCost,
        coverage: coverage(result),
        source: result.source,
        status: result.status,
      });
    }
  });

  /** The 8 weeks solved again with the model. */
  const held = () => weeks.slice(26, 34);
  /** The 16 weeks the ranking metrics are measured on (the rules rosters, as the manager edited them). */
  const heldForAuc = () => weeks.slice(26, 42);

  it('the model-weighted rosters need at least 30 % fewer manager edits', () => {
    const rules = held().reduce((n, w) => n + w.moves.length, 0);
    const learned = model.reduce((n, m) => n + m.edits, 0);
    expect(rules).toBeGreaterThan(40);
    expect(learned).toBeLessThanOrEqual(0.7 * rules);
  });

  it("every model-weighted roster is HiGHS' optimum, not the greedy start that ignores the model", () => {
    // priced without the rewards, the greedy start won week 31 (13 edits instead of 2) and
    // every gap mixed two objectives (FEASIBLE): 71 → 45 edits instead of 71 → 34
    expect(model.map((m) => [m.source, m.status])).toEqual(model.map(() => ['MILP', 'OPTIMAL']));
  });

  it('coverage stays within 0.5 points and labour cost within 1 % of the rules-only rosters', () => {
    held().forEach((w, i) => {
      expect(Math.abs(model[i].coverage - coverage(w.result))).toBeLessThanOrEqual(0.5);
      expect(Math.abs(model[i].cost - w.result.kpis!.labourCost)).toBeLessThanOrEqual(
        0.01 * w.result.kpis!.labourCost,
      );
    });
  });

  it('on 16 held-out weeks the ranker beats the stated-preference rules: AUC by 0.25, precision@k by 0.3', () => {
    // Until 2026-12-03 this asserted AUC > 0.8 on the 8 weeks above and measured 0.8007: the
    // bar sat at the mean of a noisy figure (another forest seed: 0.795–0.809; per week 0.49–0.98,
    // for the rules roster of a week with tied costs is HiGHS' pick, not the manager's, and s14
    // joins in week 27). On 16 weeks, simulation and forest seeds 17–21 gave AUC 0.863–0.900
    // against the rules' 0.540–0.555: margins 0.318–0.355 (precision@k 0.633–0.735 against
    // 0.185–0.200). On 8 weeks the margins were 0.254–0.306.
    const rows = heldForAuc().map((w, i) =>
      weekRows({ problem: w.problem, history: historyBefore(weeks, 26 + i), published: w.published }),
    );
    const m = evaluate(ranker.forest, rows);
    expect(rows).toHaveLength(16);
    expect(m.auc!).toBeGreaterThan(m.baselineAuc! + 0.25);
    expect(m.precisionAtK!).toBeGreaterThan(m.baselinePrecisionAtK! + 0.3);
  });

  it('the temporal split trains on the older weeks and validates on the newest', () => {
    expect(ranker.metrics.trainWeeks).toHaveLength(22);
    expect(ranker.metrics.validationWeeks).toEqual(weeks.slice(22, 26).map((w) => w.problem.weekStart));
    expect(ranker.metrics.trainWeeks.every((w) => w < ranker.metrics.validationWeeks[0])).toBe(true);
  });
});
