/**
 * Which trained ranker becomes ACTIVE by itself: the first one, only when it beats the
 * stated-preference rules on its validation weeks. Trained on 6 weeks of two different
 * sites, a ranker scored AUC 0.53 and precision@k 0.18 against the rules' 0.24 (2026-12-03
 * audit); had it been the first, it would have been activated and used by every ML week.
 * The worker pool is a stub returning the metrics under test.
 */
import { Role } from '../../../src/auth/roles';
import type { Viewer } from '../../../src/auth/request-context';
import { createLogger } from '../../../src/logger';
import { RankerRegistryService } from '../../../src/ranking/ranker-registry.service';
import {
  DEFAULT_RANKER_OPTIONS,
  type RankerMetrics,
  type TrainedRanker,
} from '../../../src/ranking/ranker.core';
import type { RankingLabelService } from '../../../src/ranking/ranking-label.service';
import { kpiTargets } from '../../../src/ranking/kpi-targets.core';
import { RankingService } from '../../../src/ranking/ranking.service';
import { FEATURE_NAMES } from '../../../src/ranking/ranking-features.core';
import type { RosterService } from '../../../src/rostering/roster.service';
import { EmbeddedStore } from '../../../src/store/embedded-store';
import type { TaskRunner } from '../../../src/workers/task-runner';
import { testConfig } from '../../helpers/test-config';

const manager: Viewer = { userId: 'u-manager', username: 'manager', roles: [Role.MANAGER], staffId: null };
const WEEKS = ['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27', '2025-02-03', '2025-02-10'];

const metrics = (precisionAtK: number | null, baselinePrecisionAtK: number | null): RankerMetrics => ({
  auc: 0.5,
  precisionAtK,
  baselinePrecisionAtK,
  trainRows: 10,
  validationRows: 5,
  trainWeeks: WEEKS.slice(0, 5),
  validationWeeks: WEEKS.slice(5),
});

async function rankingWith(trained: RankerMetrics[]) {
  const store = await EmbeddedStore.open();
  await RankerRegistryService.ensureIndexes(store);
  const registry = new RankerRegistryService(store);
  const rosters = {
    published: (week: string) =>
      Promise.resolve({ week, problem: { weekStart: week, shiftTemplates: [] }, assignments: [] }),
  } as unknown as RosterService;
  const labels = {
    latestWeeks: () => Promise.resolve([...WEEKS].reverse()),
  } as unknown as RankingLabelService;
  const queue = [...trained];
  const workers = {
    run: () =>
      Promise.resolve<TrainedRanker>({
        forest: {} as TrainedRanker['forest'],
        featureNames: [...FEATURE_NAMES],
        options: DEFAULT_RANKER_OPTIONS,
        metrics: queue.shift()!,
      }),
  } as unknown as TaskRunner;
  const flags = {
    mlEnabled: true,
    rankingEnabled: true,
    confidenceThreshold: 0.6,
    shadowMode: false,
    canaryPercent: 100,
  };
  const config = testConfig();
  const ranking = new RankingService(
    rosters,
    labels,
    registry,
    workers,
    flags,
    createLogger(config),
    kpiTargets(config),
  );
  return { ranking, registry };
}

describe('activation of a newly trained ranker', () => {
  it('a first ranker no better than the stated preferences stays a CANDIDATE', async () => {
    const { ranking, registry } = await rankingWith([
      metrics(0.18, 0.24),
      metrics(0.3, 0.3),
      metrics(0.5, null),
    ]);
    for (let i = 0; i < 3; i++)
      expect(await ranking.trainAssignmentRanker(6, manager)).toMatchObject({ status: 'CANDIDATE' });
    expect(await registry.active()).toBeNull();
  });

  it('the first ranker that beats them is activated; later ones wait for activateRanker', async () => {
    const { ranking, registry } = await rankingWith([
      metrics(0.1, 0.2),
      metrics(0.8, 0.2),
      metrics(0.9, 0.2),
    ]);
    expect(await ranking.trainAssignmentRanker(6, manager)).toMatchObject({
      version: 1,
      status: 'CANDIDATE',
    });
    expect(await ranking.trainAssignmentRanker(6, manager)).toMatchObject({ version: 2, status: 'ACTIVE' });
    expect(await ranking.trainAssignmentRanker(6, manager)).toMatchObject({
      version: 3,
      status: 'CANDIDATE',
    });
    expect((await registry.active())!.version).toBe(2);
  });
});
