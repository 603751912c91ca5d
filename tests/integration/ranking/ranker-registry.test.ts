import { RANKER_MODELS, type RankerModelDoc } from '../../../src/ranking/ranker-model.doc';
import { FEATURE_NAMES } from '../../../src/ranking/ranking-features.core';
import { RankerRegistryService } from '../../../src/ranking/ranker-registry.service';
import { DEFAULT_RANKER_OPTIONS, trainForest } from '../../../src/ranking/ranker.core';
import { EmbeddedStore } from '../../../src/store/embedded-store';

describe('ranker registry', () => {
  const forest = trainForest([[0], [1], [0], [1]], [0, 1, 0, 1], {
    ...DEFAULT_RANKER_OPTIONS,
    nEstimators: 1,
    maxFeatures: 1,
  });
  const model = () => ({
    lookbackWeeks: 26,
    metrics: {
      auc: 0.9,
      precisionAtK: 0.8,
      baselinePrecisionAtK: 0.3,
      trainRows: 4,
      validationRows: 4,
      trainWeeks: [],
      validationWeeks: [],
    },
    options: DEFAULT_RANKER_OPTIONS,
    featureNames: [...FEATURE_NAMES],
    forest,
    createdAt: new Date(),
    createdBy: null,
  });

  it('versions models, activates one at a time and rolls back to the previously active one', async () => {
    const store = await EmbeddedStore.open();
    await RankerRegistryService.ensureIndexes(store);
    const registry = new RankerRegistryService(store);
    await expect(registry.rollback()).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    const v1 = await registry.save(model());
    const v2 = await registry.save(model());
    expect([v1.version, v2.version, v1.status]).toEqual([1, 2, 'CANDIDATE']);
    await registry.activate(v1._id);
    await expect(registry.rollback()).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    await registry.activate(v2._id);
    expect((await registry.active())!._id).toBe(v2._id);
    const back = await registry.rollback();
    expect(back).toMatchObject({ _id: v1._id, status: 'ACTIVE' });
    expect((await registry.list()).map((m) => [m.version, m.status])).toEqual([
      [2, 'RETIRED'],
      [1, 'ACTIVE'],
    ]);
    await expect(registry.activate('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  /**
   * Two paths, one answer: what `rollbackTarget` names (the dashboard's "Roll back to vN") is
   * what `rollback` then activates, and its refusal is the mutation's error, at every step.
   */
  it('rollbackTarget names the ranker rollback activates, or its refusal', async () => {
    const store = await EmbeddedStore.open();
    await RankerRegistryService.ensureIndexes(store);
    const registry = new RankerRegistryService(store);
    /** rollbackTarget, then rollback: the same ranker, or the same refusal. */
    const agree = async () => {
      const { target, refusal } = await registry.rollbackTarget();
      if (target === null) {
        await expect(registry.rollback()).rejects.toMatchObject({
          code: 'FAILED_PRECONDITION',
          message: refusal,
        });
        return null;
      }
      expect(refusal).toBeNull();
      expect(target).not.toHaveProperty('forest');
      expect((await registry.rollback())._id).toBe(target._id);
      return target.version;
    };
    expect(await registry.rollbackTarget()).toEqual({
      target: null,
      refusal: 'No active ranker to roll back',
    });
    expect(await agree()).toBeNull();
    const [v1, v2, v3] = [
      await registry.save(model()),
      await registry.save(model()),
      await registry.save(model()),
    ];
    await registry.activate(v1._id);
    expect(await registry.rollbackTarget()).toEqual({
      target: null,
      refusal: 'No earlier ranker to roll back to',
    });
    expect(await agree()).toBeNull();
    // v1 → v2 → v3: a rollback returns to v2
    await registry.activate(v2._id);
    await registry.activate(v3._id);
    expect((await registry.rollbackTarget()).target).toMatchObject({
      _id: v2._id,
      version: 2,
      status: 'RETIRED',
    });
    expect(await agree()).toBe(2);
    // v3 is now the RETIRED one activated last: a second rollback returns to it, not to v1
    expect(await agree()).toBe(3);
    // a CANDIDATE never activated is never a target
    const v4 = await registry.save(model());
    expect((await registry.rollbackTarget()).target?._id).not.toBe(v4._id);
    // a retired ranker whose feature names are not this version's: refused, with activate's message
    await store
      .collection<RankerModelDoc>(RANKER_MODELS)
      .updateOne({ _id: v2._id }, { $set: { featureNames: FEATURE_NAMES.slice(1) } });
    const refused = await registry.rollbackTarget();
    expect(refused.target).toBeNull();
    expect(refused.refusal).toMatch(/^Ranker v2 \(.+\) does not fit this version's features: /);
    expect(await agree()).toBeNull();
    expect((await registry.active())!._id).toBe(v3._id);
    await store.close();
  });
});
