/**
 * Audit (2026-12-04): nothing bounded `trainAssignmentRanker` or the rankers it stores.
 * Measured on the built server over the seeded demo (12 published weeks, 2 cores shared):
 * one training took 5.3 s in the worker pool; 12 sent at once by one manager took 53 s, filled
 * the worker queue that roster solves and forecasts share, held /healthz up to 1.13 s and took
 * the process from 772 to 1,146 MB RSS. Each stored one more ranker of about 0.3 MB (its
 * forest): 12 trainings added 4.3 MB to the journal, with no end to it.
 *
 * Now one training runs at a time in a process and another sent meanwhile is refused at once
 * with RATE_LIMITED; the registry keeps the newest MAX_STORED_RANKERS rankers, plus the ACTIVE
 * one and the one a rollback would return to; and saves, activations and rollbacks run one at
 * a time, so an activation cannot race the pruning of the ranker it activates.
 */
import { MAX_STORED_RANKERS } from '../../src/ranking/ranker-registry.service';
import type { RankerModelDoc } from '../../src/ranking/ranker-model.doc';
import { RANKER_MODELS } from '../../src/ranking/ranker-model.doc';
import { openDemoStore } from '../helpers/demo-snapshot';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';

jest.setTimeout(120_000);

const TRAIN = 'mutation($w: Int!) { trainAssignmentRanker(lookbackWeeks: $w) { id version status } }';

describe('audit: ranker trainings one at a time, stored rankers bounded', () => {
  let t: TestApp;
  let manager: string;
  const models = () => t.services.store.collection<RankerModelDoc>(RANKER_MODELS);

  beforeAll(async () => {
    t = await startTestApp({ store: await openDemoStore() });
    manager = await t.login('manager');
  }, 60_000);
  afterAll(() => t.close());

  it('trains one ranker at a time: the others sent with it are refused at once, with nothing stored', async () => {
    const before = await models().count({});
    const sent = Array.from({ length: 4 }, () => t.gql(TRAIN, { w: 12 }, manager));
    const refused = await Promise.race([
      Promise.all(sent.slice(1)),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not refused at once')), 5_000)),
    ]);
    for (const r of refused) {
      expect(codeOf(r)).toBe('RATE_LIMITED');
      expect(r.errors![0]!.message).toBe(
        '1 ranker training is already running or waiting; retry when they are done',
      );
    }
    const trained = await sent[0]!;
    expect(trained.errors).toBeUndefined();
    expect(await models().count({})).toBe(before + 1);
    // the lane is free again
    const next = await t.gql(TRAIN, { w: 12 }, manager);
    expect(next.errors).toBeUndefined();
  });

  it('keeps the newest rankers, the ACTIVE one and the rollback target; activations race no pruning', async () => {
    const { rankers } = t.services;
    const template = (await rankers.active())!;
    const { _id: _i, version: _v, status: _s, activatedAt: _a, ...fields } = template;
    const first = await rankers.save({ ...fields, createdAt: new Date() });
    await rankers.activate(first._id);
    const second = await rankers.save({ ...fields, createdAt: new Date() });
    await rankers.activate(second._id); // first is now the rollback target
    // saves one after another (as trainings make them), with activations of the oldest
    // candidates sent meanwhile, while the saves prune them
    const oldest = await models().find({ status: 'CANDIDATE' }, { sort: { version: 1 }, limit: 3 });
    const saves = (async () => {
      for (let i = 0; i < MAX_STORED_RANKERS + 5; i++)
        await rankers.save({ ...fields, createdAt: new Date() });
    })();
    const activations = oldest.map((m) =>
      rankers.activate(m._id).then(
        (a) => a.status,
        (e: { code?: string }) => e.code,
      ),
    );
    await saves;
    const outcomes = await Promise.all(activations);
    // each activation saw its ranker whole (ACTIVE) or gone (NOT_FOUND), or was queued out
    for (const o of outcomes) expect(['ACTIVE', 'NOT_FOUND', 'RATE_LIMITED']).toContain(o);
    expect(await models().count({ status: 'ACTIVE' })).toBe(1);
    const stored = await models().count({});
    expect(stored).toBeLessThanOrEqual(MAX_STORED_RANKERS + 2);
    // the newest are all kept, and a rollback still has somewhere to go
    const newest = (await rankers.list()).map((m) => m.version);
    expect(newest[0]).toBe(Math.max(...(await models().find({})).map((m) => m.version)));
    await expect(rankers.rollback()).resolves.toMatchObject({ status: 'ACTIVE' });
    expect(await models().count({ status: 'ACTIVE' })).toBe(1);
  });
});
