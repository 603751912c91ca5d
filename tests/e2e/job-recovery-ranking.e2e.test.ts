/**
 * A roster job's result recovered from the job queue after its API process ended keeps its
 * ranking info (which path and ranker scored it, its fallback rate) and its shadow roster.
 * The payload of each solve carries the ranking info the job planned for it. Before
 * 2026-12-03 the recovered roster was stored with `ranking: null` and the shadow roster was
 * lost, so the KPIs read a model-weighted week as a rules one.
 *
 * Real BullMQ on a private Redis, a job consumer with a worker pool (dist/ tasks: `npm run
 * build`), and the roster job service: a job runs to the end, then the rosters its process
 * stored are taken away and the job set back to RUNNING under an ended process, as if that
 * process had died after the solves finished in the queue; another service recovers it.
 */
import { Role } from '../../src/auth/roles';
import type { Viewer } from '../../src/auth/request-context';
import { createEventBus } from '../../src/events/pubsub';
import { createLogger } from '../../src/logger';
import { demoProblem, demoWeek } from '../../src/ranking/simulated-manager.core';
import { ROSTER_JOBS, ROSTERS, type RosterJobDoc, type RosterDoc } from '../../src/rostering/roster.doc';
import { DEFAULT_JOB_OPTIONS, RosterJobService } from '../../src/rostering/roster-job.service';
import type { RosterRankingInfo } from '../../src/rostering/roster-version.types';
import { RosterProblemSource } from '../../src/rostering/roster-problem-source';
import { candidateRewardKey } from '../../src/rostering/milp/roster-rewards';
import { createServices, ensureIndexes, type Services } from '../../src/server/services';
import { EmbeddedStore } from '../../src/store/embedded-store';
import { SingleProcessLiveness } from '../../src/workers/process-liveness';
import { startJobLayer, type JobLayer } from '../helpers/job-layer';
import { testConfig } from '../helpers/test-config';

const PREFIX = 'recovery-ranking';
const logger = createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' });
const manager: Viewer = { userId: 'u-manager', username: 'manager', roles: [Role.MANAGER], staffId: null };
const WEEK = demoWeek(2);

const RULES: RosterRankingInfo = {
  path: 'RULES',
  fallbackRate: 0.125,
  modelId: 'ranker-v7',
  reason: 'shadow mode: the rules roster is the publishable one',
};
const SHADOW: RosterRankingInfo = { path: 'SHADOW', fallbackRate: 0.125, modelId: 'ranker-v7', reason: null };

describe('a roster job recovered from the job queue', () => {
  let jobLayer: JobLayer;
  let services: Services;

  /** A roster job service on the queue, as one API process has it. */
  const jobService = async (ownership = new SingleProcessLiveness()): Promise<RosterJobService> => {
    const { runner, health } = jobLayer.addRunner({ defaultTimeoutMs: 120_000 });
    const jobs = new RosterJobService(
      services.store,
      services.events,
      runner,
      services.rosters,
      new RosterProblemSource(services),
      services.staffing,
      logger,
      ownership,
    );
    await health.whenUp();
    // shadow mode's plan (the learned ranking feature registers one at start)
    jobs.setObjectivePlanner(async () => ({
      rewards: null,
      ranking: RULES,
      shadow: {
        rewards: { values: { [candidateRewardKey('s03', 0, 'E', 'voice')]: 1 }, scale: 4 },
        ranking: SHADOW,
      },
    }));
    return jobs;
  };

  beforeAll(async () => {
    jobLayer = await startJobLayer({ prefix: PREFIX, consumer: { taskTimeoutMs: 120_000 } });
    const store = await EmbeddedStore.open();
    await ensureIndexes(store);
    services = createServices({ config: testConfig(), logger, store, events: createEventBus() });
  }, 30_000);

  afterAll(async () => {
    await jobLayer.close();
    await services.workers.close();
  }, 30_000);

  it('stores the roster with its ranking info and the shadow roster with its own', async () => {
    const first = await jobService();
    const started = await first.start(
      'GENERATE',
      WEEK,
      { ...DEFAULT_JOB_OPTIONS, timeLimitSeconds: 20 },
      manager,
      async () => ({ problem: demoProblem(2), notes: [] }),
    );
    expect((await first.settled(started._id)).state).toBe('SUCCEEDED');
    const rosters = services.store.collection<RosterDoc>(ROSTERS);
    const stored = await rosters.find({ jobId: started._id }, { sort: { version: 1 } });
    expect(stored.map((r) => r.ranking)).toEqual([RULES, SHADOW]);

    // the process died after both solves finished in the queue, before it stored them
    await rosters.deleteMany({ jobId: started._id });
    await services.store.collection<RosterJobDoc>(ROSTER_JOBS).updateOne(
      { _id: started._id },
      {
        $set: {
          state: 'RUNNING',
          phase: 'solve',
          owner: 'ended-process',
          rosterId: null,
          finishedAt: null,
        },
      },
    );

    await expect((await jobService()).recoverInterrupted()).resolves.toEqual({ stored: 1, failed: 0 });
    const job = await first.require(started._id);
    expect(job.state).toBe('SUCCEEDED');
    const recovered = await rosters.find({ jobId: started._id }, { sort: { version: 1 } });
    expect(recovered.map((r) => [r.ranking, r.assignments])).toEqual(
      stored.map((r) => [r.ranking, r.assignments]),
    );
    expect(recovered.find((r) => r.ranking?.path !== 'SHADOW')?._id).toBe(job.rosterId);
  }, 180_000);
});
