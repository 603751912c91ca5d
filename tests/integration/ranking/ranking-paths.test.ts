/**
 * The objective paths of roster jobs with learned ranking on: no model → rules with a
 * fallback rate of 1; shadow mode stores the rules roster and a SHADOW one and only the rules
 * one can be published; a confidence threshold of 1 sends more candidates to the rules.
 * Needs `npm run build` (workers run dist/).
 */
import { Role } from '../../../src/auth/roles';
import type { Viewer } from '../../../src/auth/request-context';
import { DEFAULT_RANKER_OPTIONS, type RankerOptions } from '../../../src/ranking/ranker.core';
import { kpiTargets } from '../../../src/ranking/kpi-targets.core';
import { RankingService } from '../../../src/ranking/ranking.service';
import { SUCCESS_COVERAGE } from '../../../src/ranking/scheduling-kpis.core';
import { publishSimulatedWeeks } from '../../../src/ranking/ranking.seed';
import { demoProblem, demoWeek } from '../../../src/ranking/simulated-manager.core';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { DEFAULT_JOB_OPTIONS } from '../../../src/rostering/roster-job.service';
import type { Services } from '../../../src/server/services';
import { closeServices, servicesFor } from '../staff/services.fixture';

jest.setTimeout(180_000);

const manager: Viewer = { userId: 'u-manager', username: 'manager', roles: [Role.MANAGER], staffId: null };
const WEEKS = 10;
/**
 * These tests are about the paths (worker pool, temporal split, activation, shadow, fallback),
 * not the forest's quality, which ranker-done-when.test.ts checks with the default options:
 * the demo seed's small forest (ml-cart's training grows with rows × rows) trains in a fraction
 * of the time.
 */
const SMALL_FOREST: RankerOptions = { ...DEFAULT_RANKER_OPTIONS, nEstimators: 6, maxTrainRows: 600 };

describe('learned ranking paths of roster jobs', () => {
  let services: Services;

  beforeAll(async () => {
    services = await servicesFor(undefined, {
      ML_ENABLED: 'true',
      ML_RANKING_ENABLED: 'true',
      ML_SHADOW_MODE: 'true',
    });
    await publishSimulatedWeeks(services, 0, WEEKS, true);
  });
  afterAll(() => closeServices(services));

  const runJob = async (index: number) => {
    const job = await services.rosterJobs.start(
      'GENERATE',
      demoWeek(index),
      { ...DEFAULT_JOB_OPTIONS, timeLimitSeconds: 20 },
      manager,
      async () => ({ problem: demoProblem(index), notes: [] }),
    );
    const done = await services.rosterJobs.settled(job._id);
    expect(done.state).toBe('SUCCEEDED');
    return services.rosters.list(demoWeek(index), manager);
  };

  it('with no model, the job falls back to the rules (fallback rate 1) and stores no shadow', async () => {
    const rosters = await runJob(WEEKS);
    expect(rosters).toHaveLength(1);
    expect(rosters[0].ranking).toEqual({
      path: 'RULES',
      fallbackRate: 1,
      modelId: null,
      reason: 'shadow mode: the rules roster is the publishable one',
    });
    expect((await services.ranking.decide(rosters[0].problem)).reason).toBe('no active model');
  });

  it('trainAssignmentRanker trains in the worker pool on a temporal split and activates the first model', async () => {
    const model = await services.ranking.trainAssignmentRanker(WEEKS, manager, SMALL_FOREST);
    expect(model.status).toBe('ACTIVE');
    expect(model.options).toEqual(SMALL_FOREST);
    expect(model.metrics.validationWeeks).toEqual([demoWeek(WEEKS - 2), demoWeek(WEEKS - 1)]);
    expect(model.metrics.auc!).toBeGreaterThan(0.7);
    expect(model.metrics.precisionAtK!).toBeGreaterThan(model.metrics.baselinePrecisionAtK!);
  });

  it('shadow mode stores the rules roster and a SHADOW roster; only the rules one can be published or edited', async () => {
    const rosters = await runJob(WEEKS + 1);
    expect(rosters.map((r) => r.ranking?.path).sort()).toEqual(['RULES', 'SHADOW']);
    const shadow = rosters.find((r) => r.ranking?.path === 'SHADOW')!;
    const rules = rosters.find((r) => r.ranking?.path === 'RULES')!;
    expect(shadow.ranking!.fallbackRate!).toBeLessThan(1);
    await expect(services.rosters.publish(shadow._id, manager)).rejects.toMatchObject({ code: 'CONFLICT' });
    // nor edited: it stays what the model proposed, the ML-against-rules KPIs compare with it
    const first = shadow.assignments[0];
    await expect(
      services.rosters.updateAssignment(
        shadow._id,
        { action: 'REMOVE', staffId: first.staffId, date: first.date },
        manager,
      ),
    ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect((await services.rosters.require(shadow._id)).manualEdits).toBe(0);
    await expect(services.rosters.publish(rules._id, manager)).resolves.toMatchObject({
      status: 'PUBLISHED',
    });
  });

  it('schedulingKpis reports per week, overall, and ML against rules for the shadow week', async () => {
    const kpis = await services.ranking.schedulingKpis(demoWeek(0), demoWeek(WEEKS + 1), manager);
    expect(kpis.weeks).toHaveLength(WEEKS + 2);
    expect(kpis.weeks[0].interventionRate!).toBeGreaterThan(0);
    // the simulated manager edited the week: it counts as the solver generated it
    const [week0] = await services.rosters.list(demoWeek(0), manager);
    expect(week0.manualEdits).toBeGreaterThan(0);
    expect(kpis.weeks[0].successRate).toBe(week0.generatedCoveragePercent! >= SUCCESS_COVERAGE ? 1 : 0);
    expect(kpis.weeks[WEEKS + 1].mlVsRules).toMatchObject({ rulesLabourCost: expect.any(Number) });
    expect(kpis.overall.workloadBalance).not.toBeNull();
    await expect(services.ranking.schedulingKpis(demoWeek(1), demoWeek(0), manager)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('a confidence threshold of 1 sends more candidates to the rules than 0.6', async () => {
    const problem = parseRosterProblem(demoProblem(WEEKS + 2));
    const flags = { mlEnabled: true, rankingEnabled: true, shadowMode: false, canaryPercent: 100 };
    const at = (confidenceThreshold: number) =>
      new RankingService(
        services.rosters,
        services.rankingLabels,
        services.rankers,
        services.workers,
        { ...flags, confidenceThreshold },
        services.logger,
        kpiTargets(services.config),
      ).decide(problem);
    const [loose, strict] = [await at(0.6), await at(1)];
    expect(loose.reason).toBeNull();
    expect(strict.fallbackRate).toBeGreaterThan(loose.fallbackRate);
    if (strict.path === 'MODEL')
      expect(Object.keys(strict.rewards!.values).length).toBeLessThan(
        Object.keys(loose.rewards!.values).length,
      );
  });
});
