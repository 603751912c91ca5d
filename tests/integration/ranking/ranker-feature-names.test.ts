/**
 * A stored ranker is used only with the features it was trained on. A forest reads its
 * features by position: before 2026-12-03 a model stored with another feature list (an older
 * version's, or a tampered document) was activated and scored today's vector silently wrong
 * (the roster job below took the MODEL path with it). Now activation refuses it, and an
 * active one (activated before an upgrade) is refused at scoring: the week falls back to the
 * rules, the refusal is logged and the roster records it as a fallback.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { Role } from '../../../src/auth/roles';
import type { Viewer } from '../../../src/auth/request-context';
import { createEventBus } from '../../../src/events/pubsub';
import { RANKER_MODELS, type RankerModelDoc } from '../../../src/ranking/ranker-model.doc';
import { DEFAULT_RANKER_OPTIONS, trainForest } from '../../../src/ranking/ranker.core';
import { FEATURE_NAMES } from '../../../src/ranking/ranking-features.core';
import { demoProblem, demoWeek } from '../../../src/ranking/simulated-manager.core';
import { DEFAULT_JOB_OPTIONS } from '../../../src/rostering/roster-job.service';
import { createServices, ensureIndexes, type Services } from '../../../src/server/services';
import { EmbeddedStore } from '../../../src/store/embedded-store';
import { mulberry32 } from '../../../src/common/random';
import { testConfig } from '../../helpers/test-config';

jest.setTimeout(120_000);

const manager: Viewer = { userId: 'u-manager', username: 'manager', roles: [Role.MANAGER], staffId: null };

/** A forest over this version's 23 features (random rows; its quality does not matter here). */
function forest() {
  const rng = mulberry32(5);
  const X = Array.from({ length: 200 }, () => FEATURE_NAMES.map(() => rng()));
  const y = X.map((x) => (x[0] + x[3] > 1 ? 1 : 0));
  return trainForest(X, y, { ...DEFAULT_RANKER_OPTIONS, nEstimators: 4, maxTrainRows: 200 });
}

describe('a ranker whose feature names are not this version’s', () => {
  let s: Services;
  const logged: { level: number; msg: string; modelId?: string }[] = [];
  const model = (featureNames: string[]) => ({
    lookbackWeeks: 26,
    metrics: {
      auc: 0.9,
      precisionAtK: 0.8,
      baselinePrecisionAtK: 0.3,
      trainRows: 200,
      validationRows: 0,
      trainWeeks: [],
      validationWeeks: [],
    },
    options: DEFAULT_RANKER_OPTIONS,
    featureNames,
    forest: forest(),
    createdAt: new Date(),
    createdBy: null,
  });
  // this version's list with two features swapped: same length, every name known
  const swapped = [...FEATURE_NAMES];
  [swapped[3], swapped[4]] = [swapped[4], swapped[3]];

  beforeAll(async () => {
    const config = testConfig({ ML_ENABLED: 'true', ML_RANKING_ENABLED: 'true', ML_CANARY_PERCENT: '100' });
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          logged.push(JSON.parse(chunk.toString()) as (typeof logged)[number]);
          done();
        },
      }),
    );
    const store = await EmbeddedStore.open();
    await ensureIndexes(store);
    s = createServices({ config, logger, store, events: createEventBus() });
  });
  afterAll(() => s.workers.close());

  it('is refused at activation with FAILED_PRECONDITION naming the difference', async () => {
    const older = await s.rankers.save(model(FEATURE_NAMES.filter((n) => n !== 'startHour')));
    await expect(s.rankers.activate(older._id)).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringContaining(
        'trained on 22 features, this version computes 23; missing: startHour',
      ),
    });
    const tampered = await s.rankers.save(model(swapped));
    await expect(s.rankers.activate(tampered._id)).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringContaining(
        `feature 3 is ${FEATURE_NAMES[4]}, this version computes ${FEATURE_NAMES[3]}`,
      ),
      details: [{ field: 'featureNames', message: expect.stringContaining('feature 3') }],
    });
    const unnamed = await s.rankers.save({ ...model([]), featureNames: undefined as unknown as string[] });
    await expect(s.rankers.activate(unnamed._id)).rejects.toMatchObject({
      message: expect.stringContaining('the model stores no feature names'),
    });
    expect(await s.rankers.active()).toBeNull();
    const fitting = await s.rankers.save(model([...FEATURE_NAMES]));
    await expect(s.rankers.activate(fitting._id)).resolves.toMatchObject({ status: 'ACTIVE' });
  });

  it('an active one is not used: the roster job falls back to the rules, logged and counted', async () => {
    // activated by an older version (or its document changed since): ACTIVE in the store
    const active = (await s.rankers.active())!;
    await s.store
      .collection<RankerModelDoc>(RANKER_MODELS)
      .updateOne({ _id: active._id }, { $set: { featureNames: swapped } });
    const job = await s.rosterJobs.start(
      'GENERATE',
      demoWeek(3),
      { ...DEFAULT_JOB_OPTIONS, timeLimitSeconds: 20 },
      manager,
      async () => ({ problem: demoProblem(3), notes: [] }),
    );
    expect((await s.rosterJobs.settled(job._id)).state).toBe('SUCCEEDED');
    const [roster] = await s.rosters.list(demoWeek(3), manager);
    expect(roster.ranking).toEqual({
      path: 'RULES',
      fallbackRate: 1,
      modelId: active._id,
      reason: expect.stringContaining(`feature 3 is ${FEATURE_NAMES[4]}`),
    });
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'active ranker refused; using the rules',
        modelId: active._id,
      }),
    );
    const kpis = await s.ranking.schedulingKpis(demoWeek(3), demoWeek(3), manager);
    expect(kpis.overall.fallbackRate).toBe(1);
  });
});
